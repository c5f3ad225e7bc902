#include "core/TimelineModel.h"

#include <QLatin1StringView>

using namespace Qt::StringLiterals;

TimelineModel::TimelineModel(StateHistory* history, QObject* parent)
    : QAbstractTableModel(parent), m_history(history), m_rows(int(history->processes().size())) {
    connect(m_history, &StateHistory::cleared, this, &TimelineModel::onCleared);
    connect(m_history, &StateHistory::processAdded, this, &TimelineModel::onProcessAdded);
    connect(m_history, &StateHistory::changed, this, &TimelineModel::onChanged);
}

void TimelineModel::onCleared() {
    // The time stays: a replay that jumps back rebuilds the history under the same cursor.
    beginResetModel();
    m_rows = int(m_history->processes().size());
    endResetModel();
}

void TimelineModel::onProcessAdded(int serial) {
    if (serial != m_rows) { // out of step: should not happen, but stay consistent
        onCleared();
        return;
    }
    beginInsertRows({}, m_rows, m_rows);
    ++m_rows;
    endInsertRows();
}

void TimelineModel::onChanged() {
    if (m_rows > 0) emit dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1));
}

void TimelineModel::setTime(double t) {
    if (t < 0) t = -1.0;
    if (qFuzzyCompare(t + 2.0, m_time + 2.0)) return;
    m_time = t;
    if (m_rows > 0) emit dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1));
}

double TimelineModel::time() const {
    return m_time < 0 ? m_history->now() : m_time;
}

int TimelineModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_rows;
}

int TimelineModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString TimelineModel::stateText(ProcState state, const QString& on) {
    switch (state) {
    case ProcState::Running:
        return tr("running");
    case ProcState::Ready:
        return tr("ready, waiting for a CPU");
    case ProcState::Waiting:
        if (on == "sleep"_L1) return tr("sleeping");
        if (on == "wait"_L1) return tr("waiting for a child");
        if (on == "join"_L1) return tr("joining a process");
        if (on == "io"_L1) return tr("waiting for I/O");
        if (on == "queue-get"_L1) return tr("waiting for a queue item");
        if (on == "queue-put"_L1) return tr("waiting for queue space");
        if (on == "lock"_L1) return tr("waiting for a lock");
        if (on.isEmpty()) return tr("waiting");
        return tr("waiting (%1)").arg(on);
    case ProcState::Paused:
        return tr("paused");
    case ProcState::Stopped:
        return tr("stopped (SIGSTOP)");
    case ProcState::Zombie:
        return tr("zombie");
    case ProcState::Reaped:
        return tr("reaped");
    }
    return {};
}

QString TimelineModel::detailText(const QString& detail) {
    // "queue 1, lock 2" as StateHistory keeps it: the words people know are translated, the
    // rest stays as the engine said it.
    QStringList parts;
    for (const QString& part : detail.split(u", "_s, Qt::SkipEmptyParts)) {
        const qsizetype space = part.indexOf(u' ');
        const QString key = space < 0 ? part : part.left(space);
        const QString value = space < 0 ? QString() : part.mid(space + 1);
        if (key == "queue"_L1)
            parts << tr("queue %1").arg(value);
        else if (key == "lock"_L1)
            parts << tr("lock %1").arg(value);
        else if (key == "pool"_L1)
            parts << tr("pool %1").arg(value);
        else if (key == "task"_L1)
            parts << tr("task %1").arg(value);
        else if (key == "child"_L1 || key == "target"_L1)
            parts << tr("process %1").arg(value);
        else
            parts << part;
    }
    return parts.join(tr(", "));
}

QString TimelineModel::stateText(const InstantState& s) {
    if (!s.exists && !s.gone) return tr("not started yet");
    QString text = stateText(s.state, s.on);
    if (!s.detail.isEmpty()) text = tr("%1 (%2)").arg(text, detailText(s.detail));
    if (s.orphan) text = tr("%1, orphan").arg(text);
    return text;
}

QString TimelineModel::describe(const InstantState& s, double t) {
    const QString who = tr("PID %1 %2").arg(s.pid).arg(s.name);
    if (!s.exists && !s.gone) return tr("%1: not started yet").arg(who);
    if (s.gone) return tr("%1: reaped at %2 s").arg(who).arg(s.since, 0, 'f', 3);
    return tr("%1: %2 for %3 s").arg(who, stateText(s)).arg(t - s.since, 0, 'f', 3);
}

QVariant TimelineModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const double t = time();
    const InstantState s = m_history->stateOf(index.row(), t);
    if (s.serial < 0) return {};
    switch (role) {
    case SerialRole:
        return s.serial;
    case PidRole:
        return s.pid;
    case StateRole:
        if (!s.exists && !s.gone) return QString();
        return procStateName(s.state);
    case OnRole:
        return s.on;
    case ExistsRole:
        return s.exists;
    case OrphanRole:
        return s.orphan;
    case SinceRole:
        return s.since;
    case Qt::ToolTipRole:
        return describe(s, t);
    case Qt::TextAlignmentRole:
        if (index.column() == PidColumn || index.column() == SinceColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case PidColumn:
            return QString::number(s.pid);
        case NameColumn:
            return s.name;
        case StateColumn:
            return stateText(s);
        case SinceColumn:
            if (!s.exists) return QString();
            return tr("%1 s").arg(t - s.since, 0, 'f', 3);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case PidColumn:
        return tr("PID");
    case NameColumn:
        return tr("Name");
    case StateColumn:
        return tr("State");
    case SinceColumn:
        return tr("For");
    default:
        return {};
    }
}

QHash<int, QByteArray> TimelineModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SerialRole, "serial");
    names.insert(PidRole, "pid");
    names.insert(StateRole, "state");
    names.insert(OnRole, "on");
    names.insert(ExistsRole, "exists");
    names.insert(OrphanRole, "orphan");
    names.insert(SinceRole, "since");
    return names;
}

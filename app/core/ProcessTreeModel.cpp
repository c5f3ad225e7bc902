#include "core/ProcessTreeModel.h"

#include "core/RunModel.h"

#include <QCoreApplication>

ProcessTreeModel::ProcessTreeModel(RunModel* run, QObject* parent)
    : QAbstractItemModel(parent), m_run(run) {
    connect(m_run, &RunModel::cleared, this, &ProcessTreeModel::rebuild);
    connect(m_run, &RunModel::processAdded, this, &ProcessTreeModel::onProcessAdded);
    connect(m_run, &RunModel::processChanged, this, &ProcessTreeModel::onProcessChanged);
    connect(m_run, &RunModel::processReparented, this, &ProcessTreeModel::onProcessReparented);
    rebuild();
}

void ProcessTreeModel::rebuild() {
    beginResetModel();
    m_nodes.clear();
    m_roots.clear();
    for (const ProcessRecord& p : m_run->processes()) {
        m_nodes.append(Node{p.parentSerial, {}});
        if (p.parentSerial >= 0)
            m_nodes[p.parentSerial].children.append(p.serial);
        else
            m_roots.append(p.serial);
    }
    endResetModel();
}

const QList<int>& ProcessTreeModel::siblings(int parentSerial) const {
    return parentSerial < 0 ? m_roots : m_nodes[parentSerial].children;
}

int ProcessTreeModel::rowOf(int serial) const {
    return int(siblings(m_nodes[serial].parent).indexOf(serial));
}

QModelIndex ProcessTreeModel::indexForSerial(int serial, int column) const {
    if (serial < 0 || serial >= m_nodes.size() || column < 0 || column >= ColumnCount) return {};
    return createIndex(rowOf(serial), column, quintptr(serial));
}

QModelIndex ProcessTreeModel::indexForPid(int pid, int column) const {
    const ProcessRecord* p = m_run->latest(pid);
    return p ? indexForSerial(p->serial, column) : QModelIndex();
}

const ProcessRecord* ProcessTreeModel::record(const QModelIndex& index) const {
    if (!index.isValid() || index.model() != this) return nullptr;
    return m_run->process(int(index.internalId()));
}

void ProcessTreeModel::onProcessAdded(int serial) {
    if (serial != m_nodes.size()) { // out of step: should not happen, but stay consistent
        rebuild();
        return;
    }
    const int parentSerial = m_run->process(serial)->parentSerial;
    const int row = int(siblings(parentSerial).size());
    beginInsertRows(indexForSerial(parentSerial), row, row);
    m_nodes.append(Node{parentSerial, {}});
    if (parentSerial >= 0)
        m_nodes[parentSerial].children.append(serial);
    else
        m_roots.append(serial);
    endInsertRows();
}

void ProcessTreeModel::onProcessChanged(int serial) {
    if (serial < 0 || serial >= m_nodes.size()) return;
    emit dataChanged(indexForSerial(serial, 0), indexForSerial(serial, ColumnCount - 1));
}

void ProcessTreeModel::onProcessReparented(int serial, int oldParent, int newParent) {
    if (serial < 0 || serial >= m_nodes.size() || m_nodes[serial].parent != oldParent ||
        oldParent == newParent)
        return;
    const int row = rowOf(serial);
    const int destination = int(siblings(newParent).size());
    beginMoveRows(indexForSerial(oldParent), row, row, indexForSerial(newParent), destination);
    if (oldParent >= 0)
        m_nodes[oldParent].children.removeAt(row);
    else
        m_roots.removeAt(row);
    if (newParent >= 0)
        m_nodes[newParent].children.append(serial);
    else
        m_roots.append(serial);
    m_nodes[serial].parent = newParent;
    endMoveRows();
}

QModelIndex ProcessTreeModel::index(int row, int column, const QModelIndex& parent) const {
    if (!hasIndex(row, column, parent)) return {};
    const int parentSerial = parent.isValid() ? int(parent.internalId()) : -1;
    return createIndex(row, column, quintptr(siblings(parentSerial).at(row)));
}

QModelIndex ProcessTreeModel::parent(const QModelIndex& child) const {
    if (!child.isValid()) return {};
    const int parentSerial = m_nodes[int(child.internalId())].parent;
    return parentSerial < 0 ? QModelIndex() : indexForSerial(parentSerial);
}

int ProcessTreeModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid()) return int(m_roots.size());
    if (parent.column() != 0) return 0;
    return int(m_nodes[int(parent.internalId())].children.size());
}

int ProcessTreeModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

Qt::ItemFlags ProcessTreeModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

QHash<int, QByteArray> ProcessTreeModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(RawRole, "raw");
    names.insert(SerialRole, "serial");
    names.insert(PidRole, "pid");
    names.insert(StateRole, "state");
    return names;
}

QString ProcessTreeModel::stateText(const ProcessRecord& p) {
    QString text;
    switch (p.state) {
    case ProcState::Running:
        text = tr("running");
        break;
    case ProcState::Ready:
        text = tr("ready");
        break;
    case ProcState::Waiting:
        if (p.waitingOn == QLatin1StringView("sleep"))
            text = tr("sleeping");
        else if (p.waitingOn == QLatin1StringView("wait"))
            text = tr("waiting for a child");
        else if (p.waitingOn == QLatin1StringView("join"))
            text = tr("joining a process");
        else if (p.waitingOn == QLatin1StringView("io"))
            text = tr("waiting for I/O");
        else if (p.waitingOn == QLatin1StringView("queue-get"))
            text = tr("waiting for a queue item");
        else if (p.waitingOn == QLatin1StringView("queue-put"))
            text = tr("waiting for queue space");
        else if (p.waitingOn == QLatin1StringView("lock"))
            text = tr("waiting for a lock");
        else if (p.waitingOn.isEmpty())
            text = tr("waiting");
        else
            text = tr("waiting (%1)").arg(p.waitingOn);
        break;
    case ProcState::Paused:
        text = tr("paused");
        break;
    case ProcState::Stopped:
        text = tr("stopped (SIGSTOP)");
        break;
    case ProcState::Zombie:
        text = tr("zombie");
        break;
    case ProcState::Reaped:
        text = p.reapedBy > 0 ? tr("reaped by %1").arg(p.reapedBy) : tr("reaped by the engine");
        break;
    }
    if (p.orphan) text = tr("%1, orphan").arg(text);
    return text;
}

QString ProcessTreeModel::exitText(const ProcessRecord& p) {
    if (p.exitSignal) {
        return p.signalName.isEmpty() ? tr("signal %1").arg(*p.exitSignal)
                                      : tr("signal %1 (%2)").arg(*p.exitSignal).arg(p.signalName);
    }
    return p.exitCode ? QString::number(*p.exitCode) : QString();
}

QString ProcessTreeModel::toolTip(const ProcessRecord& p) {
    QStringList lines;
    lines << tr("PID %1, %2").arg(p.pid).arg(p.comm.isEmpty() ? p.name : p.comm);
    if (p.how == QLatin1StringView("init"))
        lines << tr("PID 1 of the run: it adopts orphans and reaps them");
    else if (p.how == QLatin1StringView("main"))
        lines << tr("The script's first process, started by %1").arg(p.originalPpid);
    else if (p.how == QLatin1StringView("process"))
        lines << tr("Started by %1 with multiprocessing.Process").arg(p.originalPpid);
    else
        lines << tr("Forked by %1").arg(p.originalPpid);
    if (!p.comm.isEmpty()) lines << tr("Replaced its program with %1 (exec)").arg(p.comm);
    if (p.orphan)
        lines << tr("Orphan: its parent %1 ended first; adopted by %2")
                     .arg(p.originalPpid)
                     .arg(p.adopter);
    lines << tr("State: %1").arg(stateText(p));
    if (p.line > 0 && p.isAlive()) lines << tr("At line %1").arg(p.line);
    if (p.hasExited()) lines << tr("Exit: %1").arg(exitText(p));
    if (p.isZombie()) lines << tr("A zombie: it has ended, but its parent has not reaped it yet");
    if (!p.error.isEmpty()) lines << tr("Error: %1").arg(p.error);
    return lines.join(QLatin1Char('\n'));
}

QVariant ProcessTreeModel::data(const QModelIndex& index, int role) const {
    const ProcessRecord* p = record(index);
    if (!p) return {};

    switch (role) {
    case SerialRole:
        return p->serial;
    case PidRole:
        return p->pid;
    case StateRole:
        return procStateName(p->state);
    case Qt::ToolTipRole:
        return toolTip(*p);
    case Qt::TextAlignmentRole:
        if (index.column() == LineColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RawRole:
        switch (index.column()) {
        case PidColumn:
            return p->pid;
        case NameColumn:
            return p->comm.isEmpty() ? p->name : p->comm;
        case StateColumn:
            return procStateName(p->state);
        case LineColumn:
            return p->line;
        case ExitColumn:
            if (p->exitSignal) return -*p->exitSignal;
            if (p->exitCode) return *p->exitCode;
            return {};
        default:
            return {};
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case PidColumn:
            return QString::number(p->pid);
        case NameColumn:
            return p->comm.isEmpty() ? p->name : p->comm;
        case StateColumn:
            return stateText(*p);
        case LineColumn:
            return p->line > 0 && p->isAlive() ? QString::number(p->line) : QString();
        case ExitColumn:
            return exitText(*p);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant ProcessTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case PidColumn:
            return tr("PID");
        case NameColumn:
            return tr("Name");
        case StateColumn:
            return tr("State");
        case LineColumn:
            return tr("Line");
        case ExitColumn:
            return tr("Exit");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case PidColumn:
            return tr("The process ID, as the script sees it");
        case StateColumn:
            return tr("What the process is doing now");
        case LineColumn:
            return tr("The script line it is about to run");
        case ExitColumn:
            return tr("Its exit code, or the signal that ended it");
        default:
            return {};
        }
    }
    return {};
}

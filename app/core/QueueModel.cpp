#include "core/QueueModel.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QVariantList toVariantList(const QList<int>& pids) {
    QVariantList list;
    for (int pid : pids)
        list << pid;
    return list;
}

QString pidList(const QList<int>& pids) {
    QStringList parts;
    for (int pid : pids)
        parts << QString::number(pid);
    return parts.join(u", "_s);
}

} // namespace

QueueModel::QueueModel(QObject* parent) : EventTableModel(parent) {}

QStringList QueueModel::splitListRepr(const QString& repr, bool* cut) {
    if (cut) *cut = false;
    QString text = repr.trimmed();
    if (text.endsWith(u"…]"_s)) {
        if (cut) *cut = true;
        text.chop(2);
        text.append(u']');
    }
    if (text.size() < 2 || text.front() != u'[' || text.back() != u']') return {};
    text = text.mid(1, text.size() - 2);
    // Top-level commas separate items; brackets nest and quotes hide whatever they hold.
    QStringList items;
    QString current;
    int depth = 0;
    QChar quote;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (!quote.isNull()) {
            current += c;
            if (c == u'\\' && i + 1 < text.size())
                current += text[++i];
            else if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == u'\'' || c == u'"') {
            quote = c;
        } else if (c == u'(' || c == u'[' || c == u'{' || c == u'<') {
            ++depth;
        } else if (c == u')' || c == u']' || c == u'}' || c == u'>') {
            depth = std::max(0, depth - 1);
        } else if (c == u',' && depth == 0) {
            items << current.trimmed();
            current.clear();
            continue;
        }
        current += c;
    }
    if (!current.trimmed().isEmpty()) items << current.trimmed();
    return items;
}

void QueueModel::clear() {
    beginResetModel();
    m_queues.clear();
    m_lastQueue.clear();
    m_names.clear();
    forgetChanges();
    endResetModel();
}

void QueueModel::unblock(int pid) {
    for (qsizetype row = 0; row < m_queues.size(); ++row) {
        Queue& q = m_queues[row];
        if (q.putters.removeAll(pid) + q.getters.removeAll(pid) > 0) markChanged(int(row));
    }
}

void QueueModel::block(int pid, int queueId, bool putting) {
    Queue& q = queue(queueId);
    QList<int>& list = putting ? q.putters : q.getters;
    if (!list.contains(pid)) list.append(pid);
    markChanged(rowOf(queueId));
}

void QueueModel::applyOne(const EngineEvent& e) {
    const QString kind = e.kindName();
    if (e.kind == EventKind::Start) {
        clear(); // a second start is a new run
        return;
    }
    if (e.kind == EventKind::Spawn) {
        m_names.insert(e.pid, e.text("name"_L1));
        return;
    }
    if (e.kind == EventKind::Exit || e.kind == EventKind::Reap) {
        unblock(e.pid);
        return;
    }
    if (e.kind == EventKind::State) {
        const QString on = e.text("on"_L1);
        const bool waiting = e.text("state"_L1) == "waiting"_L1;
        const bool putting = on == "queue-put"_L1;
        const bool getting = on == "queue-get"_L1;
        if (!waiting || (!putting && !getting)) {
            // Paused in step mode it is still inside put() or get(): it stays blocked.
            if (e.text("state"_L1) != "paused"_L1) unblock(e.pid);
            return;
        }
        int queueId = e.integer("queue"_L1, 0);
        if (queueId <= 0) queueId = m_lastQueue.value(e.pid, 0);
        // An engine that does not name the queue: the only one, unless the process is a Pool
        // worker, whose wait for a task is a queue-get of the pool's own.
        if (queueId <= 0 && m_queues.size() == 1 &&
            !m_names.value(e.pid).startsWith("ForkPoolWorker"_L1))
            queueId = m_queues.first().id;
        unblock(e.pid);
        if (queueId > 0) block(e.pid, queueId, putting);
        return;
    }
    if (kind == "queue"_L1) {
        const int id = e.integer("queue"_L1, 0);
        if (id <= 0) return;
        Queue& q = queue(id);
        const int by = e.integer("by"_L1, e.pid);
        const QString op = e.text("op"_L1);
        const QString item = e.text("item"_L1);
        m_lastQueue.insert(by, id);
        if (op == "put"_L1) {
            q.items.append(item);
            q.putters.removeAll(by); // it got its item in
        } else if (op == "get"_L1) {
            if (!q.items.isEmpty()) q.items.removeFirst();
            q.getters.removeAll(by);
        } else if (op == "lost"_L1) {
            ++q.lost;
            q.putters.removeAll(by); // it died in the middle: it waits no more
            q.getters.removeAll(by);
            if (e.text("during"_L1) == "get"_L1 && !q.items.isEmpty()) q.items.removeFirst();
        }
        if (e.has("capacity"_L1)) q.capacity = e.integer("capacity"_L1);
        if (e.has("size"_L1)) q.size = e.integer("size"_L1);
        // The operations alone cannot know what lies beyond the items shown last.
        if (q.items.size() > q.size) q.items = q.items.mid(q.items.size() - q.size);
        q.cut = q.items.size() < q.size;
        markChanged(rowOf(id));
        return;
    }
    if (kind == "queue-state"_L1) {
        const int id = e.integer("queue"_L1, 0);
        if (id <= 0) return;
        Queue& q = queue(id);
        bool cut = false;
        q.items = splitListRepr(e.text("items"_L1), &cut);
        if (e.has("capacity"_L1)) q.capacity = e.integer("capacity"_L1);
        if (e.has("size"_L1)) q.size = e.integer("size"_L1);
        q.cut = cut || q.items.size() < q.size;
        markChanged(rowOf(id));
    }
}

int QueueModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_queues.size());
}

int QueueModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QueueModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Queue& q = m_queues[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case QueueColumn:
            return tr("Queue %1").arg(q.id);
        case SizeColumn:
            return q.capacity > 0 ? tr("%1 of %2").arg(q.size).arg(q.capacity)
                                  : tr("%1 (unbounded)").arg(q.size);
        case ItemsColumn: {
            QString text = q.items.join(u", "_s);
            if (q.cut) text += q.items.isEmpty() ? u"…"_s : u", …"_s;
            return text;
        }
        case PuttersColumn:
            return pidList(q.putters);
        case GettersColumn:
            return pidList(q.getters);
        }
        return {};
    case QueueIdRole:
        return q.id;
    case CapacityRole:
        return q.capacity;
    case SizeRole:
        return q.size;
    case ItemsRole:
        return q.items;
    case ItemsCutRole:
        return q.cut;
    case PuttersRole:
        return toVariantList(q.putters);
    case GettersRole:
        return toVariantList(q.getters);
    case LostRole:
        return q.lost;
    }
    return {};
}

QVariant QueueModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case QueueColumn:
        return tr("Queue");
    case SizeColumn:
        return tr("Size");
    case ItemsColumn:
        return tr("Items");
    case PuttersColumn:
        return tr("Blocked putting");
    case GettersColumn:
        return tr("Blocked getting");
    }
    return {};
}

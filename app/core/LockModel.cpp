#include "core/LockModel.h"

#include <QVariantMap>

using namespace Qt::StringLiterals;

LockModel::LockModel(QObject* parent) : EventTableModel(parent) {}

void LockModel::clear() {
    beginResetModel();
    m_locks.clear();
    m_exited.clear();
    m_waitingOnLock.clear();
    m_lastLock.clear();
    forgetChanges();
    endResetModel();
}

void LockModel::stopWaiting(int pid) {
    for (qsizetype row = 0; row < m_locks.size(); ++row)
        if (m_locks[row].waiters.removeAll(pid) > 0) markChanged(int(row));
}

void LockModel::applyOne(const EngineEvent& e) {
    switch (e.kind) {
    case EventKind::Start:
        clear();
        return;
    case EventKind::Spawn: // a pid reused after a reap
        m_exited.remove(e.pid);
        m_waitingOnLock.remove(e.pid);
        m_lastLock.remove(e.pid);
        return;
    case EventKind::Exit:
        m_exited.insert(e.pid);
        stopWaiting(e.pid);
        // A lock it holds stays held (the protocol's `recover` says when someone takes it over);
        // its row reads differently now.
        for (qsizetype row = 0; row < m_locks.size(); ++row)
            if (m_locks[row].holder == e.pid) markChanged(int(row));
        return;
    case EventKind::State: {
        const bool onLock = e.text("state"_L1) == "waiting"_L1 && e.text("on"_L1) == "lock"_L1;
        if (onLock) {
            m_waitingOnLock.insert(e.pid);
            int id = e.integer("lock"_L1, 0);
            // An engine that does not name the lock: the one the process used last, or the
            // only one (its `wait` operation, which names it, may come a little later).
            if (id <= 0) id = m_lastLock.value(e.pid, 0);
            if (id <= 0 && m_locks.size() == 1) id = m_locks.first().id;
            if (id > 0) {
                Lock& l = lock(id);
                if (l.holder != e.pid && !l.waiters.contains(e.pid)) {
                    l.waiters.append(e.pid);
                    markChanged(rowOf(id));
                }
            }
        } else if (e.text("state"_L1) != "paused"_L1 && m_waitingOnLock.remove(e.pid)) {
            // It woke from its wait: it has the lock now (its `acquire` may come a little
            // later) or its acquire() timed out; either way it waits no more.
            stopWaiting(e.pid);
        }
        return;
    }
    default:
        break;
    }
    if (e.kindName() != "lock"_L1) return;
    const int id = e.integer("lock"_L1, 0);
    if (id <= 0) return;
    Lock& l = lock(id);
    m_lastLock.insert(e.pid, id);
    const QString op = e.text("op"_L1);
    if (op == "wait"_L1) {
        if (l.holder != e.pid && !l.waiters.contains(e.pid)) l.waiters.append(e.pid);
    } else if (op == "acquire"_L1 || op == "recover"_L1) {
        l.waiters.removeAll(e.pid);
        if (op == "recover"_L1) l.recoveries.append({e.pid, e.integer("dead"_L1), e.t});
    }
    l.holder = e.integer("holder"_L1, op == "release"_L1 ? 0 : e.pid);
    l.count = e.integer("count"_L1, 0);
    markChanged(rowOf(id));
}

int LockModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_locks.size());
}

int LockModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LockModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Lock& l = m_locks[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case LockColumn:
            return tr("Lock %1").arg(l.id);
        case HolderColumn:
            if (l.holder <= 0) return tr("free");
            return m_exited.contains(l.holder) ? tr("%1 (exited)").arg(l.holder)
                                               : QString::number(l.holder);
        case WaitersColumn: {
            QStringList parts;
            for (int pid : l.waiters)
                parts << QString::number(pid);
            return parts.join(u", "_s);
        }
        case RecoveriesColumn: {
            QStringList parts;
            for (const Recovery& r : l.recoveries)
                parts << tr("%1 from %2").arg(r.pid).arg(r.dead);
            return parts.join(u"; "_s);
        }
        }
        return {};
    case LockIdRole:
        return l.id;
    case HolderRole:
        return l.holder;
    case HolderDeadRole:
        return l.holder > 0 && m_exited.contains(l.holder);
    case CountRole:
        return l.count;
    case WaitersRole: {
        QVariantList list;
        for (int pid : l.waiters)
            list << pid;
        return list;
    }
    case RecoveriesRole: {
        QVariantList list;
        for (const Recovery& r : l.recoveries)
            list << QVariantMap{{u"pid"_s, r.pid}, {u"dead"_s, r.dead}, {u"t"_s, r.t}};
        return list;
    }
    }
    return {};
}

QVariant LockModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case LockColumn:
        return tr("Lock");
    case HolderColumn:
        return tr("Holder");
    case WaitersColumn:
        return tr("Waiting, in order");
    case RecoveriesColumn:
        return tr("Recovered");
    }
    return {};
}

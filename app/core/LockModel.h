#pragma once

// The run's multiprocessing locks (Lock and RLock), one row each, built from the event stream
// alone (`lock`, `state`, `exit`, `reap`): who holds each one, who waits for it in the order
// they came, and the recoveries (a process that took over a lock whose holder died).

#include "core/EventTableModel.h"

#include <QHash>
#include <QList>
#include <QSet>

class LockModel : public EventTableModel {
    Q_OBJECT

public:
    enum Column { LockColumn, HolderColumn, WaitersColumn, RecoveriesColumn, ColumnCount };
    enum Role {
        LockIdRole = Qt::UserRole,
        HolderRole,     // int pid, 0: free
        HolderDeadRole, // bool: the holder has exited while holding it
        CountRole,      // int: an RLock's depth, 0 for a Lock
        WaitersRole,    // QVariantList of pids, first come first
        RecoveriesRole, // QVariantList of {pid, dead, t} maps
    };
    Q_ENUM(Role)

    struct Recovery {
        int pid = 0;  // who took the lock over
        int dead = 0; // whose death left it held
        double t = 0.0;
    };

    struct Lock {
        int id = 0;
        int holder = 0;
        int count = 0;
        QList<int> waiters;
        QList<Recovery> recoveries;
    };

    explicit LockModel(QObject* parent = nullptr);

    void clear();

    const QList<Lock>& locks() const { return m_locks; }
    int rowOf(int lockId) const { return EventTableModel::rowOf(m_locks, lockId); }
    bool hasExited(int pid) const { return m_exited.contains(pid); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void applyOne(const EngineEvent& e) override;
    Lock& lock(int id) { return findOrInsert(m_locks, id); }
    void stopWaiting(int pid);

    QList<Lock> m_locks;        // sorted by id
    QSet<int> m_exited;         // pids that exited (and not spawned again)
    QSet<int> m_waitingOnLock;  // pids whose latest state was waiting on a lock
    QHash<int, int> m_lastLock; // pid -> the lock it used last, for states without `lock`
};

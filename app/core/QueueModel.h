#pragma once

// The run's multiprocessing queues, one row each, built from the event stream alone (`queue`,
// `queue-state`, `state`, `exit`, `reap`): what each holds in slot order (oldest first), its
// capacity, and which processes are blocked putting into it (full) or getting from it (empty),
// in the order they started to wait. A replayed recording gives the same rows.
//
// The items come from `queue-state` (read from the queue itself) and, between two of those, from
// the `queue` operations; the protocol shows at most 16 items of a longer queue (ItemsCutRole).

#include "core/EventTableModel.h"

#include <QHash>
#include <QList>
#include <QStringList>

class QueueModel : public EventTableModel {
    Q_OBJECT

public:
    enum Column { QueueColumn, SizeColumn, ItemsColumn, PuttersColumn, GettersColumn, ColumnCount };
    enum Role {
        QueueIdRole = Qt::UserRole,
        CapacityRole, // int, 0: unbounded
        SizeRole,     // int, the queue's size after the latest operation
        ItemsRole,    // QStringList, the items' reprs, oldest first
        ItemsCutRole, // bool: the queue holds more than ItemsRole shows
        PuttersRole,  // QVariantList of pids blocked in put(), in the order they started
        GettersRole,  // QVariantList of pids blocked in get()
        LostRole,     // int: items lost with a process killed during an operation
    };
    Q_ENUM(Role)

    struct Queue {
        int id = 0;
        int capacity = 0;
        int size = 0;
        QStringList items;
        bool cut = false;
        QList<int> putters;
        QList<int> getters;
        int lost = 0;

        bool isFull() const { return capacity > 0 && size >= capacity; }
    };

    explicit QueueModel(QObject* parent = nullptr);

    void clear();

    const QList<Queue>& queues() const { return m_queues; }
    int rowOf(int queueId) const { return EventTableModel::rowOf(m_queues, queueId); }

    // Splits a Python list's repr ("['a', (1, 2)]") into its items' reprs; a trailing "…]"
    // (a list the engine cut) sets *cut.
    static QStringList splitListRepr(const QString& repr, bool* cut = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void applyOne(const EngineEvent& e) override;
    Queue& queue(int id) { return findOrInsert(m_queues, id); }
    void unblock(int pid);
    void block(int pid, int queueId, bool putting);

    QList<Queue> m_queues;       // sorted by id
    QHash<int, int> m_lastQueue; // pid -> the queue it last used, for state events without `queue`
    QHash<int, QString> m_names; // pid -> multiprocessing name
};

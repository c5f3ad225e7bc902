#pragma once

// The run's multiprocessing Pools, built from the event stream alone (`task`, `spawn`, `exit`):
// one top-level row per pool, with its workers as child rows (each with the task it runs now),
// and per pool the tasks still waiting for a worker, the results returned and the errors.
//
// A pool is known by its owner's pid and its number there (`pool` counts the pools a process
// made). Workers are forked in Pool(), before any task names the pool: a ForkPoolWorker child
// of the owner joins the owner's next new pool, and a worker's first `start` settles where it
// belongs.

#include "core/EngineEvent.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QString>

class PoolModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Column { NameColumn, TaskColumn, DoneColumn, ColumnCount };
    enum Role {
        PidRole = Qt::UserRole, // pool row: the owner's pid; worker row: the worker's pid
        PoolNumberRole,         // pool row: its number in its owner
        CurrentTaskRole,        // worker row: the task id it runs, 0 if idle
        WaitingTasksRole,       // pool row: QVariantList of task ids not started yet, in order
        ResultsRole,            // pool row: QVariantList of task ids done, in the order they were
        ErrorsRole,             // pool row: QVariantList of task ids that raised
        ExitedRole,             // worker row: bool
    };
    Q_ENUM(Role)

    enum class TaskState { Waiting, Running, Done, Error };

    struct Task {
        int id = 0;
        QString func;
        TaskState state = TaskState::Waiting;
        int worker = 0;
    };

    struct Worker {
        int pid = 0;
        QString name;
        int task = 0; // running now, 0: idle
        int done = 0; // tasks finished (done or error)
        bool exited = false;
    };

    struct Pool {
        int owner = 0;
        int number = 0;
        QList<Worker> workers;
        QList<Task> tasks;  // by first sight
        QList<int> waiting; // task ids not started yet, in submission order
        QList<int> results; // task ids done, in the order they finished
        QList<int> errors;  // task ids that raised

        const Task* task(int id) const;
    };

    explicit PoolModel(QObject* parent = nullptr);

    void apply(const QList<EngineEvent>& events);
    void clear();

    const QList<Pool>& pools() const { return m_pools; }
    // "#3 square": how a task reads in the panels.
    static QString taskText(const Task& task);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void applyOne(const EngineEvent& e);
    void applyTask(const EngineEvent& e);
    int poolRow(int owner, int number); // adds the pool when it is new
    int workerRow(int poolRow, int pid) const;
    void addWorker(int poolRow, int pid);
    void removeWorker(int pid, int exceptPoolRow);
    Task& task(int poolRow, int id, const QString& func);
    void changed(int poolRow, int workerRow = -1);

    QList<Pool> m_pools;
    QHash<int, int> m_parents;         // pid -> ppid, from spawn
    QHash<int, QString> m_names;       // pid -> name
    QHash<int, QList<int>> m_unplaced; // owner pid -> its workers not yet in a pool
};

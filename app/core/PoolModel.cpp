#include "core/PoolModel.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QVariantList toVariantList(const QList<int>& ids) {
    QVariantList list;
    for (int id : ids)
        list << id;
    return list;
}

constexpr quintptr kPoolLevel = 0; // a worker's internal id is its pool's row + 1

} // namespace

const PoolModel::Task* PoolModel::Pool::task(int id) const {
    for (const Task& t : tasks)
        if (t.id == id) return &t;
    return nullptr;
}

PoolModel::PoolModel(QObject* parent) : QAbstractItemModel(parent) {}

QString PoolModel::taskText(const Task& task) {
    return task.func.isEmpty() ? u"#%1"_s.arg(task.id) : u"#%1 %2"_s.arg(task.id).arg(task.func);
}

void PoolModel::clear() {
    beginResetModel();
    m_pools.clear();
    m_parents.clear();
    m_names.clear();
    m_unplaced.clear();
    endResetModel();
}

void PoolModel::apply(const QList<EngineEvent>& events) {
    for (const EngineEvent& e : events)
        applyOne(e);
}

void PoolModel::changed(int poolRow, int workerRow) {
    const QModelIndex parent = workerRow >= 0 ? index(poolRow, 0) : QModelIndex();
    const int row = workerRow >= 0 ? workerRow : poolRow;
    emit dataChanged(index(row, 0, parent), index(row, ColumnCount - 1, parent));
}

int PoolModel::poolRow(int owner, int number) {
    for (qsizetype row = 0; row < m_pools.size(); ++row)
        if (m_pools[row].owner == owner && m_pools[row].number == number) return int(row);
    const int row = int(m_pools.size());
    beginInsertRows({}, row, row);
    Pool pool;
    pool.owner = owner;
    pool.number = number;
    m_pools.append(pool);
    endInsertRows();
    for (int pid : m_unplaced.take(owner))
        addWorker(row, pid);
    return row;
}

int PoolModel::workerRow(int poolRow, int pid) const {
    const QList<Worker>& workers = m_pools[poolRow].workers;
    for (qsizetype row = 0; row < workers.size(); ++row)
        if (workers[row].pid == pid) return int(row);
    return -1;
}

void PoolModel::addWorker(int poolRow, int pid) {
    if (workerRow(poolRow, pid) >= 0) return;
    removeWorker(pid, poolRow);
    QList<Worker>& workers = m_pools[poolRow].workers;
    const int row = int(workers.size());
    beginInsertRows(index(poolRow, 0), row, row);
    Worker w;
    w.pid = pid;
    w.name = m_names.value(pid);
    workers.append(w);
    endInsertRows();
    changed(poolRow);
}

void PoolModel::removeWorker(int pid, int exceptPoolRow) {
    for (auto it = m_unplaced.begin(); it != m_unplaced.end(); ++it)
        it->removeAll(pid);
    for (qsizetype p = 0; p < m_pools.size(); ++p) {
        if (p == exceptPoolRow) continue;
        const int row = workerRow(int(p), pid);
        if (row < 0) continue;
        beginRemoveRows(index(int(p), 0), row, row);
        m_pools[p].workers.removeAt(row);
        endRemoveRows();
        changed(int(p));
    }
}

PoolModel::Task& PoolModel::task(int row, int id, const QString& func) {
    Pool& pool = m_pools[row];
    for (Task& t : pool.tasks)
        if (t.id == id) {
            if (t.func.isEmpty()) t.func = func;
            return t;
        }
    Task t;
    t.id = id;
    t.func = func;
    pool.tasks.append(t);
    return pool.tasks.last();
}

void PoolModel::applyOne(const EngineEvent& e) {
    switch (e.kind) {
    case EventKind::Start:
        clear();
        return;
    case EventKind::Spawn: {
        const int ppid = e.integer("ppid"_L1);
        const QString name = e.text("name"_L1);
        m_parents.insert(e.pid, ppid);
        m_names.insert(e.pid, name);
        if (name.startsWith("ForkPoolWorker"_L1)) m_unplaced[ppid].append(e.pid);
        return;
    }
    case EventKind::Exit:
        for (qsizetype p = 0; p < m_pools.size(); ++p) {
            const int row = workerRow(int(p), e.pid);
            if (row < 0) continue;
            m_pools[p].workers[row].exited = true;
            changed(int(p), row);
        }
        return;
    default:
        break;
    }
    if (e.kindName() == "task"_L1) applyTask(e);
}

void PoolModel::applyTask(const EngineEvent& e) {
    const QString op = e.text("op"_L1);
    const int number = e.integer("pool"_L1, 0);
    const int id = e.integer("task"_L1, 0);
    if (number <= 0 || id <= 0) return;
    const bool fromOwner = op == "submit"_L1;
    const int owner = fromOwner ? e.pid : m_parents.value(e.pid, 0);
    if (owner <= 0) return;
    const int row = poolRow(owner, number);
    Task& t = task(row, id, e.text("func"_L1));
    Pool& pool = m_pools[row];
    if (fromOwner) {
        // A start seen before its submit (two processes' messages) has already moved it on.
        if (t.state == TaskState::Waiting && !pool.waiting.contains(id)) pool.waiting.append(id);
        changed(row);
        return;
    }
    addWorker(row, e.pid); // changes workers only: `t` stays valid
    const int wrow = workerRow(row, e.pid);
    Worker& w = pool.workers[wrow];
    pool.waiting.removeAll(id);
    t.worker = e.pid;
    if (op == "start"_L1) {
        t.state = TaskState::Running;
        w.task = id;
    } else if (op == "done"_L1 || op == "error"_L1) {
        const bool ok = op == "done"_L1;
        t.state = ok ? TaskState::Done : TaskState::Error;
        (ok ? pool.results : pool.errors).append(id);
        if (w.task == id) w.task = 0;
        ++w.done;
    }
    changed(row);
    changed(row, wrow);
}

QModelIndex PoolModel::index(int row, int column, const QModelIndex& parent) const {
    if (row < 0 || column < 0 || column >= ColumnCount) return {};
    if (!parent.isValid())
        return row < m_pools.size() ? createIndex(row, column, kPoolLevel) : QModelIndex();
    if (parent.internalId() != kPoolLevel || parent.column() != 0) return {};
    if (row >= m_pools[parent.row()].workers.size()) return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex PoolModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == kPoolLevel) return {};
    return createIndex(int(child.internalId() - 1), 0, kPoolLevel);
}

int PoolModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid()) return int(m_pools.size());
    if (parent.internalId() != kPoolLevel || parent.column() != 0) return 0;
    return int(m_pools[parent.row()].workers.size());
}

int PoolModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

QVariant PoolModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    if (index.internalId() == kPoolLevel) {
        const Pool& pool = m_pools[index.row()];
        switch (role) {
        case Qt::DisplayRole:
            switch (index.column()) {
            case NameColumn:
                return tr("Pool %1 of process %2").arg(pool.number).arg(pool.owner);
            case TaskColumn:
                return tr("%n waiting", nullptr, int(pool.waiting.size()));
            case DoneColumn:
                return pool.errors.isEmpty() ? tr("%n done", nullptr, int(pool.results.size()))
                                             : tr("%1 done, %2 failed")
                                                   .arg(pool.results.size())
                                                   .arg(pool.errors.size());
            }
            return {};
        case PidRole:
            return pool.owner;
        case PoolNumberRole:
            return pool.number;
        case WaitingTasksRole:
            return toVariantList(pool.waiting);
        case ResultsRole:
            return toVariantList(pool.results);
        case ErrorsRole:
            return toVariantList(pool.errors);
        }
        return {};
    }
    const Pool& pool = m_pools[int(index.internalId() - 1)];
    const Worker& w = pool.workers[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return w.name.isEmpty() ? QString::number(w.pid) : u"%1 %2"_s.arg(w.pid).arg(w.name);
        case TaskColumn:
            if (w.exited) return tr("exited");
            if (const Task* t = w.task > 0 ? pool.task(w.task) : nullptr) return taskText(*t);
            return tr("idle");
        case DoneColumn:
            return tr("%n done", nullptr, w.done);
        }
        return {};
    case PidRole:
        return w.pid;
    case CurrentTaskRole:
        return w.task;
    case ExitedRole:
        return w.exited;
    }
    return {};
}

QVariant PoolModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case NameColumn:
        return tr("Pool / worker");
    case TaskColumn:
        return tr("Task");
    case DoneColumn:
        return tr("Done");
    }
    return {};
}

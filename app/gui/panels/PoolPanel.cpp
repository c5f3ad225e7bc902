#include "gui/panels/PoolPanel.h"

#include "core/PoolModel.h"

#include <algorithm>

PoolPanel::PoolPanel(PoolModel* model, RunModel* run, QWidget* parent)
    : PanelCanvas(run, parent), m_model(model) {
    setObjectName(QStringLiteral("poolPanel"));
    watch(model);
}

void PoolPanel::layoutElements(int) {
    Flow flow = firstLine();
    const QList<PoolModel::Pool>& pools = m_model->pools();
    if (pools.isEmpty()) {
        addCaption(flow,
                   tr("No pool yet: a multiprocessing.Pool appears here once the script "
                      "gives it a task."),
                   -1);
        return;
    }
    for (qsizetype row = 0; row < pools.size(); ++row) {
        const PoolModel::Pool& pool = pools[row];
        const int group = int(row);
        if (row > 0) flow = newLine(flow, 10);
        addHeading(flow, tr("Pool %1, made by").arg(pool.number), group);
        addChip(flow, pool.owner, group, tr("Made the pool and gives it tasks"));
        addCaption(
            flow,
            tr("%n worker(s)", nullptr, int(pool.workers.size())) + QStringLiteral(" · ") +
                tr("%n waiting", nullptr, int(pool.waiting.size())) + QStringLiteral(" · ") +
                tr("%n done", nullptr, int(pool.results.size())) +
                (pool.errors.isEmpty()
                     ? QString()
                     : QStringLiteral(" · ") + tr("%n failed", nullptr, int(pool.errors.size()))),
            group);

        // The workers in columns, as many as the width holds: who, and what it runs now.
        const auto taskOf = [&pool](const PoolModel::Worker& w) {
            const PoolModel::Task* t = w.task > 0 && !w.exited ? pool.task(w.task) : nullptr;
            return t;
        };
        const auto stateText = [&](const PoolModel::Worker& w) {
            if (w.exited) return tr("exited");
            const PoolModel::Task* t = taskOf(w);
            return t ? PoolModel::taskText(*t) : tr("idle");
        };
        int column = 0;
        for (const PoolModel::Worker& w : pool.workers)
            column = std::max(column, chipWidth(w.pid) + slotWidth(stateText(w)) +
                                          captionWidth(tr("%n done", nullptr, w.done)) + 4 * gap());
        const int columns =
            column > 0 ? std::max(1, (availableWidth() - 2 * margin() + gap()) / column) : 1;
        for (qsizetype i = 0; i < pool.workers.size(); ++i) {
            const PoolModel::Worker& w = pool.workers[i];
            if (i % columns == 0)
                flow = newLine(flow, 2);
            else
                flow.x = flow.left + int(i % columns) * column;
            addChip(flow, w.pid, group, w.name);
            if (w.exited)
                addEmpty(flow, stateText(w), group,
                         tr("This worker has ended (%n task(s) done)", nullptr, w.done));
            else if (const PoolModel::Task* t = taskOf(w))
                addSlot(flow, stateText(w), group, w.pid,
                        tr("Worker %1 runs task %2").arg(w.pid).arg(PoolModel::taskText(*t)));
            else
                addEmpty(flow, stateText(w), group, tr("Waiting for a task"));
            addCaption(flow, tr("%n done", nullptr, w.done), group);
        }

        flow = newLine(flow, 4);
        addCaption(flow, tr("Waiting:"), group,
                   tr("Tasks no worker has taken yet, first in first out"));
        if (pool.waiting.isEmpty()) addCaption(flow, tr("none"), group);
        for (int id : pool.waiting)
            if (const PoolModel::Task* t = pool.task(id))
                addSlot(flow, PoolModel::taskText(*t), group, 0,
                        tr("Task %1 waits for a free worker").arg(PoolModel::taskText(*t)));

        flow = newLine(flow, 2);
        addCaption(flow, tr("Results:"), group,
                   tr("Tasks done, in the order they finished, in their worker's colour"));
        if (pool.results.isEmpty() && pool.errors.isEmpty()) addCaption(flow, tr("none"), group);
        for (int id : pool.results)
            if (const PoolModel::Task* t = pool.task(id))
                addSlot(
                    flow, QStringLiteral("#%1").arg(id), group, t->worker,
                    tr("Task %1 done by worker %2").arg(PoolModel::taskText(*t)).arg(t->worker));
        for (int id : pool.errors)
            if (const PoolModel::Task* t = pool.task(id))
                addSlot(flow, tr("#%1 raised").arg(id), group, t->worker,
                        tr("Task %1 raised an exception in worker %2")
                            .arg(PoolModel::taskText(*t))
                            .arg(t->worker));
    }
}

#include "gui/panels/QueuePanel.h"

#include "core/QueueModel.h"

namespace {

// A bounded queue shows every slot up to this many; beyond it, its items and one empty slot.
constexpr int kMaxSlotsDrawn = 16;

} // namespace

QueuePanel::QueuePanel(QueueModel* model, RunModel* run, QWidget* parent)
    : PanelCanvas(run, parent), m_model(model) {
    setObjectName(QStringLiteral("queuePanel"));
    watch(model);
}

void QueuePanel::layoutElements(int) {
    Flow flow = firstLine();
    const QList<QueueModel::Queue>& queues = m_model->queues();
    if (queues.isEmpty()) {
        addCaption(flow,
                   tr("No queue yet: a multiprocessing.Queue appears here once the script "
                      "uses it."),
                   -1);
        return;
    }
    for (qsizetype row = 0; row < queues.size(); ++row) {
        const QueueModel::Queue& q = queues[row];
        const int group = int(row);
        if (row > 0) flow = newLine(flow, 10);
        addHeading(flow, tr("Queue %1").arg(q.id), group);
        QString size = q.capacity > 0 ? tr("%1 of %2").arg(q.size).arg(q.capacity)
                                      : tr("%n item(s), unbounded", nullptr, q.size);
        if (q.isFull()) size += tr(", full");
        if (q.lost > 0) size += tr(", %n lost", nullptr, q.lost);
        addCaption(flow, size, group);

        flow = newLine(flow, 2);
        addCaption(flow, tr("out ◂"), group, tr("get() takes the oldest item, on the left"));
        for (qsizetype i = 0; i < q.items.size(); ++i)
            addSlot(flow, q.items[i], group, 0, tr("Slot %1: %2").arg(i + 1).arg(q.items[i]));
        const int shown = int(q.items.size());
        if (q.cut)
            addEmpty(flow, tr("+%n more", nullptr, q.size - shown), group,
                     tr("The engine shows the first %1 items of a longer queue").arg(shown));
        if (q.capacity > 0 && q.capacity <= kMaxSlotsDrawn && !q.cut) {
            for (int i = shown; i < q.capacity; ++i)
                addEmpty(flow, QString(), group, tr("Slot %1: free").arg(i + 1));
        } else if (!q.isFull()) {
            addEmpty(flow, QStringLiteral("…"), group,
                     q.capacity > 0 ? tr("Room for %n more", nullptr, q.capacity - q.size)
                                    : tr("An unbounded queue has room for more"));
        }
        addCaption(flow, tr("◂ in"), group, tr("put() adds on the right"));

        if (!q.putters.isEmpty()) {
            flow = newLine(flow, 2);
            addCaption(flow, tr("Blocked putting (queue full):"), group);
            for (int pid : q.putters)
                addChip(flow, pid, group, tr("Blocked in put(): no room in queue %1").arg(q.id));
        }
        if (!q.getters.isEmpty()) {
            flow = newLine(flow, 2);
            addCaption(flow, tr("Blocked getting (queue empty):"), group);
            for (int pid : q.getters)
                addChip(flow, pid, group, tr("Blocked in get(): queue %1 is empty").arg(q.id));
        }
    }
}

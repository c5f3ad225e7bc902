#include "gui/panels/LockPanel.h"

#include "core/LockModel.h"

LockPanel::LockPanel(LockModel* model, RunModel* run, QWidget* parent)
    : PanelCanvas(run, parent), m_model(model) {
    setObjectName(QStringLiteral("lockPanel"));
    watch(model);
}

void LockPanel::layoutElements(int) {
    Flow flow = firstLine();
    const QList<LockModel::Lock>& locks = m_model->locks();
    if (locks.isEmpty()) {
        addCaption(flow,
                   tr("No lock yet: a multiprocessing.Lock appears here once the script "
                      "uses it."),
                   -1);
        return;
    }
    for (qsizetype row = 0; row < locks.size(); ++row) {
        const LockModel::Lock& l = locks[row];
        const int group = int(row);
        if (row > 0) flow = newLine(flow, 10);
        addHeading(flow, tr("Lock %1").arg(l.id), group);
        if (l.holder <= 0) {
            addEmpty(flow, tr("free"), group, tr("Nobody holds this lock"));
        } else {
            addCaption(flow, tr("held by"), group);
            const bool dead = m_model->hasExited(l.holder);
            addChip(flow, l.holder, group,
                    dead ? tr("Holds the lock, but has exited: nobody will release it")
                         : tr("Holds lock %1").arg(l.id));
            if (dead) addCaption(flow, tr("(exited while holding it)"), group);
            if (l.count > 1) addCaption(flow, tr("RLock depth %1").arg(l.count), group);
        }
        flow = newLine(flow, 2);
        if (l.waiters.isEmpty()) {
            addCaption(flow, tr("Nobody waiting"), group);
        } else {
            addCaption(flow, tr("Waiting, in order:"), group);
            for (qsizetype i = 0; i < l.waiters.size(); ++i)
                addChip(flow, l.waiters[i], group,
                        tr("Waiting for lock %1, %2 in the line").arg(l.id).arg(i + 1));
        }
        for (const LockModel::Recovery& r : l.recoveries) {
            flow = newLine(flow, 2);
            addChip(flow, r.pid, group);
            addCaption(flow, tr("took it over at %1 s from").arg(r.t, 0, 'f', 3), group);
            addChip(flow, r.dead, group, tr("Died holding the lock"));
        }
    }
}

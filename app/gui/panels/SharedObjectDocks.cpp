#include "gui/panels/SharedObjectDocks.h"

#include "core/LockModel.h"
#include "core/PoolModel.h"
#include "core/QueueModel.h"
#include "gui/panels/LockPanel.h"
#include "gui/panels/PoolPanel.h"
#include "gui/panels/QueuePanel.h"

#include <QAction>
#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>
#include <QScrollArea>

SharedObjectDocks::SharedObjectDocks(QMainWindow* window, RunModel* run, QDockWidget* besides)
    : QObject(window), m_queueModel(new QueueModel(this)), m_lockModel(new LockModel(this)),
      m_poolModel(new PoolModel(this)), m_queuePanel(new QueuePanel(m_queueModel, run)),
      m_lockPanel(new LockPanel(m_lockModel, run)), m_poolPanel(new PoolPanel(m_poolModel, run)) {
    m_queueDock = addDock(window, m_queuePanel, QStringLiteral("queueDock"), besides);
    m_lockDock = addDock(window, m_lockPanel, QStringLiteral("lockDock"), besides);
    m_poolDock = addDock(window, m_poolPanel, QStringLiteral("poolDock"), besides);
    retranslate();
    for (PanelCanvas* panel :
         {static_cast<PanelCanvas*>(m_queuePanel), static_cast<PanelCanvas*>(m_lockPanel),
          static_cast<PanelCanvas*>(m_poolPanel)}) {
        connect(panel, &PanelCanvas::processSelected, this, &SharedObjectDocks::processSelected);
        panel->relayout();
    }
    besides->raise();
}

void SharedObjectDocks::retranslate() {
    m_queueDock->setWindowTitle(tr("Queues"));
    m_lockDock->setWindowTitle(tr("Locks"));
    m_poolDock->setWindowTitle(tr("Pools"));
}

bool SharedObjectDocks::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::LanguageChange && watched == m_queueDock) retranslate();
    return QObject::eventFilter(watched, event);
}

QDockWidget* SharedObjectDocks::addDock(QMainWindow* window, QWidget* panel, const QString& name,
                                        QDockWidget* besides) {
    auto* dock = new QDockWidget(window);
    dock->installEventFilter(this);
    dock->setObjectName(name);
    auto* scroll = new QScrollArea(dock);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(panel);
    dock->setWidget(scroll);
    window->addDockWidget(Qt::RightDockWidgetArea, dock);
    window->tabifyDockWidget(besides, dock);
    return dock;
}

void SharedObjectDocks::apply(const QList<EngineEvent>& events) {
    const bool hadQueues = !m_queueModel->queues().isEmpty();
    const bool hadLocks = !m_lockModel->locks().isEmpty();
    const bool hadPools = !m_poolModel->pools().isEmpty();
    m_queueModel->apply(events);
    m_lockModel->apply(events);
    m_poolModel->apply(events);
    m_queuePanel->relayoutIfChanged();
    m_lockPanel->relayoutIfChanged();
    m_poolPanel->relayoutIfChanged();
    if (m_raised) return;
    // The first object of a run shows its panel; after that the user chooses the tab.
    QDockWidget* show = nullptr;
    if (!hadPools && !m_poolModel->pools().isEmpty())
        show = m_poolDock;
    else if (!hadQueues && !m_queueModel->queues().isEmpty())
        show = m_queueDock;
    else if (!hadLocks && !m_lockModel->locks().isEmpty())
        show = m_lockDock;
    if (show && show->toggleViewAction()->isChecked()) {
        show->raise();
        m_raised = true;
    }
}

void SharedObjectDocks::clear() {
    m_queueModel->clear();
    m_lockModel->clear();
    m_poolModel->clear();
    m_queuePanel->relayoutIfChanged();
    m_lockPanel->relayoutIfChanged();
    m_poolPanel->relayoutIfChanged();
    m_raised = false;
}

void SharedObjectDocks::setSelectedPid(int pid) {
    m_queuePanel->setSelectedPid(pid);
    m_lockPanel->setSelectedPid(pid);
    m_poolPanel->setSelectedPid(pid);
}

void SharedObjectDocks::setFont(const QFont& font) {
    m_queuePanel->setFont(font);
    m_lockPanel->setFont(font);
    m_poolPanel->setFont(font);
}

QList<QAction*> SharedObjectDocks::toggleViewActions() const {
    return {m_queueDock->toggleViewAction(), m_lockDock->toggleViewAction(),
            m_poolDock->toggleViewAction()};
}

#pragma once

// The Queue, Lock and Pool panels of the main window: their models (fed the same events as the
// others, so that a replay draws them the same), their docks, tabbed with the console, and the
// process selection shared with the rest of the window. A panel's tab comes to the front when
// the first queue, lock or pool of a run appears in it.

#include "core/EngineEvent.h"

#include <QList>
#include <QObject>

class LockModel;
class LockPanel;
class PoolModel;
class PoolPanel;
class QAction;
class QDockWidget;
class QEvent;
class QFont;
class QMainWindow;
class QueueModel;
class QueuePanel;
class RunModel;

class SharedObjectDocks : public QObject {
    Q_OBJECT

public:
    // The docks go into `window`, tabbed with `besides`.
    SharedObjectDocks(QMainWindow* window, RunModel* run, QDockWidget* besides);

    void apply(const QList<EngineEvent>& events);
    void clear();
    void setSelectedPid(int pid);
    void setFont(const QFont& font);
    QList<QAction*> toggleViewActions() const;

    QueueModel* queueModel() const { return m_queueModel; }
    LockModel* lockModel() const { return m_lockModel; }
    PoolModel* poolModel() const { return m_poolModel; }
    QueuePanel* queuePanel() const { return m_queuePanel; }
    LockPanel* lockPanel() const { return m_lockPanel; }
    PoolPanel* poolPanel() const { return m_poolPanel; }
    QDockWidget* queueDock() const { return m_queueDock; }
    QDockWidget* lockDock() const { return m_lockDock; }
    QDockWidget* poolDock() const { return m_poolDock; }

signals:
    void processSelected(int pid);

protected:
    // A language chosen while the app runs: the docks' titles in it.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslate();
    QDockWidget* addDock(QMainWindow* window, QWidget* panel, const QString& name,
                         QDockWidget* besides);

    QueueModel* m_queueModel;
    LockModel* m_lockModel;
    PoolModel* m_poolModel;
    QueuePanel* m_queuePanel;
    LockPanel* m_lockPanel;
    PoolPanel* m_poolPanel;
    QDockWidget* m_queueDock;
    QDockWidget* m_lockDock;
    QDockWidget* m_poolDock;
    bool m_raised = false; // a panel was brought to the front in this run
};

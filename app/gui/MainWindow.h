#pragma once

// The main window: the script in the middle with where each process is, the process tree and
// the console in docks, run controls in a menu and a toolbar. Every view is built from events:
// those of a live run (EngineClient) or those of a recording, through one RunModel.

#include "core/EngineEvent.h"
#include "core/Recording.h"

#include <QList>
#include <QMainWindow>
#include <QString>
#include <functional>
#include <optional>

class ChartsPanel;
class CodeView;
class ConsoleView;
class LessonController;
class EngineClient;
class ProcessTreeModel;
class ProcessTreeStyle;
class QAction;
class QComboBox;
class QDockWidget;
class QFrame;
class QLabel;
class QMenu;
class QSpinBox;
class QTimer;
class QToolBar;
class QToolButton;
class QTreeView;
class Replay;
class ReplayBar;
class RunModel;
class SharedObjectDocks;
class StateHistory;
class TimelineDock;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    struct Options {
        bool useSettings = true; // read and write the layout with QSettings
    };

    explicit MainWindow(QWidget* parent = nullptr) : MainWindow(Options{}, parent) {}
    explicit MainWindow(const Options& options, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a script (.py) or a recording (.jsonl), by the file's suffix.
    bool openFile(const QString& path);
    bool openScript(const QString& path);
    // Loads a recording and applies it; its script is looked for next to it.
    bool openRecording(const QString& path);
    bool saveRecording(const QString& path);
    // Feeds events as if they came from the engine (a replay, or the tests).
    void applyEvents(const QList<EngineEvent>& events);

    void setEngineProgram(const QString& program);

    // Lets the learner edit the script: the edits are saved to `copyPath`, never to the script
    // opened, and the runs use them from then on. Empty: read-only (openScript() sets that).
    void setScriptEditable(const QString& copyPath);
    // Saves the editor's text to the copy if it was edited. False (with a notice) on failure.
    bool saveEdits();
    // Lines the engine stops the next runs before (--break), armed before the script's first
    // line, where a command could come too late.
    void setStartBreakpoints(const QList<int>& lines) { m_startBreakLines = lines; }
    // One of the speed box's speeds (0.25 to 4); others are ignored.
    void setSpeed(double speed);
    LessonController* lessons() const { return m_lessons; }

    // Looks at the engine's events before they are shown: returns the index of the one after
    // which the window stops showing the run (the events after it, and those still to come,
    // are held back until releaseHeldEvents() or Run), -1 to show them all. The window then
    // shows the run exactly as it was at that event, though the engine pauses a little later.
    using EventGate = std::function<qsizetype(const QList<EngineEvent>&)>;
    void setEventGate(EventGate gate) { m_eventGate = std::move(gate); }
    bool isHoldingEvents() const { return m_holding; }
    // Shows the held events (through the gate again, unless `throughGate` is false).
    void releaseHeldEvents(bool throughGate = true);

    QString scriptPath() const { return m_scriptPath; }
    CodeView* codeView() const { return m_code; }
    ConsoleView* console() const { return m_console; }
    QTreeView* processView() const { return m_tree; }
    ProcessTreeModel* processTreeModel() const { return m_treeModel; }
    RunModel* runModel() const { return m_run; }
    EngineClient* engine() const { return m_engine; }
    const Recording& recording() const { return m_recording; }
    QAction* runAction() const { return m_runAction; }
    QAction* pauseAction() const { return m_pauseAction; }
    QAction* stepAction() const { return m_stepAction; }
    QAction* stopAction() const { return m_stopAction; }
    QAction* stepSelectedAction() const { return m_stepSelectedAction; }
    QAction* restartAction() const { return m_restartAction; }
    StateHistory* stateHistory() const { return m_history; }
    TimelineDock* timeline() const { return m_timeline; }
    ChartsPanel* charts() const { return m_charts; }
    SharedObjectDocks* objectDocks() const { return m_objects; }
    Replay* replay() const { return m_replay; }
    ReplayBar* replayBar() const { return m_replayBar; }
    QSpinBox* coresBox() const { return m_coresBox; }
    QString speedText() const;
    QString cpuText() const;
    // The process selected in the tree (or on the timeline), 0 if none.
    int selectedPid() const;
    QString runStateText() const;
    QString noticeText() const;
    int zoom() const { return m_zoom; }

public slots:
    void run();
    void pause();
    void step();
    void stopRun();
    void stepSelected();      // only the selected process runs one line
    void restart();           // stops the run if one goes, and starts the script again
    void setCores(int cores); // 0: all; restarts a run that is going
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void setZoom(int steps); // points added to every text size, -4 to 24
    // The whole window as a PNG, once what waits for a timer (fitting the tree's columns) and
    // pending layouts are done, so that the picture is the window a user would see next.
    bool saveScreenshot(const QString& path);

signals:
    // The events just applied from the engine (or given to applyEvents), in order.
    void eventsApplied(const QList<EngineEvent>& events);
    // A script was opened (a lesson's, the learner's own, or a recording's).
    void scriptOpened(const QString& path);
    // Run was pressed on a paused run (or one held at a lesson's moment): it goes on now.
    void aboutToContinue();

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    enum class NoticeKind { Info, Warning, Error };

    void createActions();
    void createMenus();
    void createToolBar();
    void createCentralWidget();
    void createDocks();
    void createStatusBar();
    void retranslateUi();
    void flushPendingLayout();
    void readSettings();
    void writeSettings();

    void startRun(bool stepMode);
    void takeEngineEvents(const QList<EngineEvent>& events);
    void showLineSamples(const QList<EngineEvent>& held);
    void resetRun();
    // Applies events to the models without recording them (a replay), and starts them over.
    void feedModels(const QList<EngineEvent>& events);
    void clearModels();
    void selectProcess(int serial);
    void onApplied();
    void onEngineFinished(int status);
    void onEngineFailed(const QString& message);
    void updateActions();
    void updateStatus();
    void updateTitle();
    void applyZoom();
    void fitProcessDock();
    void fitTreeColumns();
    void showNotice(const QString& text, NoticeKind kind);
    void hideNotice();
    void showTreeMenu(const QPoint& position);
    void showProcessLine(const QModelIndex& index);
    QString findScriptFor(const QString& recordingPath, const QString& scriptName) const;
    QString lastDirectory() const;
    void rememberDirectory(const QString& path);

    Options m_options;
    RunModel* m_run;
    ProcessTreeModel* m_treeModel;
    ProcessTreeStyle* m_treeStyle;
    EngineClient* m_engine;
    Recording m_recording;
    QString m_scriptPath;
    QString m_recordingPath;
    bool m_discardEngineEvents = false;
    bool m_engineEndedEarly = false; // the engine exited before its `end` event
    double m_speed = 1.0;
    int m_cores = 0; // --cores for the next run, 0: all
    bool m_restartPending = false;
    bool m_restartStepMode = false;
    int m_zoom = 0;
    qsizetype m_errorsShown = 0;
    qsizetype m_noticesShown = 0;
    int m_followedPid = 0;
    int m_followedLine = 0;

    CodeView* m_code = nullptr;
    ConsoleView* m_console = nullptr;
    QTreeView* m_tree = nullptr;
    QDockWidget* m_treeDock = nullptr;
    QDockWidget* m_consoleDock = nullptr;
    QFrame* m_notice = nullptr;
    QLabel* m_noticeLabel = nullptr;
    QLabel* m_stateLabel = nullptr;
    QLabel* m_timeLabel = nullptr;
    QLabel* m_countLabel = nullptr;
    QComboBox* m_speedBox = nullptr;
    QSpinBox* m_coresBox = nullptr;
    QTimer* m_coresTimer = nullptr;
    QTimer* m_treeFitTimer = nullptr;
    QLabel* m_speedLabel = nullptr;
    QLabel* m_cpuLabel = nullptr;
    StateHistory* m_history = nullptr;
    Replay* m_replay = nullptr;
    ReplayBar* m_replayBar = nullptr;
    QMenu* m_replayMenu = nullptr;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_runMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QToolBar* m_toolBar = nullptr;
    QLabel* m_speedTitle = nullptr;
    QLabel* m_coresTitle = nullptr;
    QToolButton* m_noticeClose = nullptr;
    LessonController* m_lessons = nullptr;
    QString m_editCopyPath; // where edits of the script go; empty: the script is read-only
    EventGate m_eventGate;
    QList<int> m_startBreakLines;
    bool m_holding = false;
    QList<EngineEvent> m_heldEvents;
    std::optional<int> m_heldFinish; // the engine's exit status, while its last events are held
    TimelineDock* m_timeline = nullptr;
    QDockWidget* m_timelineDock = nullptr;
    ChartsPanel* m_charts = nullptr;
    QDockWidget* m_chartsDock = nullptr;
    SharedObjectDocks* m_objects = nullptr; // the Queue, Lock and Pool panels

    QAction* m_openScriptAction = nullptr;
    QAction* m_openRecordingAction = nullptr;
    QAction* m_saveRecordingAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_runAction = nullptr;
    QAction* m_pauseAction = nullptr;
    QAction* m_stepAction = nullptr;
    QAction* m_stopAction = nullptr;
    QAction* m_stepSelectedAction = nullptr;
    QAction* m_restartAction = nullptr;
    QAction* m_zoomInAction = nullptr;
    QAction* m_zoomOutAction = nullptr;
    QAction* m_zoomResetAction = nullptr;
    QAction* m_aboutAction = nullptr;
};

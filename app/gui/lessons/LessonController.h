#pragma once

// Joins the lessons to the main window: the Lessons dock (LessonBrowser) and the Lesson dock
// (LessonPanel), the Lessons menu, and the lesson's run. It opens a lesson's script (or the
// learner's edited copy of it), follows the run's events through a LessonSession, pauses the
// run when a step's moment comes and frames the panel the step is about, answers the
// questions when the run is over, and remembers progress.
//
// Moments are seen in the event stream as it arrives, so the run pauses a frame after the
// moment (the engine pauses every process before its next line); the step's text is about
// what the moment left behind, which a frame does not change.

#include "core/Lesson.h"
#include "core/LessonSession.h"

#include <QJsonArray>
#include <QObject>
#include <QPointer>
#include <QString>

class LessonBrowser;
class LessonLibrary;
class LessonPanel;
class MainWindow;
class PanelHighlight;
class QAction;
class QDockWidget;
class QMenu;
class QWidget;
struct EngineEvent;

class LessonController : public QObject {
    Q_OBJECT

public:
    // Adds its docks and menu to `window`. Without a library, the default search paths'.
    explicit LessonController(MainWindow* window, LessonLibrary* library = nullptr);

    LessonLibrary* library() const { return m_library; }
    LessonBrowser* browser() const { return m_browser; }
    LessonPanel* panel() const { return m_panel; }
    QDockWidget* browserDock() const { return m_browserDock; }
    QDockWidget* panelDock() const { return m_panelDock; }
    QAction* reloadAction() const { return m_reloadAction; }
    QAction* resetAction() const { return m_resetAction; }
    QAction* nextAction() const { return m_nextAction; }
    const LessonSession& session() const { return m_session; }
    // The lesson open (its id), empty if none.
    QString currentLessonId() const { return m_session.lesson().id; }
    // The panel framed for the step shown, nullptr if none.
    QWidget* highlightedPanel() const;

    // Where the learner's edits of a lesson's script are kept (the lesson's own file is never
    // written): AppLocalDataLocation/edits/ID/SCRIPT.
    static QString editsPath(const Lesson& lesson);

    // Opens a lesson of the library. False if there is none by that id, or its script cannot
    // be read.
    bool openLesson(const QString& lessonId);
    // Opens a lesson folder that may not be in the library (forkscope FOLDER).
    bool openLessonFolder(const QString& directory);
    // The lesson open when the app last closed (if `remembered`), else the first one.
    bool openStartLesson(bool remembered = true);

public slots:
    // Reads every lesson folder again (a lesson added or edited on disk); the lesson open is
    // opened again unless it is running.
    void reload();
    // The next step; a paused run goes on when the step waits for its moment.
    void next();
    // Puts the lesson's script back, asking first when there are edits. False if the learner
    // said no.
    bool resetScript();

signals:
    void lessonOpened(const QString& lessonId);
    // A step's moment came in the run: the run is paused there and the step is shown.
    void momentReached(int step);

private:
    bool open(const Lesson& lesson);
    void createActions();
    void retranslate();
    void onRunStarted();
    // Feeds the session the run's events before the window shows them; at a step's moment,
    // the window shows the run as it was at that event (MainWindow::setEventGate).
    qsizetype gate(const QList<EngineEvent>& events);
    void onEvents(const QList<EngineEvent>& events);
    void answerQuestions();
    // Asks the engine to stop the run exactly before the line the awaited step is tied to (a
    // `line N` moment), so that the step does not depend on the line being sampled.
    void armBreakpoint();
    // The line a run of the lesson is to stop before from its start, if its first awaited step
    // is tied to one.
    QList<int> startBreakpoints() const;
    void highlightCurrentStep();
    QWidget* panelWidget(const QString& panel) const;
    void updateProgress();
    // The panel, and the Lessons menu's Next and Reset, as the session now is.
    void refreshPanel();
    bool isLessonScript(const QString& path) const;

    MainWindow* m_window;
    LessonLibrary* m_library;
    LessonSession m_session;
    LessonBrowser* m_browser = nullptr;
    LessonPanel* m_panel = nullptr;
    QDockWidget* m_browserDock = nullptr;
    QDockWidget* m_panelDock = nullptr;
    QMenu* m_menu = nullptr;
    QAction* m_reloadAction = nullptr;
    QAction* m_resetAction = nullptr;
    QAction* m_nextAction = nullptr;
    QPointer<PanelHighlight> m_highlight;
    bool m_following = false; // the run going is the open lesson's
    bool m_reached = false;   // the gate saw a step's moment; the window shows it next
    bool m_breakHit = false;  // the gate saw the engine stop at a breakpoint
    QJsonArray m_armedLines;  // the breakpoints the engine has
};

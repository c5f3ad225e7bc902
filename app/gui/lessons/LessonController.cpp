#include "gui/lessons/LessonController.h"

#include "core/EngineClient.h"
#include "core/LanguageSwitcher.h"
#include "core/LessonLibrary.h"
#include "core/LessonLoader.h"
#include "core/LessonProgress.h"
#include "core/RunModel.h"
#include "gui/CodeView.h"
#include "gui/MainWindow.h"
#include "gui/lessons/LessonBrowser.h"
#include "gui/lessons/LessonPanel.h"
#include "gui/lessons/PanelHighlight.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>

namespace {

QString readText(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace

LessonController::LessonController(MainWindow* window, LessonLibrary* library)
    : QObject(window), m_window(window), m_library(library ? library : new LessonLibrary(this)) {
    setObjectName(QStringLiteral("lessonController"));
    m_browserDock = new QDockWidget(window);
    m_browserDock->setObjectName(QStringLiteral("lessonsDock"));
    m_browser = new LessonBrowser(m_library, m_browserDock);
    m_browserDock->setWidget(m_browser);
    m_panelDock = new QDockWidget(window);
    m_panelDock->setObjectName(QStringLiteral("lessonDock"));
    m_panel = new LessonPanel(m_panelDock);
    m_panelDock->setWidget(m_panel);
    window->addDockWidget(Qt::LeftDockWidgetArea, m_browserDock);
    window->addDockWidget(Qt::LeftDockWidgetArea, m_panelDock);
    // Both on the left, one tab each, the lesson being followed in front, from top to bottom:
    // its texts are long, and the timeline does with the width under the code.
    window->setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    window->tabifyDockWidget(m_browserDock, m_panelDock);
    m_panelDock->raise();
    window->resizeDocks({m_panelDock}, {330}, Qt::Horizontal);
    createActions();
    retranslate();
    refreshPanel();

    connect(m_browser, &LessonBrowser::lessonChosen, this, &LessonController::openLesson);
    connect(m_panel, &LessonPanel::nextRequested, this, &LessonController::next);
    window->setEventGate([this](const QList<EngineEvent>& events) { return gate(events); });
    connect(window, &MainWindow::eventsApplied, this, &LessonController::onEvents);
    connect(window, &MainWindow::aboutToContinue, this, [this] {
        // Continue instead of Next: the next step's moment still stops the run.
        if (!m_following || !m_session.awaitFollowing()) return;
        armBreakpoint();
        refreshPanel();
    });
    // Another script than the lesson's (File ▸ Open, a recording): no lesson is followed, and
    // the list of lessons comes to the front.
    connect(window, &MainWindow::scriptOpened, this, [this](const QString& path) {
        if (isLessonScript(path)) return;
        m_following = false;
        m_session = LessonSession();
        m_panel->setSession(nullptr);
        m_browser->setCurrentLesson(QString());
        highlightCurrentStep();
        refreshPanel();
        m_browserDock->raise();
    });
    connect(window->engine(), &EngineClient::started, this, &LessonController::onRunStarted);
    connect(window->engine(), &EngineClient::finished, this, [this] {
        // Events the window still holds are this run's, and go through the gate later.
        if (!m_window->isHoldingEvents()) m_following = false;
        refreshPanel();
    });
    connect(LanguageSwitcher::instance(), &LanguageSwitcher::languageChanged, this, [this] {
        retranslate();
        m_library->reload(); // the loader's messages are in the language of the moment
    });
}

void LessonController::createActions() {
    m_menu = new QMenu(m_window);
    m_menu->setObjectName(QStringLiteral("lessonsMenu"));
    // Before Help, after the window's own menus.
    const QList<QAction*> top = m_window->menuBar()->actions();
    m_window->menuBar()->insertMenu(top.isEmpty() ? nullptr : top.last(), m_menu);

    m_nextAction = new QAction(this);
    m_nextAction->setObjectName(QStringLiteral("lessonNextAction"));
    m_nextAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    connect(m_nextAction, &QAction::triggered, this, &LessonController::next);
    m_resetAction = new QAction(this);
    m_resetAction->setObjectName(QStringLiteral("lessonResetAction"));
    connect(m_resetAction, &QAction::triggered, this, &LessonController::resetScript);
    m_reloadAction = new QAction(this);
    m_reloadAction->setObjectName(QStringLiteral("lessonReloadAction"));
    m_reloadAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(m_reloadAction, &QAction::triggered, this, &LessonController::reload);
    m_panel->setResetAction(m_resetAction);
    m_menu->addAction(m_nextAction);
    m_menu->addAction(m_resetAction);
    m_menu->addSeparator();
    m_menu->addAction(m_reloadAction);
    m_menu->addSeparator();
    m_menu->addAction(m_browserDock->toggleViewAction());
    m_menu->addAction(m_panelDock->toggleViewAction());
}

void LessonController::retranslate() {
    m_menu->setTitle(tr("&Lessons"));
    m_browserDock->setWindowTitle(tr("Lessons"));
    m_panelDock->setWindowTitle(tr("Lesson"));
    m_nextAction->setText(tr("&Next Step"));
    m_nextAction->setToolTip(tr("Show the lesson's next step (Ctrl+Return)"));
    m_resetAction->setText(tr("&Reset Script…"));
    m_resetAction->setToolTip(tr("Put the lesson's own script back in place of your edits"));
    m_reloadAction->setText(tr("Re&load Lessons"));
    m_reloadAction->setToolTip(
        tr("Read the lesson folders again: a lesson added or edited on disk appears (Ctrl+R)"));
}

QString LessonController::editsPath(const Lesson& lesson) {
    if (lesson.id.isEmpty() || lesson.scriptName.isEmpty()) return {};
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
           QStringLiteral("/edits/") + lesson.id + QLatin1Char('/') +
           QFileInfo(lesson.scriptName).fileName();
}

bool LessonController::openLesson(const QString& lessonId) {
    const Lesson* lesson = m_library->lesson(lessonId);
    if (!lesson) return false;
    return open(*lesson);
}

bool LessonController::openLessonFolder(const QString& directory) {
    const QString clean = QDir(directory).canonicalPath();
    for (const Lesson& lesson : m_library->lessons())
        if (QDir(lesson.directory).canonicalPath() == clean) return open(lesson);
    if (!LessonLoader::isLessonFolder(directory)) return false;
    return open(LessonLoader::load(directory));
}

bool LessonController::openStartLesson(bool remembered) {
    const QString last = remembered ? LessonProgress::lastLesson() : QString();
    if (!last.isEmpty() && openLesson(last)) return true;
    for (const Lesson& lesson : m_library->lessons())
        if (open(lesson)) return true;
    return false;
}

bool LessonController::open(const Lesson& lesson) {
    m_window->saveEdits(); // the lesson left keeps the learner's work
    const QString edits = editsPath(lesson);
    const QString script =
        !edits.isEmpty() && QFileInfo(edits).isFile() ? edits : lesson.scriptPath;
    m_following = false;
    if (!m_window->openScript(script)) return false;
    m_window->setScriptEditable(edits);
    // The lesson's run, not the last lesson's: cores = 0 is every CPU.
    m_window->setCores(lesson.cores);
    m_window->setSpeed(lesson.speed);
    m_session = LessonSession(lesson);
    m_panel->setSession(&m_session);
    refreshPanel();
    m_window->setStartBreakpoints(startBreakpoints());
    m_browser->setCurrentLesson(lesson.id);
    if (m_library->lesson(lesson.id)) LessonProgress::setLastLesson(lesson.id);
    if (script == edits)
        m_window->statusBar()->showMessage(
            tr("Your edited copy of this lesson's script is open; Lessons ▸ Reset Script puts "
               "the lesson's own back."),
            8000);
    if (!lesson.isValid())
        m_window->statusBar()->showMessage(
            tr("This lesson has problems, listed in the Lessons panel: %1")
                .arg(lesson.problems.first().toString()),
            10000);
    highlightCurrentStep();
    m_panelDock->raise(); // chosen in the list: what it is about comes to the front
    emit lessonOpened(lesson.id);
    return true;
}

void LessonController::reload() {
    m_window->saveEdits();
    const QString current = currentLessonId();
    m_library->reload();
    if (!current.isEmpty() && !m_window->engine()->isRunning() && m_library->lesson(current))
        openLesson(current);
    const qsizetype problems = m_library->problems().size();
    QString message = tr("%n lesson(s) found", nullptr, int(m_library->lessons().size()));
    if (problems > 0)
        message += tr(", %n problem(s): see the Lessons panel", nullptr, int(problems));
    m_window->statusBar()->showMessage(message, 6000);
    if (problems > 0) m_browserDock->raise();
}

bool LessonController::isLessonScript(const QString& path) const {
    const Lesson& lesson = m_session.lesson();
    if (lesson.id.isEmpty() || path.isEmpty()) return false;
    const QString canonical = QFileInfo(path).canonicalFilePath();
    return canonical == QFileInfo(lesson.scriptPath).canonicalFilePath() ||
           canonical == QFileInfo(editsPath(lesson)).canonicalFilePath();
}

void LessonController::onRunStarted() {
    m_following = isLessonScript(m_window->scriptPath());
    if (!m_following) return;
    m_session.startRun();
    // The run was started with the first awaited line armed (--break).
    m_armedLines = {};
    for (int line : startBreakpoints())
        m_armedLines.append(line);
    armBreakpoint();
    LessonProgress::markStarted(m_session.lesson().id);
    m_panel->setAnswers({});
    refreshPanel();
    m_browser->refresh();
    highlightCurrentStep();
}

qsizetype LessonController::gate(const QList<EngineEvent>& events) {
    if (!m_following) return -1;
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (events[i].text(QLatin1StringView("kind")) == QLatin1StringView("break")) {
            m_armedLines = {}; // a breakpoint stops the run once
            m_breakHit = true;
        }
        if (m_session.feed(events[i])) {
            m_reached = true;
            // At a breakpoint, the process's line and its pause come just after: shown too.
            qsizetype cut = i;
            if (events[i].text(QLatin1StringView("kind")) == QLatin1StringView("break")) {
                while (cut + 1 < events.size() && (events[cut + 1].kind == EventKind::Mode ||
                                                   ((events[cut + 1].kind == EventKind::Line ||
                                                     events[cut + 1].kind == EventKind::State) &&
                                                    events[cut + 1].pid == events[i].pid))) {
                    ++cut;
                    m_session.feed(events[cut]);
                }
            }
            return cut; // the window shows the run as it is at this event
        }
    }
    return -1;
}

void LessonController::onEvents(const QList<EngineEvent>& events) {
    if (!m_following) return;
    const bool reached = std::exchange(m_reached, false);
    if (std::exchange(m_breakHit, false) && !reached) {
        // The line was reached, but not by the process (or the time) the step is about:
        // armed again, and on.
        armBreakpoint();
        m_window->engine()->resume();
    }
    bool ended = false;
    for (const EngineEvent& event : events)
        if (event.kind == EventKind::End) ended = true;
    if (reached) {
        m_window->pause();
        armBreakpoint(); // none until Next awaits another line
        highlightCurrentStep();
        m_panelDock->raise();
    }
    if (ended) answerQuestions();
    if (!m_window->engine()->isRunning() && !m_window->isHoldingEvents()) m_following = false;
    updateProgress();
    refreshPanel();
    if (reached) emit momentReached(int(m_session.current()));
}

void LessonController::answerQuestions() {
    QStringList answers;
    const QList<EngineEvent>& events = m_window->recording().events();
    for (const LessonQuestion& question : m_session.lesson().questions)
        answers << (question.answer ? question.answer->derive(events) : QString());
    m_panel->setAnswers(answers);
}

void LessonController::next() {
    switch (m_session.next()) {
    case LessonSession::Advance::None:
        break;
    case LessonSession::Advance::Shown:
        highlightCurrentStep();
        updateProgress();
        break;
    case LessonSession::Advance::Awaiting:
        // The step comes with its moment: a run paused at the last step goes on to it.
        armBreakpoint();
        if (m_following && (m_window->isHoldingEvents() || (m_window->engine()->isRunning() &&
                                                            m_window->runModel()->run().paused)))
            m_window->run();
        break;
    }
    refreshPanel();
}

void LessonController::refreshPanel() {
    m_panel->refresh();
    m_nextAction->setEnabled(m_session.canGoNext());
    m_resetAction->setEnabled(!currentLessonId().isEmpty());
}

void LessonController::updateProgress() {
    if (m_session.allShown() && m_session.runEnded() &&
        LessonProgress::state(m_session.lesson().id) != LessonProgress::State::Done) {
        LessonProgress::markDone(m_session.lesson().id);
        m_browser->refresh();
    }
}

bool LessonController::resetScript() {
    const Lesson& lesson = m_session.lesson();
    if (lesson.id.isEmpty()) return false;
    const QString edits = editsPath(lesson);
    const QString original = readText(lesson.scriptPath);
    QString shown = m_window->codeView()->toPlainText();
    if (!shown.endsWith(QLatin1Char('\n'))) shown += QLatin1Char('\n');
    QString originalEnded = original;
    if (!originalEnded.endsWith(QLatin1Char('\n'))) originalEnded += QLatin1Char('\n');
    if (shown != originalEnded) {
        QMessageBox box(QMessageBox::Question, tr("Reset Script"),
                        tr("Put the lesson's own script back? Your edits of %1 are lost.")
                            .arg(QFileInfo(lesson.scriptName).fileName()),
                        QMessageBox::NoButton, m_window);
        box.setObjectName(QStringLiteral("resetScriptBox"));
        QPushButton* reset = box.addButton(tr("Reset"), QMessageBox::DestructiveRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() != reset) return false;
    }
    m_window->setScriptEditable(QString()); // what is in the editor now is not to be saved
    if (QFileInfo::exists(edits)) QFile::remove(edits);
    return open(lesson);
}

QList<int> LessonController::startBreakpoints() const {
    // A run starts awaiting the first step with a moment (LessonSession::startRun).
    for (const LessonStep& step : m_session.lesson().steps) {
        if (!step.moment) continue;
        if (step.moment->kind == LessonMoment::Kind::Line) return {step.moment->number};
        return {};
    }
    return {};
}

void LessonController::armBreakpoint() {
    if (!m_following || !m_window->engine()->isRunning()) return;
    QJsonArray lines;
    const qsizetype awaited = m_session.awaited();
    if (awaited >= 0) {
        const std::optional<LessonMoment>& moment = m_session.lesson().steps[awaited].moment;
        if (moment && moment->kind == LessonMoment::Kind::Line) lines.append(moment->number);
    }
    if (lines == m_armedLines) return;
    m_armedLines = lines;
    m_window->engine()->sendCommand(
        {{QStringLiteral("cmd"), QStringLiteral("break")}, {QStringLiteral("lines"), lines}});
}

QWidget* LessonController::panelWidget(const QString& panel) const {
    if (panel.isEmpty()) return nullptr;
    if (panel == QLatin1StringView("code")) return m_window->codeView();
    // Docks are found by name, so panels other windows add (queueDock, lockDock, poolDock)
    // are framed as soon as they exist.
    const QString name =
        panel == QLatin1StringView("tree") ? QStringLiteral("processDock") : panel + "Dock";
    auto* dock = m_window->findChild<QDockWidget*>(name);
    if (!dock || !dock->widget()) return nullptr;
    dock->show();
    dock->raise();
    return dock->widget();
}

void LessonController::highlightCurrentStep() {
    const LessonStep* step = m_session.currentStep();
    QString panel;
    if (step)
        panel = !step->panel.isEmpty() ? step->panel
                : step->moment         ? step->moment->defaultPanel()
                                       : QString();
    QWidget* target = panelWidget(panel);
    if (!m_highlight) m_highlight = new PanelHighlight(m_window);
    m_highlight->setTarget(target);
}

QWidget* LessonController::highlightedPanel() const {
    return m_highlight && m_highlight->isVisibleTo(m_window) ? m_highlight->target() : nullptr;
}

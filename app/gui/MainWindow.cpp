#include "gui/MainWindow.h"

#include "core/EngineClient.h"
#include "core/Lessons.h"
#include "core/ProcessTreeModel.h"
#include "core/Replay.h"
#include "core/RunModel.h"
#include "core/StateHistory.h"
#include "gui/CodeView.h"
#include "gui/ConsoleView.h"
#include "gui/LanguageMenu.h"
#include "gui/ProcessTreeStyle.h"
#include "gui/Theme.h"
#include "gui/charts/ChartsPanel.h"
#include "gui/lessons/LessonController.h"
#include "gui/panels/SharedObjectDocks.h"
#include "gui/timeline/ReplayBar.h"
#include "gui/timeline/TimelineDock.h"
#include "gui/timeline/TimelineView.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QStatusBar>
#include <QStyle>
#include <QThread>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <utility>

#ifndef FORKSCOPE_VERSION
#define FORKSCOPE_VERSION "0"
#endif

namespace {

constexpr int kMinZoom = -4;
constexpr int kMaxZoom = 24;
const QList<double> kSpeeds{0.25, 0.5, 1.0, 2.0, 4.0};

bool isRecordingPath(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1StringView("jsonl") || suffix == QLatin1StringView("json");
}

// An action's text for a toolbar button: without its mnemonic, which Qt strips when it is a
// bare '&' but not in the "(&R)" form that Chinese and Japanese menus use.
QString withoutMnemonic(QString text) {
    static const QRegularExpression cjkMnemonic(QStringLiteral("\\s*\\(&[^)]\\)"));
    text.remove(cjkMnemonic);
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    if (text.endsWith(QStringLiteral("…"))) text.chop(1);
    return text;
}

void setActionText(QAction* action, const QString& text) {
    action->setText(text);
    action->setIconText(withoutMnemonic(text));
}

QFont baseCodeFont() {
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPointSize(std::max(font.pointSize(), 11));
    return font;
}

} // namespace

MainWindow::MainWindow(const Options& options, QWidget* parent)
    : QMainWindow(parent), m_options(options), m_run(new RunModel(this)),
      m_treeModel(new ProcessTreeModel(m_run, this)), m_treeStyle(new ProcessTreeStyle(this)),
      m_engine(new EngineClient(this)) {
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    m_treeStyle->setSourceModel(m_treeModel);
    m_history = new StateHistory(this);
    m_replay = new Replay(this);

    createActions();
    createMenus();
    createToolBar();
    createCentralWidget();
    createDocks();
    createStatusBar();
    retranslateUi();
    m_lessons = new LessonController(this);

    connect(m_run, &RunModel::applied, this, &MainWindow::onApplied);
    connect(m_run, &RunModel::cleared, this, [this] {
        m_errorsShown = 0;
        m_noticesShown = 0;
        m_followedPid = 0;
        m_followedLine = 0;
    });
    connect(m_engine, &EngineClient::eventsArrived, this, &MainWindow::takeEngineEvents);
    connect(m_engine, &EngineClient::started, this, &MainWindow::updateActions);
    connect(m_engine, &EngineClient::finished, this, &MainWindow::onEngineFinished);
    connect(m_engine, &EngineClient::engineFailed, this, &MainWindow::onEngineFailed);

    // A replay feeds the models as the engine would, without touching the recording.
    connect(m_replay, &Replay::reset, this, &MainWindow::clearModels);
    connect(m_replay, &Replay::eventsDue, this, &MainWindow::feedModels);
    connect(m_replay, &Replay::playingChanged, this, [this] {
        updateActions();
        updateStatus();
    });

    resize(1280, 720);
    if (m_options.useSettings) readSettings();
    applyZoom();
    updateActions();
    updateStatus();
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions() {
    const auto icon = [this](QStyle::StandardPixmap pixmap) {
        return style()->standardIcon(pixmap);
    };

    m_openScriptAction = new QAction(icon(QStyle::SP_DialogOpenButton), QString(), this);
    m_openScriptAction->setShortcut(QKeySequence::Open);
    connect(m_openScriptAction, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open Script"), lastDirectory(), tr("Python scripts (*.py);;All files (*)"));
        if (!path.isEmpty()) openScript(path);
    });

    m_openRecordingAction = new QAction(this);
    m_openRecordingAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(m_openRecordingAction, &QAction::triggered, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Open Recording"), lastDirectory(),
                                         tr("Forkscope recordings (*.jsonl);;All files (*)"));
        if (!path.isEmpty()) openRecording(path);
    });

    m_saveRecordingAction = new QAction(icon(QStyle::SP_DialogSaveButton), QString(), this);
    m_saveRecordingAction->setShortcut(QKeySequence::Save);
    connect(m_saveRecordingAction, &QAction::triggered, this, [this] {
        QString suggestion = QFileInfo(m_scriptPath).completeBaseName();
        if (suggestion.isEmpty()) suggestion = QStringLiteral("run");
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save Recording"),
            QDir(lastDirectory()).filePath(suggestion + QStringLiteral(".jsonl")),
            tr("Forkscope recordings (*.jsonl)"));
        if (!path.isEmpty()) saveRecording(path);
    });

    m_quitAction = new QAction(this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_runAction = new QAction(icon(QStyle::SP_MediaPlay), QString(), this);
    m_runAction->setShortcut(QKeySequence(Qt::Key_F5));
    connect(m_runAction, &QAction::triggered, this, &MainWindow::run);

    m_pauseAction = new QAction(icon(QStyle::SP_MediaPause), QString(), this);
    m_pauseAction->setShortcut(QKeySequence(Qt::Key_F6));
    connect(m_pauseAction, &QAction::triggered, this, &MainWindow::pause);

    m_stepAction = new QAction(icon(QStyle::SP_MediaSkipForward), QString(), this);
    m_stepAction->setShortcut(QKeySequence(Qt::Key_F10));
    connect(m_stepAction, &QAction::triggered, this, &MainWindow::step);

    m_stopAction = new QAction(icon(QStyle::SP_MediaStop), QString(), this);
    m_stopAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    connect(m_stopAction, &QAction::triggered, this, &MainWindow::stopRun);

    m_stepSelectedAction = new QAction(icon(QStyle::SP_ArrowForward), QString(), this);
    m_stepSelectedAction->setObjectName(QStringLiteral("stepSelectedAction"));
    m_stepSelectedAction->setShortcut(QKeySequence(Qt::Key_F11));
    connect(m_stepSelectedAction, &QAction::triggered, this, &MainWindow::stepSelected);

    m_restartAction = new QAction(icon(QStyle::SP_BrowserReload), QString(), this);
    m_restartAction->setObjectName(QStringLiteral("restartAction"));
    m_restartAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F5));
    connect(m_restartAction, &QAction::triggered, this, &MainWindow::restart);

    m_zoomInAction = new QAction(this);
    m_zoomInAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence::ZoomIn});
    connect(m_zoomInAction, &QAction::triggered, this, &MainWindow::zoomIn);

    m_zoomOutAction = new QAction(this);
    m_zoomOutAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Minus), QKeySequence::ZoomOut});
    connect(m_zoomOutAction, &QAction::triggered, this, &MainWindow::zoomOut);

    m_zoomResetAction = new QAction(this);
    m_zoomResetAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(m_zoomResetAction, &QAction::triggered, this, &MainWindow::resetZoom);

    m_aboutAction = new QAction(this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, [this] {
        QMessageBox::about(
            this, tr("About Forkscope"),
            tr("<h3>Forkscope %1</h3>"
               "<p>Watch how processes are born, wait, share and die: Forkscope runs a "
               "lesson's Python script for real and draws its processes as they go.</p>"
               "<p>Each process has its own colour, in the code, the tree and the console.</p>")
                .arg(QStringLiteral(FORKSCOPE_VERSION)));
    });
}

void MainWindow::retranslateUi() {
    setActionText(m_openScriptAction, tr("&Open Script…"));
    m_openScriptAction->setToolTip(tr("Open a Python script to run (Ctrl+O)"));
    setActionText(m_openRecordingAction, tr("Open &Recording…"));
    m_openRecordingAction->setToolTip(tr("Replay a saved run (.jsonl)"));
    setActionText(m_saveRecordingAction, tr("&Save Recording…"));
    m_saveRecordingAction->setToolTip(tr("Save the events of this run, to replay it later"));
    setActionText(m_quitAction, tr("&Quit"));
    m_runAction->setToolTip(tr("Run the script, or continue a paused run (F5)"));
    setActionText(m_pauseAction, tr("&Pause"));
    m_pauseAction->setToolTip(tr("Hold every process before its next line (F6)"));
    setActionText(m_stepAction, tr("S&tep"));
    m_stepAction->setToolTip(
        tr("Let every paused process run one line; starts a run paused if none is going (F10)"));
    setActionText(m_stopAction, tr("&Stop"));
    m_stopAction->setToolTip(tr("End the run: every process is killed (Shift+F5)"));
    m_stepSelectedAction->setToolTip(tr("Let only the process selected in the tree or on the "
                                        "timeline run one line; the others stay (F11)"));
    setActionText(m_restartAction, tr("R&estart"));
    m_restartAction->setToolTip(tr("End the run and start the script again (Ctrl+F5)"));
    setActionText(m_zoomInAction, tr("Zoom &In"));
    m_zoomInAction->setToolTip(tr("Larger text, for a projector (Ctrl+=)"));
    setActionText(m_zoomOutAction, tr("Zoom &Out"));
    m_zoomOutAction->setToolTip(tr("Smaller text (Ctrl+-)"));
    setActionText(m_zoomResetAction, tr("&Normal Size"));
    setActionText(m_aboutAction, tr("&About Forkscope"));

    m_fileMenu->setTitle(tr("&File"));
    m_runMenu->setTitle(tr("&Run", "menu"));
    m_viewMenu->setTitle(tr("&View"));
    m_helpMenu->setTitle(tr("&Help"));
    if (m_replayMenu) m_replayMenu->setTitle(tr("Re&play"));
    m_toolBar->setWindowTitle(tr("Run", "toolbar"));
    m_speedTitle->setText(tr("Speed:"));
    m_speedBox->setToolTip(tr("How fast time.sleep() passes: 2× halves every sleep"));
    m_coresTitle->setText(tr("CPUs:"));
    m_coresBox->setSpecialValueText(tr("all"));
    m_coresBox->setToolTip(tr("How many CPUs the run may use: with fewer CPUs than busy "
                              "processes, some must wait, ready. Changing it restarts a run."));
    m_noticeClose->setToolTip(tr("Hide this message"));
    m_code->setPlaceholderText(
        tr("Open a lesson script (File ▸ Open Script…) or a recording, or drop one here."));
    m_treeDock->setWindowTitle(tr("Processes"));
    m_consoleDock->setWindowTitle(tr("Console"));
    m_timelineDock->setWindowTitle(tr("Timeline"));
    m_chartsDock->setWindowTitle(tr("Charts"));
    m_timeLabel->setToolTip(tr("Scenario time: seconds since the run started, as the script "
                               "sees them (time.sleep(1) always takes 1 s)"));
    m_speedLabel->setToolTip(tr("The run's speed: how fast time.sleep() passes"));
    m_cpuLabel->setToolTip(tr("How many CPUs the run may use, of the machine's"));
    // The tree's words ("zombie", "reaped by 1", its headers) are read out when painted.
    m_tree->viewport()->update();
    m_tree->header()->viewport()->update();
    if (m_treeFitTimer) m_treeFitTimer->start();
    // The texts that depend on the run (Run or Continue, the status bar, the title).
    updateActions();
    updateStatus();
    updateTitle();
}

void MainWindow::changeEvent(QEvent* event) {
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) retranslateUi();
}

void MainWindow::createMenus() {
    m_fileMenu = menuBar()->addMenu(QString());
    QMenu* file = m_fileMenu;
    file->addAction(m_openScriptAction);
    file->addAction(m_openRecordingAction);
    file->addAction(m_saveRecordingAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu* runMenu = m_runMenu = menuBar()->addMenu(QString());
    runMenu->setObjectName(QStringLiteral("runMenu"));
    runMenu->addAction(m_runAction);
    runMenu->addAction(m_pauseAction);
    runMenu->addAction(m_stepAction);
    runMenu->addAction(m_stepSelectedAction);
    runMenu->addAction(m_stopAction);
    runMenu->addAction(m_restartAction);

    QMenu* view = m_viewMenu = menuBar()->addMenu(QString());
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(m_zoomInAction);
    view->addAction(m_zoomOutAction);
    view->addAction(m_zoomResetAction);
    view->addMenu(Theme::createMenu(view, m_options.useSettings));
    view->addSeparator();
    view->addMenu(new LanguageMenu(view));
    view->addSeparator(); // the docks' toggles go below (createDocks)

    QMenu* help = m_helpMenu = menuBar()->addMenu(QString());
    help->addAction(m_aboutAction);
}

void MainWindow::createToolBar() {
    QToolBar* bar = m_toolBar = addToolBar(QString());
    bar->setObjectName(QStringLiteral("runToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setMovable(false);
    bar->addAction(m_runAction);
    bar->addAction(m_pauseAction);
    bar->addAction(m_stepAction);
    bar->addAction(m_stepSelectedAction);
    bar->addAction(m_stopAction);
    bar->addAction(m_restartAction);
    bar->addSeparator();

    auto* speedLabel = m_speedTitle = new QLabel(bar);
    speedLabel->setContentsMargins(6, 0, 4, 0);
    bar->addWidget(speedLabel);
    m_speedBox = new QComboBox(bar);
    for (double speed : kSpeeds)
        m_speedBox->addItem(QStringLiteral("%1×").arg(speed), speed);
    m_speedBox->setCurrentIndex(int(kSpeeds.indexOf(1.0)));
    speedLabel->setBuddy(m_speedBox);
    bar->addWidget(m_speedBox);
    connect(m_speedBox, &QComboBox::activated, this, [this](int index) {
        m_speed = m_speedBox->itemData(index).toDouble();
        if (m_engine->isRunning()) m_engine->setSpeed(m_speed);
        updateStatus();
    });

    auto* coresLabel = m_coresTitle = new QLabel(bar);
    coresLabel->setContentsMargins(10, 0, 4, 0);
    bar->addWidget(coresLabel);
    m_coresBox = new QSpinBox(bar);
    m_coresBox->setObjectName(QStringLiteral("coresBox"));
    m_coresBox->setRange(0, std::max(1, QThread::idealThreadCount()));
    coresLabel->setBuddy(m_coresBox);
    bar->addWidget(m_coresBox);
    // Clicking through several values restarts the run once, at the last one.
    m_coresTimer = new QTimer(this);
    m_coresTimer->setSingleShot(true);
    m_coresTimer->setInterval(400);
    connect(m_coresTimer, &QTimer::timeout, this, [this] { setCores(m_coresBox->value()); });
    connect(m_coresBox, &QSpinBox::valueChanged, this, [this] { m_coresTimer->start(); });
}

void MainWindow::createCentralWidget() {
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_notice = new QFrame(central);
    m_notice->setObjectName(QStringLiteral("noticeBar"));
    m_notice->setFrameShape(QFrame::StyledPanel);
    auto* noticeLayout = new QHBoxLayout(m_notice);
    noticeLayout->setContentsMargins(10, 6, 6, 6);
    m_noticeLabel = new QLabel(m_notice);
    m_noticeLabel->setWordWrap(true);
    m_noticeLabel->setTextFormat(Qt::PlainText);
    m_noticeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* close = m_noticeClose = new QToolButton(m_notice);
    close->setAutoRaise(true);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    connect(close, &QToolButton::clicked, this, &MainWindow::hideNotice);
    noticeLayout->addWidget(m_noticeLabel, 1);
    noticeLayout->addWidget(close, 0, Qt::AlignTop);
    m_notice->hide();

    m_code = new CodeView(central);
    m_code->setObjectName(QStringLiteral("codeView"));
    layout->addWidget(m_notice);
    layout->addWidget(m_code, 1);
    setCentralWidget(central);
}

void MainWindow::createDocks() {
    QMenu* view = menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu"));

    m_treeDock = new QDockWidget(this);
    m_treeDock->setObjectName(QStringLiteral("processDock"));
    m_tree = new QTreeView(m_treeDock);
    m_tree->setObjectName(QStringLiteral("processTree"));
    m_tree->setModel(m_treeStyle);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setIndentation(16);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    QHeaderView* header = m_tree->header();
    header->setStretchLastSection(false);
    // Fitting columns to their contents measures every row: ResizeToContents would do it on
    // every event (10,000 a second in a busy run). The columns are fitted a few times a second
    // at most instead, after rows come or change.
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(ProcessTreeModel::StateColumn, QHeaderView::Stretch);
    m_treeFitTimer = new QTimer(this);
    m_treeFitTimer->setSingleShot(true);
    m_treeFitTimer->setInterval(250);
    connect(m_treeFitTimer, &QTimer::timeout, this, &MainWindow::fitTreeColumns);
    const auto fitSoon = [this] {
        if (!m_treeFitTimer->isActive()) m_treeFitTimer->start();
    };
    connect(m_treeStyle, &QAbstractItemModel::rowsInserted, this, fitSoon);
    connect(m_treeStyle, &QAbstractItemModel::rowsMoved, this, fitSoon);
    connect(m_treeStyle, &QAbstractItemModel::dataChanged, this, fitSoon);
    connect(m_treeStyle, &QAbstractItemModel::modelReset, this, fitSoon);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &MainWindow::showTreeMenu);
    connect(m_tree, &QTreeView::activated, this, &MainWindow::showProcessLine);
    // New children and adopted orphans are shown: their parent opens.
    connect(m_treeStyle, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex& parent) {
                if (parent.isValid()) m_tree->expand(parent);
            });
    connect(m_treeStyle, &QAbstractItemModel::rowsMoved, this,
            [this](const QModelIndex&, int, int, const QModelIndex& destination) {
                if (destination.isValid()) m_tree->expand(destination);
            });
    m_treeDock->setWidget(m_tree);
    addDockWidget(Qt::RightDockWidgetArea, m_treeDock);

    m_consoleDock = new QDockWidget(this);
    m_consoleDock->setObjectName(QStringLiteral("consoleDock"));
    m_console = new ConsoleView(m_consoleDock);
    m_console->setObjectName(QStringLiteral("console"));
    m_consoleDock->setWidget(m_console);
    addDockWidget(Qt::RightDockWidgetArea, m_consoleDock);
    splitDockWidget(m_treeDock, m_consoleDock, Qt::Vertical);
    m_objects = new SharedObjectDocks(this, m_run, m_consoleDock);
    connect(m_objects, &SharedObjectDocks::processSelected, this, [this](int pid) {
        if (const ProcessRecord* p = m_run->latest(pid)) selectProcess(p->serial);
    });

    m_timelineDock = new QDockWidget(this);
    m_timelineDock->setObjectName(QStringLiteral("timelineDock"));
    m_timeline = new TimelineDock(m_history, m_timelineDock);
    m_timelineDock->setWidget(m_timeline);
    // A recording's replay controls sit above its timeline, shown while a recording is open.
    m_replayBar = new ReplayBar(m_replay, m_timeline);
    m_replayBar->hide();
    m_timeline->setReplayControls(m_replayBar);
    if (QMenu* runMenu = menuBar()->findChild<QMenu*>(QStringLiteral("runMenu"))) {
        runMenu->addSeparator();
        QMenu* replayMenu = runMenu->addMenu(QString());
        replayMenu->addActions({m_replayBar->playAction(), m_replayBar->stepAction(),
                                m_replayBar->rewindAction(), m_replayBar->endAction()});
        m_replayMenu = replayMenu;
    }
    addDockWidget(Qt::BottomDockWidgetArea, m_timelineDock);
    connect(m_timeline->view(), &TimelineView::processSelected, this, &MainWindow::selectProcess);
    // In a replay, the timeline's cursor is the replay's position: drag it to scrub.
    connect(m_timeline->view(), &TimelineView::cursorMoved, this, [this](double t) {
        if (!m_replay->isEmpty() && !m_engine->isRunning()) {
            m_replay->pause();
            m_replay->seek(t);
        }
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) {
                const QVariant serial = current.data(ProcessTreeModel::SerialRole);
                m_timeline->view()->setSelectedSerial(serial.isValid() ? serial.toInt() : -1);
                m_objects->setSelectedPid(current.data(ProcessTreeModel::PidRole).toInt());
                updateActions();
            });

    m_chartsDock = new QDockWidget(this);
    m_chartsDock->setObjectName(QStringLiteral("chartsDock"));
    m_charts = new ChartsPanel(m_history, m_chartsDock);
    m_chartsDock->setWidget(m_charts);
    addDockWidget(Qt::BottomDockWidgetArea, m_chartsDock);
    tabifyDockWidget(m_timelineDock, m_chartsDock);
    m_timelineDock->raise();

    // The tree and the console take the right edge from top to bottom; the timeline (and the
    // charts, in a tab beside it) sit under the code, where the time axis gets the width.
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
    resizeDocks({m_treeDock}, {430}, Qt::Horizontal);
    resizeDocks({m_treeDock, m_consoleDock}, {330, 250}, Qt::Vertical);
    resizeDocks({m_timelineDock}, {250}, Qt::Vertical);

    if (view) {
        view->addAction(m_treeDock->toggleViewAction());
        view->addAction(m_consoleDock->toggleViewAction());
        view->addAction(m_timelineDock->toggleViewAction());
        view->addAction(m_chartsDock->toggleViewAction());
        view->addActions(m_objects->toggleViewActions());
    }
}

void MainWindow::createStatusBar() {
    m_stateLabel = new QLabel(this);
    m_timeLabel = new QLabel(this);
    m_countLabel = new QLabel(this);
    m_countLabel->setContentsMargins(12, 0, 12, 0);
    m_timeLabel->setContentsMargins(12, 0, 6, 0);
    m_timeLabel->setMinimumWidth(
        m_timeLabel->fontMetrics().horizontalAdvance(QStringLiteral("t = 000.000 s__")));
    m_speedLabel = new QLabel(this);
    m_speedLabel->setContentsMargins(12, 0, 6, 0);
    m_cpuLabel = new QLabel(this);
    m_cpuLabel->setContentsMargins(6, 0, 6, 0);
    statusBar()->addWidget(m_stateLabel, 1);
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_speedLabel);
    statusBar()->addPermanentWidget(m_cpuLabel);
    statusBar()->addPermanentWidget(m_timeLabel);
}

void MainWindow::readSettings() {
    QSettings settings;
    const QByteArray geometry = settings.value(QStringLiteral("window/geometry")).toByteArray();
    if (!geometry.isEmpty()) restoreGeometry(geometry);
    const QByteArray state = settings.value(QStringLiteral("window/state")).toByteArray();
    if (!state.isEmpty()) restoreState(state);
    m_zoom = std::clamp(settings.value(QStringLiteral("view/zoom"), 0).toInt(), kMinZoom, kMaxZoom);
    const double speed = settings.value(QStringLiteral("run/speed"), 1.0).toDouble();
    const qsizetype index = kSpeeds.indexOf(speed);
    if (index >= 0) {
        m_speed = speed;
        m_speedBox->setCurrentIndex(int(index));
    }
}

void MainWindow::writeSettings() {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("view/zoom"), m_zoom);
    settings.setValue(QStringLiteral("run/speed"), m_speed);
}

QString MainWindow::lastDirectory() const {
    if (m_options.useSettings) {
        const QString dir = QSettings().value(QStringLiteral("files/lastDir")).toString();
        if (!dir.isEmpty() && QFileInfo(dir).isDir()) return dir;
    }
    const QStringList lessons = lessonDirectories();
    return lessons.isEmpty() ? QDir::homePath() : lessons.first();
}

void MainWindow::rememberDirectory(const QString& path) {
    if (m_options.useSettings)
        QSettings().setValue(QStringLiteral("files/lastDir"), QFileInfo(path).absolutePath());
}

bool MainWindow::openFile(const QString& path) {
    return isRecordingPath(path) ? openRecording(path) : openScript(path);
}

void MainWindow::resetRun() {
    if (m_engine->isRunning()) {
        m_discardEngineEvents = true; // what the old run still says is not about the new file
        m_engine->stop();
    }
    m_holding = false;
    m_heldEvents.clear();
    m_heldFinish.reset();
    m_recording.clear();
    m_recordingPath.clear();
    m_replay->clear();
    m_replayBar->refresh();
    m_engineEndedEarly = false;
    clearModels();
    m_timeline->view()->resetView();
    hideNotice();
}

void MainWindow::clearModels() {
    m_run->clear();
    m_history->clear();
    m_objects->clear();
    m_console->clearConsole();
    m_code->setErrorLine(0);
}

void MainWindow::feedModels(const QList<EngineEvent>& events) {
    if (events.isEmpty()) return;
    m_history->apply(events);
    m_run->apply(events);     // its applied() updates the window
    m_objects->apply(events); // after the run: its chips read whether a process has exited
}

void MainWindow::selectProcess(int serial) {
    const QModelIndex index = m_treeStyle->mapFromSource(m_treeModel->indexForSerial(serial));
    if (index.isValid()) {
        m_tree->setCurrentIndex(index);
        m_tree->scrollTo(index);
    }
}

int MainWindow::selectedPid() const {
    const QModelIndex current = m_tree->currentIndex();
    const ProcessRecord* p =
        current.isValid() ? m_run->process(current.data(ProcessTreeModel::SerialRole).toInt())
                          : nullptr;
    return p ? p->pid : 0;
}

bool MainWindow::openScript(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        showNotice(tr("Cannot open %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()),
                   NoticeKind::Error);
        return false;
    }
    resetRun();
    m_editCopyPath.clear();
    m_startBreakLines.clear();
    m_scriptPath = QFileInfo(path).absoluteFilePath();
    m_code->setSource(QString::fromUtf8(file.readAll()));
    rememberDirectory(path);
    emit scriptOpened(m_scriptPath);
    updateTitle();
    updateActions();
    updateStatus();
    return true;
}

QString MainWindow::findScriptFor(const QString& recordingPath, const QString& scriptName) const {
    if (scriptName.isEmpty()) return {};
    const QFileInfo named(scriptName);
    if (named.isAbsolute() && named.isFile()) return named.absoluteFilePath();
    const QString fileName = named.fileName();
    // The script already open, if it has the same name (it may have been run from elsewhere).
    if (!m_scriptPath.isEmpty() && QFileInfo(m_scriptPath).fileName() == fileName)
        return m_scriptPath;
    QStringList candidates;
    const QDir here = QFileInfo(recordingPath).absoluteDir();
    candidates << here.filePath(scriptName) << here.filePath(fileName);
    for (const QString& dir : lessonDirectories())
        candidates << QDir(dir).filePath(scriptName);
    for (const QString& candidate : candidates)
        if (QFileInfo(candidate).isFile()) return QFileInfo(candidate).absoluteFilePath();
    return {};
}

bool MainWindow::openRecording(const QString& path) {
    Recording recording;
    QString error;
    if (!recording.load(path, &error)) {
        showNotice(
            tr("Cannot open the recording %1: %2").arg(QDir::toNativeSeparators(path), error),
            NoticeKind::Error);
        return false;
    }
    const QString scriptName = recording.scriptName();
    const QString script = findScriptFor(path, scriptName);
    if (!script.isEmpty() && openScript(script)) {
        // the script's source is in the code view
    } else {
        resetRun();
        m_scriptPath.clear();
        m_code->setSource(QString());
    }
    rememberDirectory(path);
    m_recordingPath = QFileInfo(path).absoluteFilePath();
    applyEvents(recording.events());
    // Shown whole at first; the replay bar plays it again over time.
    m_replay->setEvents(recording.events());
    m_replayBar->refresh();
    m_timeline->view()->setHorizon(m_replay->duration());

    if (script.isEmpty() && !scriptName.isEmpty())
        showNotice(tr("The script of this recording, %1, was not found next to it: the code "
                      "cannot be shown.")
                       .arg(scriptName),
                   NoticeKind::Warning);
    else if (recording.skippedLines() > 0)
        showNotice(tr("%n line(s) of the recording were not events and were skipped.", nullptr,
                      recording.skippedLines()),
                   NoticeKind::Warning);
    else if (recording.isEmpty())
        showNotice(tr("This recording holds no events."), NoticeKind::Warning);
    updateTitle();
    updateActions();
    return true;
}

bool MainWindow::saveRecording(const QString& path) {
    QString error;
    if (!m_recording.save(path, &error)) {
        showNotice(
            tr("Cannot save the recording to %1: %2").arg(QDir::toNativeSeparators(path), error),
            NoticeKind::Error);
        return false;
    }
    rememberDirectory(path);
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 4000);
    return true;
}

void MainWindow::applyEvents(const QList<EngineEvent>& events) {
    if (events.isEmpty()) return;
    m_recording.append(events);
    feedModels(events);
    emit eventsApplied(events);
}

void MainWindow::setEngineProgram(const QString& program) {
    m_engine->setEngineProgram(program);
}

void MainWindow::startRun(bool stepMode) {
    if (m_scriptPath.isEmpty() || m_engine->isRunning()) return;
    if (!saveEdits()) return;
    resetRun();
    m_discardEngineEvents = false;
    EngineClient::RunOptions options;
    options.script = m_scriptPath;
    options.speed = m_speed;
    options.cores = m_cores;
    options.step = stepMode;
    options.breakLines = m_startBreakLines;
    m_engine->start(options);
    updateTitle();
    updateActions();
    updateStatus();
}

void MainWindow::run() {
    // Held events go on first, even when the engine has ended meanwhile: the run shown is
    // not over until they are.
    if (m_holding || m_engine->isRunning()) {
        emit aboutToContinue(); // before the held events go: a lesson may await one of them
        const bool held = m_holding;
        releaseHeldEvents();
        if (m_holding || !m_engine->isRunning()) return; // held again, or the rest is shown
        // The engine may not have said it paused yet: resuming is what the learner asked.
        if (held || m_run->run().paused) m_engine->resume();
        return;
    }
    startRun(false);
}

void MainWindow::pause() {
    if (m_engine->isRunning() && !m_run->run().paused) m_engine->pause();
}

void MainWindow::step() {
    if (m_holding) {
        releaseHeldEvents();
        if (m_holding || !m_engine->isRunning()) return; // held again, or the run is over
    }
    if (!m_engine->isRunning())
        startRun(true);
    else if (m_run->run().paused)
        m_engine->step();
    else
        m_engine->pause(); // the next Step goes line by line
}

void MainWindow::stopRun() {
    releaseHeldEvents(false); // what the run did up to its stop is shown
    m_engine->stop();
    updateActions();
    updateStatus();
}

void MainWindow::stepSelected() {
    const int pid = selectedPid();
    const ProcessRecord* p = pid > 0 ? m_run->latest(pid) : nullptr;
    if (!p || !p->isAlive() || !m_engine->isRunning() || !m_run->run().paused) return;
    m_engine->step(pid);
}

void MainWindow::restart() {
    if (m_scriptPath.isEmpty()) return;
    const bool stepMode = m_run->run().started && m_run->run().stepMode;
    if (m_engine->isRunning()) {
        // What the old run says while it stops is not shown; the new one starts once it ended.
        m_restartPending = true;
        m_restartStepMode = stepMode;
        m_discardEngineEvents = true;
        m_engine->stop();
        updateActions();
        return;
    }
    startRun(stepMode);
}

void MainWindow::setCores(int cores) {
    m_coresTimer->stop();
    if (m_coresBox->value() != cores) {
        const QSignalBlocker block(m_coresBox);
        m_coresBox->setValue(cores);
    }
    if (cores == m_cores) return;
    m_cores = std::max(0, cores);
    if (m_engine->isRunning()) restart();
    updateStatus();
}

void MainWindow::onEngineFinished(int status) {
    if (std::exchange(m_restartPending, false)) {
        m_discardEngineEvents = false;
        startRun(m_restartStepMode);
        return;
    }
    if (std::exchange(m_discardEngineEvents, false)) { // a run left behind for another file
        updateActions();
        updateStatus();
        return;
    }
    if (m_holding) { // its last events are still held back: the end comes after them
        m_heldFinish = status;
        updateActions();
        return;
    }
    const RunInfo& info = m_run->run();
    m_engineEndedEarly = info.started && !info.ended;
    if (!info.ended && status != 0 && status != -1) {
        QString message =
            tr("The engine ended with status %1 before the run was over.").arg(status);
        const QString detail = m_engine->stderrText().trimmed();
        if (!detail.isEmpty()) message += QLatin1Char('\n') + detail.right(400);
        showNotice(message, NoticeKind::Error);
    }
    updateActions();
    updateStatus();
}

void MainWindow::onEngineFailed(const QString& message) {
    if (m_discardEngineEvents) return;
    showNotice(message, NoticeKind::Error);
    updateActions();
    updateStatus();
}

void MainWindow::onApplied() {
    const RunInfo& info = m_run->run();

    const QMap<int, int> lines = m_run->currentLines();
    m_code->setMarkers(lines);
    const int moved = m_run->latestMovedLivePid();
    const int movedLine = lines.value(moved);
    if (movedLine > 0 && (moved != m_followedPid || movedLine != m_followedLine)) {
        m_followedPid = moved;
        m_followedLine = movedLine;
        m_code->scrollToLine(movedLine);
    }

    for (; m_noticesShown < info.notices.size(); ++m_noticesShown) {
        const RunNotice& notice = info.notices[m_noticesShown];
        if (notice.code == QLatin1StringView("subreaper"))
            showNotice(tr("This system does not allow PID namespaces, so pids are the real "
                          "ones and orphans go to the engine, not to PID 1."),
                       NoticeKind::Info);
        else
            showNotice(notice.message, NoticeKind::Info);
    }
    for (; m_errorsShown < info.errors.size(); ++m_errorsShown) {
        const RunError& error = info.errors[m_errorsShown];
        const bool inScript =
            error.line > 0 && (error.file.isEmpty() || QFileInfo(error.file).fileName() ==
                                                           QFileInfo(m_scriptPath).fileName());
        if (inScript && (error.what == QLatin1StringView("syntax") ||
                         error.what == QLatin1StringView("exception"))) {
            m_code->setErrorLine(error.line);
            m_code->scrollToLine(error.line);
        }
        QString text = error.message;
        if (error.what == QLatin1StringView("syntax"))
            text = tr("Syntax error on line %1: %2").arg(error.line).arg(error.message);
        else if (error.what == QLatin1StringView("exception") && error.pid > 0)
            text = tr("Process %1 stopped on an exception: %2").arg(error.pid).arg(error.message);
        else if (error.what == QLatin1StringView("limit"))
            text = tr("The run hit a limit: %1").arg(error.message);
        showNotice(text, NoticeKind::Error);
    }

    m_console->sync(*m_run);
    if (info.speed > 0) {
        const qsizetype index = kSpeeds.indexOf(info.speed);
        if (index >= 0 && m_speedBox->currentIndex() != index)
            m_speedBox->setCurrentIndex(int(index));
    }
    updateActions();
    updateStatus();
}

QString MainWindow::runStateText() const {
    const RunInfo& info = m_run->run();
    const bool live = m_engine->isRunning();
    if (live && m_engine->isStopping()) return tr("Stopping…");
    if (info.ended) {
        if (info.endReason == QLatin1StringView("stopped")) return tr("Stopped");
        if (info.endReason == QLatin1StringView("limit")) return tr("Ended: a limit was hit");
        if (info.endReason == QLatin1StringView("error")) return tr("Ended with an error");
        return tr("Finished, exit status %1").arg(info.endStatus);
    }
    if (info.started) {
        if (!live && m_engineEndedEarly) return tr("Interrupted");
        if (!live && !m_recordingPath.isEmpty() && !m_replay->atEnd())
            return m_replay->isPlaying() ? tr("Replaying") : tr("Replay paused");
        if (!live && !m_recordingPath.isEmpty())
            return info.paused ? tr("Paused where the recording ends")
                               : tr("Running where the recording ends");
        return info.paused || m_holding ? tr("Paused") : tr("Running");
    }
    if (live) return tr("Starting…");
    return m_scriptPath.isEmpty() ? tr("No script") : tr("Ready");
}

void MainWindow::updateStatus() {
    QString state = runStateText();
    if (!m_recordingPath.isEmpty())
        state = tr("%1 — replay of %2").arg(state, QFileInfo(m_recordingPath).fileName());
    m_stateLabel->setText(state);
    const RunInfo& info = m_run->run();
    m_timeLabel->setText(tr("t = %1 s").arg(info.time, 0, 'f', 3));
    const int alive = m_run->aliveCount();
    const int zombies = m_run->zombieCount();
    QString count = tr("%n process(es) alive", nullptr, alive);
    if (zombies > 0) count += tr(", %n zombie(s)", nullptr, zombies);
    m_countLabel->setText(count);
    m_speedLabel->setText(speedText());
    m_cpuLabel->setText(cpuText());
}

QString MainWindow::speedText() const {
    const RunInfo& info = m_run->run();
    // The run's own speed once it has started (a recording's, too), else the next run's.
    return tr("speed %1×").arg(info.started ? info.speed : m_speed);
}

QString MainWindow::cpuText() const {
    const RunInfo& info = m_run->run();
    if (info.started && info.cpus > 0) {
        if (info.online > 0 && info.cpus < info.online)
            return tr("%1 of %2 CPUs").arg(info.cpus).arg(info.online);
        return tr("%n CPU(s)", nullptr, info.cpus);
    }
    return m_cores > 0 ? tr("%n CPU(s)", nullptr, m_cores) : tr("all CPUs");
}

void MainWindow::updateActions() {
    const bool hasScript = !m_scriptPath.isEmpty();
    const bool live = m_engine->isRunning();
    const bool stopping = m_engine->isStopping();
    const bool paused = (live && m_run->run().paused) || m_holding; // Run goes on from there
    m_runAction->setEnabled(hasScript && (!live || (paused && !stopping)));
    setActionText(m_runAction, paused ? tr("&Continue") : tr("&Run"));
    m_pauseAction->setEnabled(live && !paused && !stopping);
    m_stepAction->setEnabled(hasScript && !stopping);
    m_stopAction->setEnabled(live && !stopping);
    const int selected = live && paused && !stopping ? selectedPid() : 0;
    const ProcessRecord* p = selected > 0 ? m_run->latest(selected) : nullptr;
    m_stepSelectedAction->setEnabled(p && p->isAlive());
    m_stepSelectedAction->setText(p ? tr("Step Only Process %1").arg(p->pid)
                                    : tr("Step &Selected Process"));
    m_stepSelectedAction->setIconText(p ? tr("Step %1").arg(p->pid) : tr("Step Selected"));
    m_restartAction->setEnabled(hasScript && !stopping);
    m_code->setReadOnly(m_editCopyPath.isEmpty() || live);
    m_saveRecordingAction->setEnabled(!m_recording.isEmpty());
    m_replayBar->setVisible(!m_replay->isEmpty() && !live);
    if (m_replayMenu) m_replayMenu->setEnabled(!m_replay->isEmpty() && !live);
}

void MainWindow::updateTitle() {
    QString name;
    if (!m_recordingPath.isEmpty())
        name = QFileInfo(m_recordingPath).fileName();
    else if (!m_scriptPath.isEmpty())
        name = QFileInfo(m_scriptPath).fileName();
    setWindowTitle(name.isEmpty() ? tr("Forkscope") : tr("%1 — Forkscope").arg(name));
}

void MainWindow::applyZoom() {
    QFont code = baseCodeFont();
    code.setPointSize(std::max(6, code.pointSize() + m_zoom));
    m_code->setCodeFont(code);
    QFont console = code;
    console.setPointSize(std::max(6, code.pointSize() - 1));
    m_console->setFont(console);
    QFont tree = QApplication::font();
    tree.setPointSize(std::max(6, tree.pointSize() + m_zoom));
    m_tree->setFont(tree);
    m_treeStyle->setBaseFont(tree);
    m_timeline->setFont(tree);
    m_charts->setFont(tree);
    m_objects->setFont(tree);
    m_tree->viewport()->update();
    fitTreeColumns();
    m_zoomOutAction->setEnabled(m_zoom > kMinZoom);
    m_zoomInAction->setEnabled(m_zoom < kMaxZoom);
}

void MainWindow::fitTreeColumns() {
    m_treeFitTimer->stop();
    for (int column = 0; column < ProcessTreeModel::ColumnCount; ++column)
        if (column != ProcessTreeModel::StateColumn) m_tree->resizeColumnToContents(column);
    fitProcessDock(); // wider when the texts grew ("signal 15 (SIGTERM)"), up to 40%
}

void MainWindow::flushPendingLayout() {
    if (m_treeFitTimer->isActive()) fitTreeColumns();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
}

bool MainWindow::saveScreenshot(const QString& path) {
    flushPendingLayout();
    return grab().save(path);
}

void MainWindow::fitProcessDock() {
    // Wide enough for every column at the current font, but never more than 40% of the window.
    if (!m_treeDock->isVisible() || m_treeDock->isFloating()) return;
    const QHeaderView* header = m_tree->header();
    const QAbstractItemView* view = m_tree; // sizeHintForColumn is public there
    int needed = m_tree->indentation() * 3 + m_tree->frameWidth() * 2 + 8;
    for (int column = 0; column < ProcessTreeModel::ColumnCount; ++column)
        needed += std::max(header->sectionSizeHint(column), view->sizeHintForColumn(column));
    if (m_tree->verticalScrollBar()->isVisible()) needed += m_tree->verticalScrollBar()->width();
    const int target = std::min(needed, width() * 2 / 5);
    if (target > m_treeDock->width()) resizeDocks({m_treeDock}, {target}, Qt::Horizontal);
}

void MainWindow::zoomIn() {
    m_zoom = std::min(kMaxZoom, m_zoom + 1);
    applyZoom();
}

void MainWindow::zoomOut() {
    m_zoom = std::max(kMinZoom, m_zoom - 1);
    applyZoom();
}

void MainWindow::resetZoom() {
    setZoom(0);
}

void MainWindow::setZoom(int steps) {
    m_zoom = std::clamp(steps, kMinZoom, kMaxZoom);
    applyZoom();
}

void MainWindow::showNotice(const QString& text, NoticeKind kind) {
    QColor background;
    QColor border;
    switch (kind) {
    case NoticeKind::Info:
        background = QColor(0xE3, 0xF0, 0xFB);
        border = QColor(0x56, 0xB4, 0xE9);
        break;
    case NoticeKind::Warning:
        background = QColor(0xFF, 0xF4, 0xD6);
        border = QColor(0xE6, 0x9F, 0x00);
        break;
    case NoticeKind::Error:
        background = QColor(0xFD, 0xE7, 0xE9);
        border = QColor(0xB0, 0x00, 0x20);
        break;
    }
    m_notice->setStyleSheet(
        QStringLiteral("QFrame#noticeBar { background: %1; border: none; border-left: 4px solid "
                       "%2; } QFrame#noticeBar QLabel { color: #1a1a1a; }")
            .arg(background.name(), border.name()));
    m_noticeLabel->setText(text);
    m_notice->show();
}

void MainWindow::hideNotice() {
    m_notice->hide();
    m_noticeLabel->clear();
}

QString MainWindow::noticeText() const {
    return m_notice->isVisibleTo(const_cast<MainWindow*>(this)) ? m_noticeLabel->text() : QString();
}

void MainWindow::showProcessLine(const QModelIndex& index) {
    const ProcessRecord* p = m_run->process(index.data(ProcessTreeModel::SerialRole).toInt());
    if (p && p->line > 0) m_code->scrollToLine(p->line);
}

void MainWindow::showTreeMenu(const QPoint& position) {
    const QModelIndex index = m_tree->indexAt(position);
    const ProcessRecord* p = index.isValid()
                                 ? m_run->process(index.data(ProcessTreeModel::SerialRole).toInt())
                                 : nullptr;
    if (!p) return;
    QMenu menu(this);
    QAction* stepOne = menu.addAction(tr("Step Only Process %1").arg(p->pid));
    stepOne->setEnabled(m_engine->isRunning() && m_run->run().paused && p->isAlive());
    QAction* showLine = menu.addAction(tr("Show Its Line"));
    showLine->setEnabled(p->line > 0 && p->isAlive());
    QAction* chosen = menu.exec(m_tree->viewport()->mapToGlobal(position));
    if (chosen == stepOne)
        m_engine->step(p->pid);
    else if (chosen == showLine)
        m_code->scrollToLine(p->line);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (m_options.useSettings) writeSettings();
    saveEdits();
    if (m_engine->isRunning()) m_engine->stop(); // the client's destructor waits for it
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    const auto urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const auto urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile()) {
        openFile(urls.first().toLocalFile());
        event->acceptProposedAction();
    }
}

void MainWindow::setScriptEditable(const QString& copyPath) {
    m_editCopyPath = copyPath;
    updateActions();
}

bool MainWindow::saveEdits() {
    if (m_editCopyPath.isEmpty() || !m_code->document()->isModified()) return true;
    QDir().mkpath(QFileInfo(m_editCopyPath).absolutePath());
    QFile file(m_editCopyPath);
    QString text = m_code->toPlainText();
    if (!text.endsWith(QLatin1Char('\n'))) text += QLatin1Char('\n');
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text) ||
        file.write(text.toUtf8()) < 0 || !file.flush()) {
        showNotice(tr("Cannot save your edits to %1: %2")
                       .arg(QDir::toNativeSeparators(m_editCopyPath), file.errorString()),
                   NoticeKind::Error);
        return false;
    }
    m_code->document()->setModified(false);
    m_scriptPath = QFileInfo(m_editCopyPath).absoluteFilePath(); // runs use the edits now
    updateTitle();
    return true;
}

void MainWindow::setSpeed(double speed) {
    const qsizetype index = kSpeeds.indexOf(speed);
    if (index < 0) return;
    m_speed = speed;
    m_speedBox->setCurrentIndex(int(index));
    if (m_engine->isRunning()) m_engine->setSpeed(m_speed);
    updateStatus();
}

void MainWindow::takeEngineEvents(const QList<EngineEvent>& events) {
    if (m_discardEngineEvents || events.isEmpty()) return;
    if (m_holding) {
        m_heldEvents += events;
        showLineSamples(events);
        return;
    }
    const qsizetype cut = m_eventGate ? m_eventGate(events) : -1;
    if (cut < 0) {
        applyEvents(events);
        return;
    }
    // Shown up to the moment the gate asked for; what the run does after it waits (unless
    // the engine has ended and nothing comes after it).
    m_heldEvents = events.mid(cut + 1);
    m_holding = !m_heldEvents.isEmpty() || m_engine->isRunning();
    applyEvents(events.first(cut + 1));
    showLineSamples(m_heldEvents);
}

void MainWindow::showLineSamples(const QList<EngineEvent>& held) {
    // While a moment is held, the code still shows where each process is: lines are samples
    // (docs/protocol.md), and one taken a few milliseconds after the moment, or where the
    // engine paused the process, says more than the last one before it (often lines earlier).
    // They are applied again, in order, with the rest; the recording takes them then.
    QList<EngineEvent> lines;
    for (const EngineEvent& e : held)
        if (const ProcessRecord* p = e.kind == EventKind::Line ? m_run->latest(e.pid) : nullptr;
            p && p->isAlive())
            lines << e;
    if (!lines.isEmpty()) m_run->apply(lines);
}

void MainWindow::releaseHeldEvents(bool throughGate) {
    if (!m_holding) return;
    m_holding = false;
    const QList<EngineEvent> held = std::exchange(m_heldEvents, {});
    if (throughGate)
        takeEngineEvents(held);
    else
        applyEvents(held);
    if (!m_holding && m_heldFinish) onEngineFinished(*std::exchange(m_heldFinish, std::nullopt));
    updateActions();
    updateStatus();
}

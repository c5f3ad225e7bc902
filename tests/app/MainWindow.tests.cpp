#include "gui/MainWindow.h"

#include "TestSupport.h"
#include "core/EngineClient.h"
#include "core/ProcessTreeModel.h"
#include "core/RunModel.h"
#include "gui/CodeView.h"
#include "gui/ConsoleView.h"
#include "gui/ProcessPalette.h"

#include <QAction>
#include <QDockWidget>
#include <QSettings>
#include <QTemporaryDir>
#include <QTreeView>
#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {} // namespace

TEST_CASE("The main window shows a script and where each process is", "[app][window]") {
    MainWindow window(testing::windowOptions());
    window.show();
    REQUIRE(window.openScript(testing::dataPath(u"fork_wait.py"_s)));
    CHECK(window.codeView()->toPlainText().startsWith(u"import os"_s));
    CHECK(window.codeView()->blockCount() == 10);
    CHECK(window.runAction()->isEnabled());
    CHECK(window.stepAction()->isEnabled());
    CHECK_FALSE(window.stopAction()->isEnabled());
    CHECK(window.runStateText() == u"Ready"_s);

    // Halfway: the child on line 5, the parent on line 8.
    const QList<EngineEvent> events = testing::loadEvents(u"fork_wait.jsonl"_s);
    window.applyEvents(events.mid(0, 11));
    CHECK(window.codeView()->pidsOnLine(5) == QList<int>{3});
    CHECK(window.codeView()->pidsOnLine(8) == QList<int>{2});
    CHECK(window.codeView()->pidsOnLine(3).isEmpty());
    CHECK(window.runStateText() == u"Running"_s);

    ProcessTreeModel* tree = window.processTreeModel();
    REQUIRE(tree->rowCount() == 1); // init
    const QModelIndex init = tree->index(0, 0);
    REQUIRE(tree->rowCount(init) == 1);
    const QModelIndex main = tree->index(0, 0, init);
    CHECK(main.data().toString() == u"2"_s);
    REQUIRE(tree->rowCount(main) == 1);
    CHECK(tree->index(0, 0, main).data().toString() == u"3"_s);
    // The view shows it expanded.
    QTreeView* view = window.processView();
    CHECK(view->isExpanded(view->model()->index(0, 0)));

    // The rest: everyone is gone, no marker is left.
    window.applyEvents(events.mid(11));
    CHECK(window.codeView()->markers().isEmpty());
    CHECK(window.runStateText() == u"Finished, exit status 0"_s);
    CHECK(window.console()->toPlainText().contains(u"child 3: hello"_s));
    CHECK(window.console()->toPlainText().contains(u"parent: child exited with 3"_s));
    CHECK(window.recording().events().size() == events.size());
}

TEST_CASE("Opening a recording finds its script and replays it", "[app][window]") {
    MainWindow window(testing::windowOptions());
    window.show();
    REQUIRE(window.openFile(testing::dataPath(u"four_children.jsonl"_s)));
    CHECK(window.scriptPath().endsWith(u"four_children.py"_s));
    CHECK(window.codeView()->pidsOnLine(9) == QList<int>{3, 4}); // two processes, one line
    CHECK(window.codeView()->pidsOnLine(14) == QList<int>{2});
    CHECK(window.runModel()->zombieCount() == 2);
    CHECK(window.runStateText() == u"Paused where the recording ends"_s);
    CHECK(window.windowTitle().contains(u"four_children.jsonl"_s));
    CHECK(window.noticeText().isEmpty());
    CHECK(window.processTreeModel()->rowCount(window.processTreeModel()->indexForPid(2)) == 4);

    // Saved again, it is the same stream.
    QTemporaryDir dir;
    const QString copy = dir.filePath(u"copy.jsonl"_s);
    REQUIRE(window.saveRecording(copy));
    Recording saved;
    REQUIRE(saved.load(copy));
    CHECK(saved.events().size() == testing::loadEvents(u"four_children.jsonl"_s).size());
}

TEST_CASE("A recording whose script is missing still shows its processes", "[app][window]") {
    QTemporaryDir dir;
    REQUIRE(QFile::copy(testing::dataPath(u"orphan.jsonl"_s), dir.filePath(u"orphan.jsonl"_s)));
    MainWindow window(testing::windowOptions());
    REQUIRE(window.openRecording(dir.filePath(u"orphan.jsonl"_s)));
    CHECK(window.scriptPath().isEmpty());
    CHECK(window.noticeText().contains(u"orphan.py"_s));
    CHECK_FALSE(window.runAction()->isEnabled());
    CHECK(window.processTreeModel()->rowCount(window.processTreeModel()->indexForPid(1)) == 2);
}

TEST_CASE("Run starts the engine and the window follows its events", "[app][window]") {
    MainWindow window(testing::windowOptions());
    window.setEngineProgram(testing::fakeEngine(u"replay.sh"_s));
    REQUIRE(window.openScript(testing::dataPath(u"orphan.py"_s)));
    window.runAction()->trigger();
    REQUIRE(testing::waitFor([&] { return window.runModel()->run().ended; }));
    REQUIRE(testing::waitFor([&] { return !window.engine()->isRunning(); }));
    CHECK(window.runStateText() == u"Finished, exit status 0"_s);
    const QModelIndex orphan = window.processTreeModel()->indexForPid(3);
    CHECK(window.processTreeModel()->parent(orphan) == window.processTreeModel()->indexForPid(1));
    CHECK(window.runAction()->isEnabled());
    CHECK(window.recording().events().size() == 26);
    CHECK(testing::childPids().isEmpty());
}

TEST_CASE("A missing engine is reported in the window, not in a dialog", "[app][window]") {
    MainWindow window(testing::windowOptions());
    window.setEngineProgram(u"/nonexistent/forkscope-engine"_s);
    REQUIRE(window.openScript(testing::dataPath(u"fork_wait.py"_s)));
    window.runAction()->trigger();
    CHECK(window.noticeText().contains(u"/nonexistent/forkscope-engine"_s));
    CHECK(window.runAction()->isEnabled());
    CHECK_FALSE(window.stopAction()->isEnabled());
}

TEST_CASE("Zoom changes the code font within limits", "[app][window]") {
    MainWindow window(testing::windowOptions());
    const int before = window.codeView()->font().pointSize();
    window.zoomIn();
    window.zoomIn();
    CHECK(window.codeView()->font().pointSize() == before + 2);
    window.resetZoom();
    CHECK(window.codeView()->font().pointSize() == before);
    for (int i = 0; i < 50; ++i)
        window.zoomOut();
    CHECK(window.codeView()->font().pointSize() >= 6);
}

TEST_CASE("The palette gives each pid a distinct, readable colour", "[app][palette]") {
    CHECK(ProcessPalette::colors().size() == 7);
    for (int pid = 2; pid < 9; ++pid)
        for (int other = pid + 1; other < 9; ++other)
            CHECK(ProcessPalette::color(pid) != ProcessPalette::color(other));
    CHECK(ProcessPalette::color(2) == ProcessPalette::color(9)); // and then round again
    for (int pid = 1; pid < 9; ++pid) {
        CHECK(ProcessPalette::contrast(ProcessPalette::textColor(pid, Qt::white), Qt::white) >=
              4.5);
        CHECK(ProcessPalette::contrast(ProcessPalette::textColor(pid, QColor(0x20, 0x20, 0x20)),
                                       QColor(0x20, 0x20, 0x20)) >= 4.5);
    }
}

TEST_CASE("Run, Pause, Step and Stop drive the engine and follow its answers", "[app][window]") {
    MainWindow window(testing::windowOptions());
    window.setEngineProgram(testing::fakeEngine(u"echo.sh"_s));
    REQUIRE(window.openScript(testing::dataPath(u"fork_wait.py"_s)));
    window.runAction()->trigger();
    REQUIRE(testing::waitFor([&] { return window.codeView()->pidsOnLine(1) == QList<int>{2}; }));
    CHECK(window.runStateText() == u"Running"_s);
    CHECK_FALSE(window.runAction()->isEnabled());
    CHECK(window.pauseAction()->isEnabled());
    CHECK(window.stopAction()->isEnabled());
    CHECK(window.runAction()->iconText() == u"Run"_s);

    window.pauseAction()->trigger();
    REQUIRE(testing::waitFor([&] { return window.runModel()->run().paused; }));
    CHECK(window.runStateText() == u"Paused"_s);
    CHECK(window.runAction()->isEnabled());
    CHECK(window.runAction()->text() == u"&Continue"_s);
    CHECK(window.runAction()->iconText() == u"Continue"_s);
    CHECK_FALSE(window.pauseAction()->isEnabled());

    window.stepAction()->trigger();
    REQUIRE(testing::waitFor([&] { return window.codeView()->pidsOnLine(2) == QList<int>{2}; }));

    window.stopAction()->trigger();
    CHECK_FALSE(window.stopAction()->isEnabled());
    REQUIRE(testing::waitFor([&] { return !window.engine()->isRunning(); }));
    CHECK(window.runStateText() == u"Stopped"_s);
    const QModelIndex main =
        window.processTreeModel()->indexForPid(2, ProcessTreeModel::ExitColumn);
    CHECK(main.data().toString() == u"signal 9 (SIGKILL)"_s);
    CHECK(window.codeView()->markers().isEmpty());
    CHECK(window.runAction()->isEnabled());
    CHECK(testing::childPids().isEmpty());
}

TEST_CASE("Closing the window with a run going leaves no process behind", "[app][window]") {
    qint64 pid = 0;
    {
        MainWindow window(testing::windowOptions());
        window.engine()->setStopGracePeriod(200);
        window.setEngineProgram(testing::fakeEngine(u"stubborn.sh"_s));
        REQUIRE(window.openScript(testing::dataPath(u"fork_wait.py"_s)));
        window.show();
        window.runAction()->trigger();
        REQUIRE(testing::waitFor([&] { return window.runModel()->run().started; }));
        pid = window.engine()->processId();
        window.close();
    }
    CHECK(pid > 0);
    CHECK(testing::childPids().isEmpty());
}

TEST_CASE("Opening another file during a run ends that run quietly", "[app][window]") {
    MainWindow window(testing::windowOptions());
    window.engine()->setStopGracePeriod(100);
    window.setEngineProgram(testing::fakeEngine(u"stubborn.sh"_s));
    REQUIRE(window.openScript(testing::dataPath(u"fork_wait.py"_s)));
    window.runAction()->trigger();
    REQUIRE(testing::waitFor([&] { return window.runModel()->run().started; }));

    REQUIRE(window.openFile(testing::dataPath(u"zombie_late.jsonl"_s)));
    REQUIRE(testing::waitFor([&] { return !window.engine()->isRunning(); }));
    CHECK(window.noticeText().isEmpty()); // the old run's end is no error
    CHECK(window.runModel()->run().script == u"zombie_late.py"_s);
    CHECK(window.runStateText() == u"Finished, exit status 0"_s);
    CHECK(window.recording().events().size() == 28);
    CHECK(testing::childPids().isEmpty());
}

TEST_CASE("The dock layout and zoom are remembered with QSettings", "[app][window]") {
    // main() points XDG_CONFIG_HOME at a temporary folder: the user's settings are untouched.
    QSettings().clear();
    {
        MainWindow window; // settings on
        window.show();
        REQUIRE(testing::waitFor([&] { return window.isVisible(); }));
        window.findChild<QDockWidget*>(u"consoleDock"_s)->hide();
        window.zoomIn();
        window.close();
    }
    QSettings settings;
    CHECK(settings.contains(u"window/state"_s));
    CHECK(settings.value(u"view/zoom"_s).toInt() == 1);
    {
        MainWindow window;
        window.show();
        CHECK(window.zoom() == 1);
        CHECK_FALSE(window.findChild<QDockWidget*>(u"consoleDock"_s)->isVisible());
        CHECK(window.findChild<QDockWidget*>(u"processDock"_s)->isVisible());
        window.close();
    }
    QSettings().clear();
}

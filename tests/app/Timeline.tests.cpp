#include "TestSupport.h"
#include "core/EngineClient.h"
#include "core/ProcessTreeModel.h"
#include "core/Replay.h"
#include "core/RunModel.h"
#include "core/StateHistory.h"
#include "core/TimelineModel.h"
#include "gui/CodeView.h"
#include "gui/MainWindow.h"
#include "gui/timeline/ReplayBar.h"
#include "gui/timeline/TimelineDock.h"
#include "gui/timeline/TimelineLegend.h"
#include "gui/timeline/TimelineView.h"

#include <QAction>
#include <QComboBox>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

EngineEvent event(const QString& json) {
    auto e = parseEventLine(json.toUtf8());
    if (!e) qFatal("bad test event %s", qPrintable(json));
    return *e;
}

// The middle of a lane at an instant, in the view's viewport.
QPoint pointAt(const TimelineView& view, int serial, double t) {
    return QPoint(int(std::lround(view.xForTime(t))),
                  view.rulerHeight() + serial * view.laneHeight() + view.laneHeight() / 2 -
                      view.verticalScrollBar()->value());
}

struct Panel {
    StateHistory history;
    TimelineDock dock{&history};
    TimelineView* view = dock.view();

    Panel() {
        dock.resize(900, 320);
        dock.show();
        REQUIRE(QTest::qWaitForWindowExposed(&dock));
    }
    int serial(int pid) const { return history.latest(pid)->serial; }
};

} // namespace

TEST_CASE("Timeline: one lane per process, states and markers under the pointer", "[timeline]") {
    Panel panel;
    panel.history.apply(testing::loadEvents(u"states_mix.jsonl"_s));
    TimelineView& view = *panel.view;
    CHECK(view.model()->rowCount() == 5);
    CHECK(view.fitsRun());
    // The whole run fits the lanes.
    CHECK(view.xForTime(0) == view.labelWidth());
    CHECK(view.xForTime(panel.history.now()) <= view.viewport()->width());

    // A zombie, a sleeping orphan, a busy process, what init waits on.
    const QString zombie = view.toolTipAt(pointAt(view, panel.serial(4), 0.25));
    CHECK(zombie.contains(u"PID 4: zombie"_s));
    CHECK(zombie.contains(u"from 0.017 s to 0.413 s"_s));
    const QString orphan = view.toolTipAt(pointAt(view, panel.serial(5), 0.25));
    CHECK(orphan.contains(u"sleeping, orphan"_s));
    CHECK(view.toolTipAt(pointAt(view, panel.serial(1), 0.3)).contains(u"waiting for a child"_s));
    CHECK(view.toolTipAt(pointAt(view, panel.serial(3), 0.26)).contains(u"running"_s));

    // Markers: the busy child's exit, the orphan's adoption.
    const QString exit = view.toolTipAt(pointAt(view, panel.serial(3), 0.309544));
    CHECK(exit.contains(u"exited with code 1"_s));
    const QString adopted = view.toolTipAt(pointAt(view, panel.serial(5), 0.017410));
    CHECK((adopted.contains(u"adopted by 1"_s) || adopted.contains(u"forked by 4"_s)));

    // The label column says who it is and when it lived.
    const QPoint label(10, pointAt(view, panel.serial(5), 0).y());
    const QString about = view.toolTipAt(label);
    CHECK(about.contains(u"PID 5, MainProcess"_s));
    CHECK(about.contains(u"forked by 4"_s));
    CHECK(about.contains(u"an orphan from 0.017 s, adopted by 1"_s));

    CHECK_FALSE(view.grab().isNull());
    // Nothing under the pointer before a process was born (close up: at the whole run's scale,
    // its birth marker is a few pixels away).
    view.setScale(TimelineView::maxScale());
    view.scrollToTime(0.0);
    CHECK(view.toolTipAt(pointAt(view, panel.serial(5), 0.001)).isEmpty());
    CHECK(view.toolTipAt(pointAt(view, panel.serial(5), 0.0134)).contains(u"forked by 4"_s));
}

TEST_CASE("Timeline: the cursor reads out every lane at its instant", "[timeline]") {
    Panel panel;
    panel.history.apply(testing::loadEvents(u"states_mix.jsonl"_s));
    TimelineView& view = *panel.view;
    QSignalSpy moved(&view, &TimelineView::cursorMoved);

    const QPoint where = pointAt(view, 0, 0.25);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, where);
    REQUIRE(moved.count() == 1);
    const double t = moved.first().first().toDouble();
    CHECK(t == Approx(0.25).margin(1.5 / view.scale()));
    CHECK(view.cursorTime() == Approx(t));
    TimelineModel* model = view.model();
    CHECK(model->time() == Approx(t));
    const auto state = [&](int pid) {
        return model->index(panel.serial(pid), TimelineModel::StateColumn).data().toString();
    };
    CHECK(state(4) == u"zombie"_s);
    CHECK(state(5) == u"sleeping, orphan"_s);
    CHECK(state(2) == u"sleeping"_s);
    CHECK_FALSE(view.grab().isNull()); // the read-out labels paint

    // Keys move it a pixel; Esc takes it away and the read-out follows the present again.
    view.setFocus();
    QTest::keyClick(&view, Qt::Key_Right, Qt::ShiftModifier);
    CHECK(moved.count() == 2);
    CHECK(view.cursorTime() > t);
    QTest::keyClick(&view, Qt::Key_Escape);
    CHECK(view.cursorTime() < 0);
    CHECK(model->followsPresent());

    // A click on a label selects the process.
    QSignalSpy selected(&view, &TimelineView::processSelected);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                      QPoint(10, pointAt(view, panel.serial(3), 0).y()));
    REQUIRE(selected.count() == 1);
    CHECK(selected.first().first().toInt() == panel.serial(3));
    CHECK(view.selectedSerial() == panel.serial(3));
}

TEST_CASE("Timeline: zoom down to a millisecond, pan, and fit the run", "[timeline]") {
    Panel panel;
    panel.history.apply(testing::loadEvents(u"three_busy.jsonl"_s));
    TimelineView& view = *panel.view;
    const double fit = view.scale();
    REQUIRE(view.fitsRun());

    view.zoomIn();
    CHECK_FALSE(view.fitsRun());
    CHECK(view.scale() == Approx(fit * 1.5));
    for (int i = 0; i < 60; ++i)
        view.zoomIn();
    CHECK(view.scale() == Approx(TimelineView::maxScale()));
    CHECK(view.xForTime(0.002) - view.xForTime(0.001) >= 20); // a time slice is wide
    CHECK(view.visibleDuration() < 0.02);

    // Ctrl+wheel zooms about the mouse: the instant under it stays put.
    view.fitRun();
    const QPoint mouse = pointAt(view, 0, 0.6);
    const double before = view.timeAtX(mouse.x());
    QWheelEvent wheel(mouse, view.viewport()->mapToGlobal(mouse), QPoint(), QPoint(0, 120),
                      Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(view.viewport(), &wheel);
    CHECK(view.scale() > fit);
    CHECK(view.timeAtX(mouse.x()) == Approx(before).margin(1.0 / view.scale()));

    // Panning, by the scroll bar and the keys.
    view.zoomBy(2.0);
    view.scrollToTime(0.3);
    const double left = view.leftTime();
    view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->value() + 100);
    CHECK(view.leftTime() == Approx(left + 100 / view.scale()).margin(1.0 / view.scale()));
    view.setFocus();
    QTest::keyClick(&view, Qt::Key_Home);
    CHECK(view.leftTime() == 0);
    QTest::keyClick(&view, Qt::Key_Right);
    CHECK(view.leftTime() > 0);
    QTest::keyClick(&view, Qt::Key_0);
    CHECK(view.fitsRun());
    CHECK(view.scale() == Approx(fit));
}

TEST_CASE("Timeline: it follows the present while live, and repaints once per batch",
          "[timeline]") {
    Panel panel;
    TimelineView& view = *panel.view;
    const QList<EngineEvent> events = testing::loadEvents(u"three_busy.jsonl"_s);
    panel.history.apply(events.mid(0, 60));
    view.zoomBy(4.0);
    CHECK_FALSE(view.fitsRun());
    view.followPresent();
    CHECK(view.followsPresent());

    // The run goes on: the present stays in view.
    const int paints = view.paintCount();
    for (qsizetype i = 60; i < events.size(); i += 10)
        panel.history.apply(events.mid(i, 10));
    QCoreApplication::processEvents();
    CHECK(view.paintCount() - paints <= 2); // 20 batches, at most a couple of paints
    const double now = panel.history.now();
    CHECK(view.xForTime(now) <= view.viewport()->width());
    CHECK(view.xForTime(now) >= view.labelWidth());
    CHECK(view.followsPresent());

    // Panned back, it stays where it was put.
    view.scrollToTime(0.0);
    CHECK_FALSE(view.followsPresent());
    panel.history.apply(event(uR"({"t":9.0,"pid":2,"kind":"line","line":3})"_s));
    CHECK(view.leftTime() == 0);
    // End follows again.
    view.setFocus();
    QTest::keyClick(&view, Qt::Key_End);
    CHECK(view.followsPresent());
    CHECK(view.xForTime(9.0) <= view.viewport()->width());
}

TEST_CASE("Timeline: many processes scroll, and the legend grows with new marker kinds",
          "[timeline]") {
    Panel panel;
    QList<EngineEvent> events{
        event(uR"({"t":0,"pid":0,"kind":"start","script":"x.py","cpus":2})"_s),
        event(uR"({"t":0.001,"pid":1,"kind":"spawn","ppid":0,"name":"init","how":"init"})"_s)};
    for (int pid = 2; pid < 66; ++pid)
        events << event(
            uR"({"t":%1,"pid":%2,"kind":"spawn","ppid":1,"name":"Worker","how":"fork"})"_s
                .arg(pid * 0.001)
                .arg(pid));
    panel.history.apply(events);
    TimelineView& view = *panel.view;
    CHECK(view.model()->rowCount() == 65);
    CHECK(view.laneHeight() == view.baseLaneHeight());
    CHECK(view.verticalScrollBar()->maximum() > 0);
    view.setSelectedSerial(60); // brought into view
    CHECK(view.verticalScrollBar()->value() > 0);
    CHECK(view.laneAt(pointAt(view, 60, 0.05)) == 60);

    TimelineLegend* legend = panel.dock.legend();
    CHECK(legend->entries().contains(u"zombie"_s));
    CHECK(legend->entries().contains(u"orphan"_s));
    CHECK(legend->entries().contains(u"born"_s));
    CHECK_FALSE(legend->markerKinds().contains(u"queue-put"_s));
    panel.history.apply(
        event(uR"({"t":0.2,"pid":2,"kind":"queue","queue":1,"op":"put","size":1,"capacity":2})"_s));
    CHECK(legend->markerKinds().contains(u"queue-put"_s));
    CHECK(legend->entries().contains(u"put in a queue"_s));
}

TEST_CASE("Window: the timeline and the replay of a recording", "[timeline][replay]") {
    MainWindow window(testing::windowOptions());
    window.show();
    REQUIRE(window.openFile(testing::dataPath(u"states_mix.jsonl"_s)));
    TimelineView* view = window.timeline()->view();
    CHECK(view->model()->rowCount() == 5);
    CHECK(view->horizon() == Approx(0.629199));
    ReplayBar* bar = window.replayBar();
    CHECK(bar->isVisibleTo(&window));
    CHECK(window.replay()->atEnd());
    CHECK(window.runStateText() == u"Finished, exit status 0"_s);
    CHECK(window.cpuText() == u"1 of 2 CPUs"_s);
    CHECK(window.speedText() == u"speed 1×"_s);
    const qsizetype recorded = window.recording().events().size();

    // Back to the start: only the `start` event is shown.
    bar->rewindAction()->trigger();
    CHECK(window.runModel()->processes().isEmpty());
    CHECK(window.stateHistory()->processes().isEmpty());
    CHECK(window.runStateText() == u"Replay paused"_s);
    CHECK(bar->timeText() == u"0.000 / 0.629 s"_s);
    CHECK(view->horizon() == Approx(0.629199)); // the axis still reaches the end

    // One line at a time: the forked child moves first, then its parent.
    bar->stepAction()->trigger();
    CHECK(window.runModel()->lastMovedPid() == 3);
    CHECK(window.codeView()->pidsOnLine(7) == QList<int>{3});
    bar->stepAction()->trigger();
    CHECK(window.runModel()->lastMovedPid() == 2);
    CHECK(window.codeView()->pidsOnLine(15) == QList<int>{2});
    CHECK(window.runStateText() == u"Replay paused"_s);

    // The timeline's cursor scrubs: a click at 0.25 s shows the run as it was then.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, pointAt(*view, 0, 0.25));
    CHECK(window.replay()->position() == Approx(0.25).margin(2.0 / view->scale()));
    REQUIRE(window.runModel()->latest(4));
    CHECK(window.runModel()->latest(4)->state == ProcState::Zombie);
    CHECK(window.runModel()->latest(5)->orphan);
    CHECK(window.runModel()->latest(3)->isAlive());
    CHECK(bar->slider()->value() == int(std::lround(window.replay()->position() * 1000)));
    // and back, earlier: rebuilt from the start.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, pointAt(*view, 0, 0.012));
    CHECK(window.runModel()->latest(5) == nullptr);
    CHECK(view->cursorTime() == Approx(window.replay()->position()));

    // Play to the end at 10×.
    bar->speedBox()->setCurrentIndex(bar->speedBox()->findData(10.0));
    emit bar->speedBox()->activated(bar->speedBox()->currentIndex());
    bar->playAction()->trigger();
    CHECK(window.replay()->isPlaying());
    CHECK(window.runStateText() == u"Replaying"_s);
    REQUIRE(testing::waitFor([&] { return window.replay()->atEnd(); }));
    CHECK(window.runStateText() == u"Finished, exit status 0"_s);
    CHECK(window.runModel()->processes().size() == 5);

    // The recording itself is untouched by the replay: saved, it is the whole stream.
    CHECK(window.recording().events().size() == recorded);
    QTemporaryDir dir;
    REQUIRE(window.saveRecording(dir.filePath(u"again.jsonl"_s)));
    Recording again;
    REQUIRE(again.load(dir.filePath(u"again.jsonl"_s)));
    CHECK(again.events().size() == recorded);

    // Opening a script ends the replay.
    REQUIRE(window.openScript(testing::dataPath(u"fork_wait.py"_s)));
    CHECK_FALSE(bar->isVisibleTo(&window));
    CHECK(view->model()->rowCount() == 0);
    CHECK(view->horizon() == 0);
}

TEST_CASE("Window: selecting a process on the timeline selects it in the tree", "[timeline]") {
    MainWindow window(testing::windowOptions());
    window.show();
    REQUIRE(window.openFile(testing::dataPath(u"four_children.jsonl"_s)));
    TimelineView* view = window.timeline()->view();
    const int serial = window.runModel()->latest(4)->serial;
    emit view->processSelected(serial);
    CHECK(window.selectedPid() == 4);
    window.processView()->setCurrentIndex(window.processView()->model()->index(0, 0)); // init
    CHECK(view->selectedSerial() == window.runModel()->latest(1)->serial);
}

TEST_CASE("Window: Step only the selected process, or all of them", "[timeline][window]") {
    MainWindow window(testing::windowOptions());
    window.setEngineProgram(testing::fakeEngine(u"echo.sh"_s));
    REQUIRE(window.openScript(testing::dataPath(u"fork_wait.py"_s)));
    CHECK_FALSE(window.stepSelectedAction()->isEnabled());
    window.runAction()->trigger();
    REQUIRE(testing::waitFor([&] { return window.codeView()->pidsOnLine(1) == QList<int>{2}; }));
    window.pauseAction()->trigger();
    REQUIRE(testing::waitFor([&] { return window.runModel()->run().paused; }));
    CHECK_FALSE(window.stepSelectedAction()->isEnabled()); // nothing selected

    window.processView()->setCurrentIndex(window.processView()->model()->index(
        0, 0, window.processView()->model()->index(0, 0))); // pid 2, under init
    REQUIRE(window.selectedPid() == 2);
    CHECK(window.stepSelectedAction()->isEnabled());
    CHECK(window.stepSelectedAction()->text() == u"Step Only Process 2"_s);
    window.stepSelectedAction()->trigger(); // the fake engine answers {"cmd":"step","pid":2}
    REQUIRE(testing::waitFor([&] { return window.codeView()->pidsOnLine(3) == QList<int>{2}; }));
    window.stepAction()->trigger(); // all: line 2
    REQUIRE(testing::waitFor([&] { return window.codeView()->pidsOnLine(2) == QList<int>{2}; }));

    window.stopAction()->trigger();
    REQUIRE(testing::waitFor([&] { return !window.engine()->isRunning(); }));
    CHECK_FALSE(window.stepSelectedAction()->isEnabled());
    CHECK(testing::childPids().isEmpty());
}

TEST_CASE("Window: the CPU count restarts the run with --cores", "[timeline][window]") {
    MainWindow window(testing::windowOptions());
    window.engine()->setStopGracePeriod(500);
    window.setEngineProgram(testing::fakeEngine(u"args_wait.sh"_s));
    REQUIRE(window.openScript(testing::dataPath(u"fork_wait.py"_s)));
    CHECK(window.cpuText() == u"all CPUs"_s);
    window.runAction()->trigger();
    const auto args = [&] {
        const QList<RunNotice>& notices = window.runModel()->run().notices;
        return notices.isEmpty() ? QString() : notices.last().message;
    };
    REQUIRE(testing::waitFor([&] { return !args().isEmpty(); }));
    CHECK_FALSE(args().contains(u"--cores"_s));
    CHECK(window.cpuText() == u"1 of 2 CPUs"_s); // what the run's start said

    QSignalSpy started(window.engine(), &EngineClient::started);
    window.coresBox()->setValue(1); // restarts once the value settles
    REQUIRE(testing::waitFor([&] { return started.count() == 1 && !args().isEmpty(); }));
    CHECK(args().contains(u"--cores 1"_s));
    CHECK(window.engine()->isRunning());
    CHECK_FALSE(window.runModel()->run().ended); // the old run's end was not shown
    CHECK(window.recording().events().size() == 2);

    window.restartAction()->trigger(); // Restart keeps the count
    REQUIRE(testing::waitFor([&] { return started.count() == 2 && !args().isEmpty(); }));
    CHECK(args().contains(u"--cores 1"_s));

    window.stopAction()->trigger();
    REQUIRE(testing::waitFor([&] { return !window.engine()->isRunning(); }));
    CHECK(window.cpuText() == u"1 of 2 CPUs"_s);
    window.setCores(0);
    CHECK_FALSE(window.engine()->isRunning()); // a finished run is not restarted
    CHECK(testing::childPids().isEmpty());
}

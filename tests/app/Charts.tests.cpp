#include "TestSupport.h"
#include "core/StateHistory.h"
#include "gui/MainWindow.h"
#include "gui/charts/ChartsPanel.h"

#include <QTest>
#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

// The value of a step series at an instant: the last point at or before it.
double valueAt(const QList<QPointF>& points, double t) {
    double value = 0;
    for (const QPointF& p : points) {
        if (p.x() > t) break;
        value = p.y();
    }
    return value;
}

double maximum(const QList<QPointF>& points) {
    double top = 0;
    for (const QPointF& p : points)
        top = std::max(top, p.y());
    return top;
}

} // namespace

TEST_CASE("Charts: processes in each state over time, stacked", "[charts]") {
    StateHistory history;
    ChartsPanel panel(&history);
    panel.resize(800, 260);
    panel.show();
    REQUIRE(QTest::qWaitForWindowExposed(&panel));
    history.apply(testing::loadEvents(u"states_mix.jsonl"_s));
    panel.refresh();

    CHECK(panel.stateSeriesName(ProcState::Running) == u"running"_s);
    CHECK(panel.stateSeriesName(ProcState::Zombie) == u"zombie"_s);
    const QList<QPointF> zombies = panel.statePoints(ProcState::Zombie);
    CHECK(maximum(zombies) == 2); // both children, between the busy one's exit and the reap
    CHECK(valueAt(zombies, 0.25) == 1);
    CHECK(valueAt(zombies, 0.35) == 2);
    CHECK(valueAt(zombies, 0.5) == 0);
    CHECK(valueAt(panel.statePoints(ProcState::Running), 0.25) == 1);
    CHECK(valueAt(panel.statePoints(ProcState::Waiting), 0.25) == 2);
    CHECK(valueAt(panel.statePoints(ProcState::Ready), 0.1) == 1);
    CHECK(maximum(panel.statePoints(ProcState::Stopped)) == 0);
    // Stacked: the zombies' band sits on top of all the others (4 processes at 0.25 s).
    CHECK(valueAt(panel.stateTopEdge(ProcState::Zombie), 0.25) == 4);
    // The series end at the run's end.
    CHECK(zombies.last().x() == Approx(history.now()));
    // No queue in this run: no queue chart.
    CHECK(panel.queueIds().isEmpty());
    CHECK_FALSE(panel.queueChartVisible());
    CHECK_FALSE(panel.grab().isNull());
}

TEST_CASE("Charts: sampled when a run has many changes", "[charts]") {
    StateHistory history;
    ChartsPanel panel(&history);
    panel.setMaxPoints(40);
    history.apply(testing::loadEvents(u"three_busy.jsonl"_s));
    REQUIRE(history.counts().size() > 40);
    panel.refresh();
    const QList<QPointF> running = panel.statePoints(ProcState::Running);
    CHECK(running.size() <= 40);
    CHECK(maximum(running) == 1);                             // one CPU: never two running at once
    CHECK(maximum(panel.statePoints(ProcState::Ready)) >= 2); // the other two wait
}

TEST_CASE("Charts: each queue's length over time", "[charts]") {
    StateHistory history;
    ChartsPanel panel(&history);
    history.apply(testing::loadEvents(u"queue_sizes.jsonl"_s));
    panel.refresh();

    REQUIRE(history.queues().size() == 2);
    CHECK(history.queues().value(1).capacity == 3);
    CHECK(history.queues().value(1).sizeAt(0.05) == 3);
    CHECK(history.queues().value(1).sizeAt(0.01) == 0);

    CHECK(panel.queueIds() == QList<int>{1, 2});
    CHECK(panel.queueChartVisible());
    const QList<QPointF> first = panel.queuePoints(1);
    CHECK(valueAt(first, 0.025) == 1);
    CHECK(valueAt(first, 0.05) == 3);
    CHECK(valueAt(first, 0.1005) == 2);
    CHECK(valueAt(first, 0.15) == 3);
    CHECK(valueAt(first, 0.25) == 2);
    CHECK(valueAt(first, 0.35) == 1);
    CHECK(valueAt(first, 0.43) == 0);
    CHECK(first.last().x() == Approx(0.44)); // drawn on to the run's end
    CHECK(valueAt(panel.queuePoints(2), 0.4) == 1);

    // The producer blocked on the full queue: what it waited on, and its markers.
    const ProcessHistory* producer = history.latest(2);
    REQUIRE(producer);
    CHECK(producer->spanAt(0.05)->on == u"queue-put"_s);
    int puts = 0;
    for (const HistoryMarker& m : producer->markers)
        puts += m.kind == u"queue-put"_s;
    CHECK(puts == 4);

    // A new run without queues clears them.
    history.apply(testing::loadEvents(u"fork_wait.jsonl"_s));
    panel.refresh();
    CHECK(panel.queueIds().isEmpty());
    CHECK_FALSE(panel.queueChartVisible());
}

TEST_CASE("Charts: the window's charts follow the run", "[charts][window]") {
    MainWindow::Options options;
    options.useSettings = false;
    MainWindow window(options);
    window.show();
    REQUIRE(window.openFile(testing::dataPath(u"queue_sizes.jsonl"_s)));
    ChartsPanel* charts = window.charts();
    charts->refresh();
    CHECK(charts->queueIds() == QList<int>{1, 2});
    CHECK(maximum(charts->statePoints(ProcState::Zombie)) == 1);
}

#include "core/StateHistory.h"

#include "TestSupport.h"
#include "core/Replay.h"
#include "core/TimelineModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

// The recorded streams come from the real engine:
//   states_mix.jsonl  forkscope-engine run states_mix.py --json --cores 1
//   three_busy.jsonl  forkscope-engine run three_busy.py --json --cores 1
//   fork_wait_stepped.jsonl  fork_wait.py --json --step, stepped twice, then resumed

namespace {

EngineEvent event(const char* json) {
    auto e = parseEventLine(QByteArrayView(json));
    if (!e) qFatal("bad test event %s", json);
    return *e;
}

using testing::WarningCounter;

QStringList markerKinds(const ProcessHistory& p) {
    QStringList kinds;
    for (const HistoryMarker& m : p.markers)
        kinds << m.kind;
    return kinds;
}

int count(const StateCounts& c, ProcState state) {
    return c.n[size_t(countedStateIndex(state))];
}

} // namespace

TEST_CASE("State history: lanes, spans, zombies and an orphan from a real run", "[timeline]") {
    StateHistory history;
    history.apply(testing::loadEvents(u"states_mix.jsonl"_s));

    REQUIRE(history.processes().size() == 5);
    CHECK(history.started());
    CHECK(history.ended());
    CHECK(history.cpus() == 1);
    CHECK(history.now() == Approx(0.629199));

    const ProcessHistory* busy = history.latest(3);
    REQUIRE(busy);
    CHECK(busy->how == u"fork"_s);
    CHECK(busy->parentSerial == history.latest(2)->serial);
    CHECK(busy->born == Approx(0.009034));
    // One CPU for two busy processes: running and ready in turn, then a zombie until reaped.
    CHECK(busy->spans.size() == 16);
    int running = 0, ready = 0;
    for (const StateSpan& s : busy->spans) {
        running += s.state == ProcState::Running;
        ready += s.state == ProcState::Ready;
    }
    CHECK(running == 8);
    CHECK(ready == 7);
    const StateSpan& zombie = busy->spans.last();
    CHECK(zombie.state == ProcState::Zombie);
    CHECK(zombie.start == Approx(0.309544));
    CHECK(zombie.end == Approx(0.413325));
    CHECK(busy->exited == Approx(0.309544));
    CHECK(busy->gone == Approx(0.413325));
    // Spans follow each other without gaps.
    for (qsizetype i = 1; i < busy->spans.size(); ++i)
        CHECK(busy->spans[i].start == busy->spans[i - 1].end);
    CHECK(markerKinds(*busy) == QStringList{u"spawn"_s, u"exit"_s, u"reap"_s});

    // Its brother exits at once: a zombie for 0.4 s, reaped by 2.
    const ProcessHistory* early = history.latest(4);
    REQUIRE(early);
    CHECK(early->spans.last().state == ProcState::Zombie);
    CHECK(early->spans.last().start == Approx(0.017395));
    CHECK(early->markers.last().fields.value(u"by"_s).toInt() == 2);

    // The grandchild: an orphan from its parent's exit, adopted by 1, asleep all along.
    const ProcessHistory* orphan = history.latest(5);
    REQUIRE(orphan);
    CHECK(orphan->orphanSince == Approx(0.017410));
    CHECK(orphan->adopter == 1);
    CHECK_FALSE(orphan->isOrphanAt(0.015));
    CHECK(orphan->isOrphanAt(0.2));
    CHECK(markerKinds(*orphan) == QStringList{u"spawn"_s, u"reparent"_s, u"exit"_s, u"reap"_s});
    const StateSpan* asleep = orphan->spanAt(0.2);
    REQUIRE(asleep);
    CHECK(asleep->state == ProcState::Waiting);
    CHECK(asleep->on == u"sleep"_s);

    // PID 1 is there too, waiting for children, reaped by the engine at the end.
    CHECK(history.latest(1)->how == u"init"_s);
    CHECK(history.latest(1)->gone == Approx(0.629178));
}

TEST_CASE("State history: what every process was doing at an instant", "[timeline]") {
    StateHistory history;
    history.apply(testing::loadEvents(u"states_mix.jsonl"_s));

    const QList<InstantState> at = history.at(0.25);
    QMap<int, InstantState> byPid;
    for (const InstantState& s : at)
        byPid.insert(s.pid, s);
    CHECK(byPid.keys() == QList<int>{1, 2, 3, 4, 5});
    CHECK(byPid[1].state == ProcState::Waiting);
    CHECK(byPid[1].on == u"wait"_s);
    CHECK(byPid[2].state == ProcState::Waiting);
    CHECK(byPid[2].on == u"sleep"_s);
    CHECK(byPid[2].since == Approx(0.220096));
    CHECK(byPid[3].state == ProcState::Running);
    CHECK(byPid[4].state == ProcState::Zombie);
    CHECK(byPid[5].state == ProcState::Waiting);
    CHECK(byPid[5].orphan);
    CHECK_FALSE(byPid[4].orphan);

    // Before a spawn and after a reap, a process is not part of the instant.
    CHECK(history.at(0.005).size() == 2); // init and main
    QList<int> later;
    for (const InstantState& s : history.at(0.5))
        later << s.pid;
    CHECK(later == QList<int>{1, 2});
    const InstantState gone = history.stateOf(history.latest(3)->serial, 0.5);
    CHECK_FALSE(gone.exists);
    CHECK(gone.gone);
    CHECK(gone.state == ProcState::Reaped);
    const InstantState unborn = history.stateOf(history.latest(5)->serial, 0.001);
    CHECK_FALSE(unborn.exists);
    CHECK_FALSE(unborn.gone);
}

TEST_CASE("State history: counts of processes in each state over time", "[timeline][charts]") {
    StateHistory history;
    history.apply(testing::loadEvents(u"states_mix.jsonl"_s));

    // PID 1 is not counted: the script's processes only.
    const StateCounts early = history.countsAt(0.1);
    CHECK(count(early, ProcState::Running) == 1);
    CHECK(count(early, ProcState::Ready) == 1);
    CHECK(count(early, ProcState::Waiting) == 1);
    CHECK(count(early, ProcState::Zombie) == 1);
    CHECK(early.total() == 4);

    const StateCounts middle = history.countsAt(0.35);
    CHECK(count(middle, ProcState::Running) == 0);
    CHECK(count(middle, ProcState::Waiting) == 2);
    CHECK(count(middle, ProcState::Zombie) == 2);

    const StateCounts late = history.countsAt(0.5);
    CHECK(late.total() == 1);
    CHECK(count(late, ProcState::Waiting) == 1);
    CHECK(history.countsAt(0.7).total() == 0);

    // Samples are in time order, one per instant, and only where something changed.
    const QList<StateCounts>& counts = history.counts();
    for (qsizetype i = 1; i < counts.size(); ++i) {
        CHECK(counts[i].t > counts[i - 1].t);
        CHECK(counts[i].n != counts[i - 1].n);
    }

    // Sampled for a chart: never more points than asked, ending at the run's end.
    const QList<StateCounts> sampled = history.countSeries(10);
    CHECK(sampled.size() <= 10);
    CHECK(sampled.last().t == Approx(history.now()));
    const QList<StateCounts> exact = history.countSeries(1000);
    CHECK(exact.size() == counts.size() + 1);
}

TEST_CASE("State history: paused processes run again when the run resumes", "[timeline]") {
    StateHistory history;
    history.apply(testing::loadEvents(u"fork_wait_stepped.jsonl"_s));

    const ProcessHistory* main = history.latest(2);
    REQUIRE(main);
    const StateSpan* held = main->spanAt(0.5);
    REQUIRE(held);
    CHECK(held->state == ProcState::Paused);
    CHECK(held->start == Approx(0.007466));
    CHECK(held->end == Approx(0.902435)); // the `mode` event that resumed the run
    CHECK(main->spanAt(0.903)->state == ProcState::Running);

    const ProcessHistory* child = history.latest(3);
    REQUIRE(child);
    CHECK(child->spanAt(0.7)->state == ProcState::Paused);
    // It was released and exited at once: a zombie, not running, after its exit.
    CHECK(child->spanAt(0.9030)->state == ProcState::Zombie);
    CHECK(history.countsAt(0.7).n[size_t(countedStateIndex(ProcState::Paused))] == 2);
}

TEST_CASE("State history: the hand-written orphan stream", "[timeline]") {
    StateHistory history;
    history.apply(testing::loadEvents(u"orphan.jsonl"_s));
    const ProcessHistory* child = history.latest(3);
    REQUIRE(child);
    CHECK(child->orphanSince == Approx(0.036));
    CHECK(child->adopter == 1);
    CHECK(child->spanAt(0.5)->state == ProcState::Waiting);
    CHECK(child->spanAt(0.5)->on == u"sleep"_s);
    CHECK(child->spanAt(1.0335)->state == ProcState::Running);
    CHECK(child->markers[1].kind == u"reparent"_s);
    CHECK(child->markers[1].fields.value(u"from"_s).toInt() == 2);
}

TEST_CASE("Marker kinds are data: new event kinds become markers without code", "[timeline]") {
    CHECK(StateHistory::markerKind(event(R"({"t":1,"pid":3,"kind":"spawn","ppid":2})")) ==
          u"spawn"_s);
    CHECK(StateHistory::markerKind(event(R"({"t":1,"pid":3,"kind":"line","line":2})")).isEmpty());
    CHECK(
        StateHistory::markerKind(event(R"({"t":1,"pid":3,"kind":"stdout","text":"x"})")).isEmpty());
    CHECK(StateHistory::markerKind(
              event(R"({"t":1,"pid":3,"kind":"queue","queue":1,"op":"put","size":2})")) ==
          u"queue-put"_s);
    CHECK(StateHistory::markerKind(event(R"({"t":1,"pid":3,"kind":"lock","op":"acquire"})")) ==
          u"lock-acquire"_s);
    CHECK(StateHistory::markerKind(event(R"({"t":1,"pid":3,"kind":"task","op":"done"})")) ==
          u"task-done"_s);
    CHECK(StateHistory::markerKind(event(R"({"t":1,"pid":3,"kind":"barrier"})")) == u"barrier"_s);
    CHECK(StateHistory::markerKind(event(R"({"t":1,"pid":0,"kind":"queue","op":"put"})"))
              .isEmpty()); // not about one process

    StateHistory history;
    history.apply(QList<EngineEvent>{
        event(R"({"t":0,"pid":0,"kind":"start","script":"q.py","cpus":2})"),
        event(R"({"t":0.01,"pid":2,"kind":"spawn","ppid":1,"name":"MainProcess","how":"main"})"),
        event(R"({"t":0.02,"pid":2,"kind":"queue","queue":1,"op":"put","size":1,"capacity":2})"),
        event(R"({"t":0.03,"pid":2,"kind":"state","state":"waiting","on":"queue-put","queue":1})"),
        event(R"({"t":0.04,"pid":2,"kind":"lock","lock":5,"op":"acquire"})"),
    });
    const ProcessHistory* p = history.latest(2);
    REQUIRE(p);
    CHECK(markerKinds(*p) == QStringList{u"spawn"_s, u"queue-put"_s, u"lock-acquire"_s});
    CHECK(p->markers[2].fields.value(u"lock"_s).toInt() == 5);
    // What a waiting process waits on, with the detail the event gave.
    const StateSpan* waiting = p->spanAt(0.035);
    REQUIRE(waiting);
    CHECK(waiting->on == u"queue-put"_s);
    CHECK(waiting->detail == u"queue 1"_s);
    CHECK(TimelineModel::stateText(history.stateOf(p->serial, 0.035)) ==
          u"waiting for queue space (queue 1)"_s);
}

TEST_CASE("State history: a second start begins a new run", "[timeline]") {
    StateHistory history;
    QSignalSpy cleared(&history, &StateHistory::cleared);
    history.apply(testing::loadEvents(u"fork_wait.jsonl"_s));
    history.apply(testing::loadEvents(u"orphan.jsonl"_s));
    CHECK(cleared.count() == 1);
    CHECK(history.processes().size() == 3);
    CHECK(history.latest(3)->orphanSince >= 0);
}

TEST_CASE("The timeline model reads out every lane at an instant", "[timeline]") {
    StateHistory history;
    TimelineModel model(&history);
    WarningCounter warnings;
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    // One event at a time, as a live run delivers them.
    for (const EngineEvent& e : testing::loadEvents(u"states_mix.jsonl"_s))
        history.apply(e);
    CHECK(warnings.messages().isEmpty());
    REQUIRE(model.rowCount() == 5);
    CHECK(model.columnCount() == TimelineModel::ColumnCount);

    const auto cell = [&](int pid, int column, int role = Qt::DisplayRole) {
        const int serial = history.latest(pid)->serial;
        return model.index(serial, column).data(role);
    };
    // Following the present: the end of the run, everybody reaped.
    CHECK(model.followsPresent());
    CHECK(cell(3, TimelineModel::StateColumn).toString() == u"reaped"_s);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setTime(0.25);
    CHECK(changed.count() == 1);
    CHECK_FALSE(model.followsPresent());
    CHECK(model.time() == Approx(0.25));
    CHECK(cell(2, TimelineModel::PidColumn).toString() == u"2"_s);
    CHECK(cell(2, TimelineModel::StateColumn).toString() == u"sleeping"_s);
    CHECK(cell(3, TimelineModel::StateColumn).toString() == u"running"_s);
    CHECK(cell(4, TimelineModel::StateColumn).toString() == u"zombie"_s);
    CHECK(cell(5, TimelineModel::StateColumn).toString() == u"sleeping, orphan"_s);
    CHECK(cell(5, TimelineModel::StateColumn, TimelineModel::OrphanRole).toBool());
    CHECK(cell(4, TimelineModel::StateColumn, TimelineModel::StateRole).toString() == u"zombie"_s);
    CHECK(cell(2, TimelineModel::StateColumn, TimelineModel::OnRole).toString() == u"sleep"_s);
    CHECK(cell(2, TimelineModel::SinceColumn).toString() == u"0.030 s"_s);
    CHECK(cell(4, TimelineModel::PidColumn, Qt::ToolTipRole).toString().contains(u"PID 4"_s));

    model.setTime(0.005); // before the children
    CHECK(cell(3, TimelineModel::StateColumn).toString() == u"not started yet"_s);
    CHECK(cell(3, TimelineModel::StateColumn, TimelineModel::StateRole).toString().isEmpty());
    CHECK_FALSE(cell(3, TimelineModel::StateColumn, TimelineModel::ExistsRole).toBool());
    model.setTime(-1);
    CHECK(model.followsPresent());

    history.clear();
    CHECK(model.rowCount() == 0);
    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("A replay hands out a recording's events over time", "[timeline][replay]") {
    const QList<EngineEvent> events = testing::loadEvents(u"states_mix.jsonl"_s);
    Replay replay;
    replay.setEvents(events);
    CHECK(replay.atEnd());
    CHECK(replay.duration() == Approx(0.629199));
    CHECK(replay.position() == Approx(replay.duration()));

    StateHistory history;
    QSignalSpy resets(&replay, &Replay::reset);
    QObject::connect(&replay, &Replay::reset, &history, &StateHistory::clear);
    QObject::connect(&replay, &Replay::eventsDue, &history,
                     qOverload<const QList<EngineEvent>&>(&StateHistory::apply));
    history.apply(events);

    // Back to an instant: a reset, then everything up to it.
    replay.seek(0.25);
    CHECK(resets.count() == 1);
    CHECK(replay.position() == Approx(0.25));
    CHECK(history.now() <= 0.25);
    CHECK(history.now() > 0.2);
    CHECK(history.latest(3)->gone < 0);
    CHECK_FALSE(replay.atEnd());

    // Forward: only the events in between, no reset.
    replay.seek(0.5);
    CHECK(resets.count() == 1);
    CHECK(history.latest(3)->gone == Approx(0.413325));
    CHECK(history.latest(2)->gone < 0);

    // Step: up to the next line event.
    replay.rewind();
    CHECK(resets.count() == 2);
    CHECK(history.processes().isEmpty());
    replay.stepLine();
    const qsizetype handed = replay.handedOut();
    REQUIRE(handed > 0);
    CHECK(events[handed - 1].kind == EventKind::Line);
    CHECK(replay.position() == Approx(events[handed - 1].t));

    // Play at 10×: the rest comes within a fraction of a second, in frame-sized batches.
    QSignalSpy batches(&replay, &Replay::eventsDue);
    replay.setSpeed(10);
    replay.play();
    CHECK(replay.isPlaying());
    REQUIRE(testing::waitFor([&] { return replay.atEnd(); }, 5000));
    CHECK_FALSE(replay.isPlaying());
    CHECK(batches.count() >= 2);
    CHECK(history.ended());
    CHECK(history.processes().size() == 5);

    // Play at the end starts over.
    replay.setSpeed(10);
    replay.play();
    CHECK(resets.count() == 3);
    replay.pause();
    CHECK_FALSE(replay.isPlaying());
}

#include "core/RunModel.h"

#include "TestSupport.h"

#include <QSignalSpy>
#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

EngineEvent event(const char* json) {
    auto e = parseEventLine(QByteArrayView(json));
    if (!e) qFatal("bad test event %s", json);
    return *e;
}

} // namespace

TEST_CASE("A fork and wait: the child exits, its parent reaps it", "[app][runmodel]") {
    RunModel run;
    run.apply(testing::loadEvents(u"fork_wait.jsonl"_s));

    const RunInfo& info = run.run();
    CHECK(info.started);
    CHECK(info.script == u"fork_wait.py"_s);
    CHECK(info.mode == u"namespace"_s);
    CHECK(info.cpus == 2);
    CHECK(info.online == 4);
    CHECK(info.ended);
    CHECK(info.endStatus == 0);
    CHECK(info.endReason == u"finished"_s);
    CHECK(info.time == Approx(0.038));

    REQUIRE(run.processes().size() == 3);
    const ProcessRecord* init = run.latest(1);
    const ProcessRecord* main = run.latest(2);
    const ProcessRecord* child = run.latest(3);
    REQUIRE(init);
    REQUIRE(main);
    REQUIRE(child);
    CHECK(init->how == u"init"_s);
    CHECK(init->state == ProcState::Waiting);
    CHECK(init->waitingOn == u"wait"_s);
    CHECK(main->how == u"main"_s);
    CHECK(main->parentSerial == init->serial);
    CHECK(child->how == u"fork"_s);
    CHECK(child->ppid == 2);
    CHECK(child->parentSerial == main->serial);

    CHECK(child->exitCode == 3);
    CHECK(child->isReaped());
    CHECK(child->reapedBy == 2);
    CHECK(child->output == u"child 3: hello\n"_s);
    CHECK(main->exitCode == 0);
    CHECK(main->reapedBy == 1);
    CHECK(main->output == u"parent 2: forked child 3\nparent: child exited with 3\n"_s);
    CHECK_FALSE(child->orphan);

    CHECK(run.aliveCount() == 1); // init
    CHECK(run.zombieCount() == 0);
    CHECK(run.currentLines().isEmpty());
    CHECK(run.output().size() == 3);
}

TEST_CASE("Lines and states follow the run event by event", "[app][runmodel]") {
    const QList<EngineEvent> events = testing::loadEvents(u"fork_wait.jsonl"_s);
    RunModel run;
    // Up to the child printing (line 5) while the parent is at line 8.
    run.apply(events.mid(0, 11));
    CHECK(run.currentLines() == QMap<int, int>{{2, 8}, {3, 5}});
    CHECK(run.lastMovedPid() == 3);
    CHECK(run.aliveCount() == 3);

    // The parent blocks in waitpid.
    run.apply(events.mid(11, 5));
    CHECK(run.latest(2)->state == ProcState::Waiting);
    CHECK(run.latest(2)->waitingOn == u"wait"_s);
    CHECK(run.latest(2)->line == 9);
}

TEST_CASE("A zombie stays a zombie until its parent reaps it", "[app][runmodel]") {
    const QList<EngineEvent> events = testing::loadEvents(u"zombie_late.jsonl"_s);
    RunModel run;
    // Everything before the reap, which comes two seconds later.
    const qsizetype reap =
        std::find_if(events.cbegin(), events.cend(),
                     [](const EngineEvent& e) { return e.kind == EventKind::Reap && e.pid == 3; }) -
        events.cbegin();
    run.apply(events.mid(0, reap));
    const ProcessRecord* child = run.latest(3);
    REQUIRE(child);
    CHECK(child->isZombie());
    CHECK(child->exitCode == 7);
    CHECK(child->exitedAt == Approx(0.035));
    CHECK_FALSE(child->isAlive());
    CHECK(run.zombieCount() == 1);
    CHECK_FALSE(run.currentLines().contains(3)); // a zombie runs no line
    CHECK(run.latest(2)->waitingOn.isEmpty());   // woke up, running again

    run.apply(events.mid(reap));
    CHECK(child == run.latest(3)); // the same record
    CHECK(run.latest(3)->isReaped());
    CHECK(run.latest(3)->reapedBy == 2);
    CHECK(run.latest(3)->reapedAt == Approx(2.035));
    CHECK(run.zombieCount() == 0);
}

TEST_CASE("An orphan is adopted by PID 1, which reaps it", "[app][runmodel]") {
    RunModel run;
    QSignalSpy reparented(&run, &RunModel::processReparented);
    run.apply(testing::loadEvents(u"orphan.jsonl"_s));

    const ProcessRecord* init = run.latest(1);
    const ProcessRecord* main = run.latest(2);
    const ProcessRecord* child = run.latest(3);
    REQUIRE(child);
    CHECK(child->orphan);
    CHECK(child->adopter == 1);
    CHECK(child->ppid == 1);
    CHECK(child->originalPpid == 2);
    CHECK(child->parentSerial == init->serial);
    CHECK(child->reapedBy == 1);
    CHECK(main->reapedBy == 1);
    CHECK(child->output == u"child: my parent is now 1\n"_s);

    REQUIRE(reparented.size() == 1);
    CHECK(reparented[0][0].toInt() == child->serial);
    CHECK(reparented[0][1].toInt() == main->serial);
    CHECK(reparented[0][2].toInt() == init->serial);
}

TEST_CASE("A pid reused after a reap is a new process", "[app][runmodel]") {
    RunModel run;
    run.apply({
        event(R"({"t":0,"pid":0,"kind":"start","script":"x.py"})"),
        event(R"({"t":0,"pid":1,"kind":"spawn","ppid":0,"name":"init","how":"init"})"),
        event(R"({"t":0,"pid":2,"kind":"spawn","ppid":1,"name":"MainProcess","how":"main"})"),
        event(R"({"t":1,"pid":3,"kind":"spawn","ppid":2,"name":"a","how":"fork"})"),
        event(R"({"t":2,"pid":3,"kind":"exit","code":1})"),
        event(R"({"t":2,"pid":3,"kind":"reap","by":2})"),
        event(R"({"t":3,"pid":3,"kind":"line","line":4})"), // for the reaped one: ignored
        event(R"({"t":4,"pid":3,"kind":"spawn","ppid":2,"name":"b","how":"process"})"),
        event(R"({"t":5,"pid":3,"kind":"line","line":8})"),
    });
    REQUIRE(run.processes().size() == 4);
    const ProcessRecord& first = run.processes()[2];
    const ProcessRecord* second = run.latest(3);
    CHECK(first.name == u"a"_s);
    CHECK(first.isReaped());
    CHECK(first.line == 0);
    CHECK(second->name == u"b"_s);
    CHECK(second->serial == 3);
    CHECK(second->isAlive());
    CHECK(second->line == 8);
    CHECK(run.currentLines() == QMap<int, int>{{3, 8}});
}

TEST_CASE("Exec, signals, errors, notices and modes", "[app][runmodel]") {
    RunModel run;
    QSignalSpy changed(&run, &RunModel::runChanged);
    run.apply({
        event(R"({"t":0,"pid":0,"kind":"start","script":"x.py","step":true,"speed":2})"),
        event(R"({"t":0,"pid":0,"kind":"notice","code":"subreaper","message":"no namespaces"})"),
        event(R"({"t":0,"pid":1,"kind":"spawn","ppid":0,"name":"init","how":"init"})"),
        event(R"({"t":0,"pid":2,"kind":"spawn","ppid":1,"name":"MainProcess","how":"main"})"),
        event(R"({"t":0.1,"pid":2,"kind":"line","line":2})"),
        event(R"({"t":0.2,"pid":2,"kind":"exec","comm":"ls"})"),
        event(R"({"t":0.3,"pid":2,"kind":"stderr","text":"oops"})"),
        event(R"({"t":0.4,"pid":2,"kind":"state","state":"stopped"})"),
        event(R"({"t":0.5,"pid":0,"kind":"mode","paused":false,"speed":0.5})"),
        event(
            R"({"t":0.6,"pid":2,"kind":"error","what":"exception","message":"ZeroDivisionError","line":7})"),
        event(R"({"t":0.7,"pid":2,"kind":"exit","signal":9,"signame":"SIGKILL"})"),
        event(R"({"t":0.7,"pid":2,"kind":"state","state":"running"})"), // after exit: ignored
        event(R"({"t":0.8,"pid":0,"kind":"end","status":137,"reason":"stopped"})"),
    });
    const RunInfo& info = run.run();
    CHECK(info.stepMode);
    CHECK_FALSE(info.paused);
    CHECK(info.speed == 0.5);
    REQUIRE(info.notices.size() == 1);
    CHECK(info.notices[0].code == u"subreaper"_s);
    REQUIRE(info.errors.size() == 1);
    CHECK(info.errors[0].what == u"exception"_s);
    CHECK(info.errors[0].line == 7);
    CHECK(info.endStatus == 137);
    CHECK(info.endReason == u"stopped"_s);
    CHECK(changed.size() >= 4);

    const ProcessRecord* p = run.latest(2);
    CHECK(p->comm == u"ls"_s);
    CHECK(p->line == 0);
    CHECK(p->exitSignal == 9);
    CHECK(p->signalName == u"SIGKILL"_s);
    CHECK_FALSE(p->exitCode);
    CHECK(p->isZombie());
    CHECK(p->error == u"ZeroDivisionError"_s);

    // Output, notices and errors in the order they came, for the console.
    REQUIRE(run.output().size() == 3);
    CHECK(run.output()[0].stream == OutputChunk::Stream::Notice);
    CHECK(run.output()[1].stream == OutputChunk::Stream::Stderr);
    CHECK(run.output()[2].stream == OutputChunk::Stream::Error);
}

TEST_CASE("A second start begins a new run", "[app][runmodel]") {
    RunModel run;
    QSignalSpy cleared(&run, &RunModel::cleared);
    run.apply(testing::loadEvents(u"fork_wait.jsonl"_s));
    run.apply(testing::loadEvents(u"orphan.jsonl"_s));
    CHECK(cleared.size() == 1);
    CHECK(run.run().script == u"orphan.py"_s);
    CHECK(run.processes().size() == 3);
    CHECK(run.latest(3)->orphan);
}

TEST_CASE("What a process printed just before it ended is kept, even read after its reap",
          "[app][runmodel]") {
    // The engine reads output from a pipe: the last line may come after the exit and the reap.
    RunModel run;
    run.apply({
        event(R"({"t":0,"pid":0,"kind":"start","script":"x.py"})"),
        event(R"({"t":0,"pid":1,"kind":"spawn","ppid":0,"name":"init","how":"init"})"),
        event(R"({"t":0,"pid":2,"kind":"spawn","ppid":1,"name":"MainProcess","how":"main"})"),
        event(R"({"t":1,"pid":2,"kind":"exit","code":0})"),
        event(R"({"t":1,"pid":2,"kind":"reap","by":1})"),
        event(R"({"t":1,"pid":2,"kind":"stdout","text":"3\n"})"),
        event(R"({"t":1,"pid":7,"kind":"stdout","text":"from nowhere\n"})"), // unknown: ignored
    });
    REQUIRE(run.output().size() == 1);
    CHECK(run.output().first().text == u"3\n"_s);
    CHECK(run.output().first().pid == 2);
    CHECK(run.latest(2)->output == u"3\n"_s);
    CHECK(run.latest(2)->isReaped());
}

TEST_CASE("Events about unknown processes are ignored", "[app][runmodel]") {
    RunModel run;
    run.apply({
        event(R"({"t":0,"pid":9,"kind":"line","line":3})"),
        event(R"({"t":0,"pid":9,"kind":"exit","code":0})"),
        event(R"({"t":0,"pid":9,"kind":"reparent","from":1,"to":1})"),
        event(R"({"t":0,"pid":9,"kind":"zap"})"),
    });
    CHECK(run.processes().isEmpty());
    CHECK(run.eventCount() == 4);
}

TEST_CASE("The process to follow is the live one that moved last", "[app][runmodel]") {
    RunModel run;
    run.apply(testing::loadEvents(u"four_children.jsonl"_s));
    CHECK(run.lastMovedPid() == 5);       // it went on to exit
    CHECK(run.latestMovedLivePid() == 2); // of those still on a line, 2 moved last
}

TEST_CASE("A script line after an exec marks the process again", "[app][runmodel]") {
    // What the engine sent once under load: its main process's start seen as an exec.
    RunModel run;
    run.apply({
        event(R"({"t":0,"pid":0,"kind":"start","script":"x.py","step":true})"),
        event(R"({"t":0.05,"pid":2,"kind":"spawn","ppid":1,"name":"MainProcess","how":"main"})"),
        event(R"({"t":0.05,"pid":2,"kind":"exec","comm":"python3"})"),
    });
    CHECK(run.currentLines().isEmpty());
    run.apply(event(R"({"t":0.15,"pid":2,"kind":"line","line":1})"));
    CHECK(run.currentLines() == QMap<int, int>{{2, 1}});
    CHECK(run.latest(2)->comm.isEmpty()); // named as the script's process again
}

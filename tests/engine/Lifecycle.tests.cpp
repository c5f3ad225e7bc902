// Births, zombies and orphans, as the event stream reports them from real processes.

#include "tests/engine/EngineSession.h"
#include "tests/support/ReferenceRun.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <thread>

using namespace forkscope::testing;

namespace {
int spawnedChildOf(const EngineRun& r, int parent, const std::string& how = "fork") {
    for (const auto& e : r.of("spawn")) {
        if (e.number("ppid") == parent && e.text("how") == how) return e.pid;
    }
    return 0;
}
} // namespace

TEST_CASE("fork returns twice: 0 in the child and the child's pid in the parent",
          "[engine][fork]") {
    const EngineRun r = runEngine({scriptPath("fork_twice.py")});
    REQUIRE(r.status == 0);
    const int child = spawnedChildOf(r, 2);
    REQUIRE(child > 2);
    CHECK(r.first("spawn", 2)->text("how") == "main");
    CHECK(r.first("spawn", 1)->text("how") == "init");
    // Nothing here runs another program: init and main naming themselves at their start is
    // not an exec, however early the observer looks (it once was, under load).
    CHECK(r.of("exec").empty());

    const auto childOut = r.of("stdout", child);
    REQUIRE(childOut.size() == 1);
    CHECK(childOut[0].text("text") ==
          "child " + std::to_string(child) + " parent 2 fork returned 0\n");
    const auto parentOut = r.of("stdout", 2);
    REQUIRE(parentOut.size() == 1);
    CHECK(parentOut[0].text("text") == "parent 2 fork returned " + std::to_string(child) + "\n");

    CHECK(r.first("reap", child)->number("by") == 2);
    CHECK(r.first("exit", child)->number("code") == 0);
    CHECK(r.of("end").back().text("reason") == "finished");
}

TEST_CASE("a zombie is reported as such until its parent reaps it", "[engine][zombie]") {
    const EngineRun r = runEngine({scriptPath("zombie.py")});
    REQUIRE(r.status == 0);
    const int child = spawnedChildOf(r, 2);
    REQUIRE(child > 2);
    const auto exit = r.first("exit", child);
    REQUIRE(exit);
    CHECK(exit->number("code") == 7);

    std::optional<EngineEvent> zombie;
    for (const auto& e : r.of("state", child)) {
        if (e.text("state") == "zombie") zombie = e;
    }
    REQUIRE(zombie);
    const auto reap = r.first("reap", child);
    REQUIRE(reap);
    CHECK(reap->number("by") == 2);
    // The parent sleeps 0.6 s before it waits: the zombie lasts about that long, and nothing
    // else happens to it meanwhile.
    CHECK(reap->t - zombie->t > 0.4);
    CHECK(zombie->t - exit->t < 0.02);
    for (const auto& e : r.of("state", child)) {
        if (e.t > zombie->t) FAIL("state changed after the zombie: " << e.text("state"));
    }
}

TEST_CASE("an orphan is adopted and reaped by PID 1 of the run", "[engine][orphan]") {
    const EngineRun r = runEngine({scriptPath("orphan.py")});
    REQUIRE(r.status == 0);
    const int child = spawnedChildOf(r, 2);
    REQUIRE(child > 2);
    const auto reparent = r.first("reparent", child);
    REQUIRE(reparent);
    CHECK(reparent->number("from") == 2);
    CHECK(reparent->number("to") == 1);
    CHECK(reparent->t >= r.first("exit", 2)->t);

    const auto out = r.of("stdout", child);
    REQUIRE(out.size() == 1);
    CHECK(out[0].text("text") == "ppid 1\n"); // os.getppid() in the orphan
    CHECK(r.first("reap", child)->number("by") == 1);
}

TEST_CASE("a daemon child dies with its parent, a non-daemon one keeps the parent alive",
          "[engine][process][daemon]") {
    const EngineRun r = runEngine({scriptPath("daemon_and_not.py")});
    REQUIRE(r.status == 0);
    // The script prints both pids; the daemon may die before it could introduce itself.
    int daemon = 0, nonDaemon = 0;
    REQUIRE(std::sscanf(r.stdoutText().c_str(), "main code done %d %d", &daemon, &nonDaemon) == 2);
    REQUIRE(r.first("spawn", daemon));
    REQUIRE(r.first("spawn", nonDaemon));

    CHECK(r.stdoutText().find("woke after 0.5\n") != std::string::npos);
    CHECK(r.stdoutText().find("woke after 5\n") == std::string::npos);
    CHECK(r.first("exit", daemon)->text("signame") == "SIGTERM");
    CHECK(r.first("exit", nonDaemon)->number("code") == 0);
    // The main process's code ended at once, yet the process lived on, joining its child.
    const auto mainExit = r.first("exit", 2);
    CHECK(mainExit->t >= r.first("exit", nonDaemon)->t);
    CHECK(mainExit->t > 0.45);
    bool joined = false;
    for (const auto& e : r.of("state", 2))
        joined = joined || e.text("on") == "join";
    CHECK(joined);
}

TEST_CASE("terminate() of a child that has its own child leaves the grandchild orphaned",
          "[engine][process][orphan]") {
    const EngineRun r = runEngine({scriptPath("terminate_grandchild.py")});
    REQUIRE(r.status == 0);
    const int child = spawnedChildOf(r, 2, "process");
    REQUIRE(child > 2);
    const int grandchild = spawnedChildOf(r, child, "fork");
    REQUIRE(grandchild > child);

    CHECK(r.first("exit", child)->number("signal") == 15);
    const auto reparent = r.first("reparent", grandchild);
    REQUIRE(reparent);
    CHECK(reparent->number("from") == child);
    CHECK(reparent->number("to") == 1);
    CHECK(r.first("reap", grandchild)->number("by") == 1);
    CHECK(r.stdoutText().find("grandchild ppid 1\n") != std::string::npos);
    CHECK(r.stdoutText().find("exitcode -15\n") != std::string::npos);
}

TEST_CASE("a child started right after another is reaped is reported once, with its exit code",
          "[engine][process]") {
    const EngineRun r = runEngine({scriptPath("join_then_start.py")});
    REQUIRE(r.status == 0);
    int children = 0;
    for (const auto& spawn : r.of("spawn")) {
        if (spawn.pid <= 2) continue;
        ++children;
        INFO("pid " << spawn.pid);
        CHECK(spawn.text("how") == "process");
        CHECK(r.of("spawn", spawn.pid).size() == 1);
        const auto exit = r.first("exit", spawn.pid);
        REQUIRE(exit);
        CHECK(exit->number("code") == 0);
    }
    CHECK(children == 10);
}

TEST_CASE("a started Process runs what self.run() finds, as CPython's does", "[engine][process]") {
    // The child calls Process.run without a method lookup when nothing overrides it: a
    // subclass's run, one set on the instance and one patched into the class must still win.
    const std::string script = scriptPath("run_overrides.py");
    const RunResult reference = runUnderSystemPython(script, 30);
    REQUIRE(reference.exitCode == 0);
    const EngineRun r = runEngine({script});
    REQUIRE(r.status == 0);
    CHECK(r.stdoutText() == reference.out);
    CHECK(r.stdoutText().find("patched class run, not the target\n") != std::string::npos);
}

TEST_CASE("forks keep CPython's protocol: at-fork hooks run where python3 runs them, and "
          "signals reach parent and child, with one thread or two",
          "[engine][process][fork]") {
    // One thread and no hook take a shorter way through the fork (InterpreterFork.h): a hook
    // skipped there, or a signal mask left blocked on either side, changes what is printed.
    const std::string script = scriptPath("fork_protocol.py");
    const RunResult reference = runUnderSystemPython(script, 30);
    REQUIRE(reference.exitCode == 0);
    const EngineRun r = runEngine({script});
    REQUIRE(r.status == 0);
    CHECK(r.stdoutText() == reference.out);
    CHECK(r.stdoutText().find("handler ran in the child\n") != std::string::npos);
    CHECK(r.stdoutText().find("hook: after, in the child\nchild: with hooks, os.fork\n") !=
          std::string::npos);
}

TEST_CASE("what a Process child leaves unflushed at its end still comes out, and a parent's "
          "half line is not copied into its child",
          "[engine][process]") {
    // Parent and child skip flushing streams untouched since the last flush (StdStreams.h).
    const EngineRun r = runEngine({scriptPath("partial_output.py")});
    REQUIRE(r.status == 0);
    auto said = [&](const char* kind, int pid) {
        std::string all;
        for (const auto& e : r.of(kind, pid))
            all += e.text("text");
        return all;
    };
    std::vector<int> children;
    for (const auto& spawn : r.of("spawn"))
        if (spawn.number("ppid") == 2) children.push_back(spawn.pid);
    REQUIRE(children.size() == 4);
    CHECK(said("stdout", children[0]) == "no newline from the child");
    CHECK(said("stderr", children[1]) == "half a line on stderr");
    CHECK(said("stdout", children[2]) == "a whole line\nthen half");
    CHECK(said("stdout", children[3]).empty());
    CHECK(said("stdout", 2) == "start | partial 0\nstart | partial_err 0\n"
                               "start | whole_then_partial 0\nstart | replaced 0\n");
}

TEST_CASE("children reaped by os.waitpid the moment they start are each shown once, with their "
          "exit code",
          "[engine][zombie]") {
    // Most of them live and die between two looks at /proc: what the engine knows of them
    // comes from their hello and from os.waitpid, whose result the runtime reports.
    const EngineRun r = runEngine({scriptPath("quick_children.py")});
    REQUIRE(r.status == 0);
    CHECK(r.stdoutText() == "exit codes: 197\n");
    int children = 0;
    for (const auto& spawn : r.of("spawn")) {
        if (spawn.number("ppid") != 2) continue;
        ++children;
        INFO("pid " << spawn.pid);
        CHECK(r.of("spawn", spawn.pid).size() == 1);
        const auto exits = r.of("exit", spawn.pid);
        REQUIRE(exits.size() == 1);
        CHECK(exits[0].number("code") == (spawn.pid - 3) % 7 + 1);
        const auto reaps = r.of("reap", spawn.pid);
        REQUIRE(reaps.size() == 1);
        CHECK(reaps[0].number("by") == 2);
    }
    CHECK(children == 50);
}

TEST_CASE("sys.exit() and an uncaught SystemExit end a process with their status, as under "
          "python3",
          "[engine][lifecycle][cpython]") {
    // Py_Exit finalizes the interpreter and then calls exit(): the process must not die of
    // what runs after that (it did: SIGABRT, status 134).
    struct Variant {
        const char* source;
        int status;
        const char* out;
        const char* err; // found in the run's stderr
    };
    const Variant v = GENERATE(
        Variant{"import sys\nprint('before')\nsys.exit(3)\n", 3, "before\n", ""},
        Variant{"import sys\nsys.exit(0)\n", 0, "", ""},
        Variant{"raise SystemExit('goodbye')\n", 1, "", "goodbye\n"},
        Variant{"import os, sys\npid = os.fork()\nif pid == 0:\n    sys.exit(5)\n"
                "print('child status', os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))\n",
                0, "child status 5\n", ""});
    INFO(v.source);
    const std::string script = writeTempScript(v.source);
    const RunResult reference = runUnderSystemPython(script, 30);
    const EngineRun r = runEngine({script});
    std::remove(script.c_str());
    REQUIRE(reference.exitCode == v.status); // the variant says what python3 does
    CHECK(r.status == v.status);
    CHECK(r.stdoutText() == v.out);
    const std::string err = r.stderrText();
    CHECK(err.find(v.err) != std::string::npos);
    CHECK(err.find("Fatal Python error") == std::string::npos);
}

TEST_CASE("a reader that falls behind does not change when processes are seen to exit",
          "[engine][output]") {
    // A flood of queue operations: far more events than the pipe holds, read only once the
    // run is over, as a GUI busy drawing reads them. An engine that waited for its reader
    // would see the exits only once the reader began.
    constexpr double kReaderAsleep = 2.0;
    EngineSession s({scriptPath("queue_flood.py")});
    std::this_thread::sleep_for(std::chrono::duration<double>(kReaderAsleep));
    REQUIRE(s.finish() == 0);
    std::vector<double> exits;
    for (const auto& e : s.events()) {
        if (e.kind != "exit") continue;
        INFO("pid " << e.pid << " exited at " << e.t << " s");
        CHECK(e.t < kReaderAsleep);
        exits.push_back(e.t);
    }
    REQUIRE(exits.size() == 3); // the producer, the main process and init
    CHECK(exits.front() < 1.0); // the producer, a fraction of a second into the run
}

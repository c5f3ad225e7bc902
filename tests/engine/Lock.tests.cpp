// multiprocessing.Lock and RLock, as real scripts use them and as the event stream shows them.

#include "tests/engine/EngineSession.h"

#include <catch2/catch.hpp>
#include <cstdio>

using namespace forkscope::testing;

TEST_CASE("ten locked increments of a file counter by four processes always give 40",
          "[engine][lock]") {
    for (int attempt = 0; attempt < 3; ++attempt) {
        const EngineRun r = runEngine({scriptPath("lock_counter.py")});
        REQUIRE(r.status == 0);
        CHECK(r.stdoutText() == "counter 40\n");
        // The lock changes hands only through a release: never two holders at once.
        int holder = 0, acquires = 0;
        for (const auto& e : r.of("lock")) {
            const std::string op = e.text("op");
            if (op == "acquire") {
                CHECK(holder == 0);
                holder = e.pid;
                ++acquires;
                CHECK(e.number("holder") == e.pid);
            } else if (op == "release") {
                CHECK(holder == e.pid);
                holder = 0;
                CHECK(e.number("holder") == 0);
            } else if (op == "wait") {
                CHECK(e.number("holder") != e.pid);
            }
        }
        CHECK(acquires == 40);
    }
}

TEST_CASE(
    "every acquire and release of tight loops is shown, in order, and a lock held for long is "
    "shown held while it is",
    "[engine][lock]") {
    // Uncontended acquires and releases are logged as runs (OpRing: runs); the engine reads a
    // run while it is still open, and shows each operation of it.
    const EngineRun r = runEngine({scriptPath("lock_tight_loops.py")});
    REQUIRE(r.status == 0);
    CHECK(r.stdoutText() == "still holding\ndone\n");
    int holder = 0, acquires = 0, releases = 0;
    bool ordered = true;
    for (const auto& e : r.of("lock")) {
        const std::string op = e.text("op");
        if (op == "acquire") {
            ordered = ordered && holder == 0 && e.number("holder") == e.pid;
            holder = e.pid;
            ++acquires;
        } else if (op == "release") {
            ordered = ordered && holder == e.pid && e.number("holder") == 0;
            holder = 0;
            ++releases;
        }
    }
    CHECK(ordered);
    CHECK(acquires == 2 * 20000 + 1);
    CHECK(releases == 2 * 20000 + 1);
    // The last acquire is in the stream before what the script printed half a second later,
    // still holding it.
    std::size_t lastAcquire = 0, holding = 0;
    for (std::size_t i = 0; i < r.events.size(); ++i) {
        const auto& e = r.events[i];
        if (e.kind == "lock" && e.text("op") == "acquire") lastAcquire = i;
        if (e.kind == "stdout" && e.text("text").find("still holding") != std::string::npos)
            holding = i;
    }
    REQUIRE(holding > 0);
    CHECK(lastAcquire < holding);
}

TEST_CASE("a holder killed with SIGKILL: the next acquirer takes the lock over, and a recover "
          "event names the dead holder",
          "[engine][lock]") {
    const EngineRun r = runEngine({scriptPath("lock_holder_killed.py")});
    REQUIRE(r.status == 0);
    int holder = 0;
    REQUIRE(std::sscanf(r.stdoutText().c_str(), "holder %d killed", &holder) == 1);
    CHECK(r.stdoutText().find("acquired True; <Lock(owner=MainProcess)>") != std::string::npos);
    // The main process may find the lock still held, and wait, before the engine has seen the
    // holder die: a wait in between is fine.
    std::vector<EngineEvent> ops;
    for (const auto& e : r.of("lock")) {
        if (e.text("op") != "wait") ops.push_back(e);
    }
    REQUIRE(ops.size() == 2);
    CHECK(ops[0].text("op") == "acquire");
    CHECK(ops[0].pid == holder);
    CHECK(ops[1].text("op") == "recover");
    CHECK(ops[1].pid == 2);
    CHECK(ops[1].number("holder") == 2);
    CHECK(ops[1].number("dead") == holder);
    // Its time is when it happened, which can be before the engine saw the holder exit (the
    // acquirer itself finds a holder that is gone).
    CHECK(ops[1].t > ops[0].t);
}

TEST_CASE("with _forkscope_robust_locks = False a dead holder's lock stays held, as in CPython",
          "[engine][lock]") {
    const EngineRun r = runEngine({scriptPath("lock_holder_killed.py"), "cpython"});
    REQUIRE(r.status == 0);
    CHECK(r.stdoutText().find("acquired False; <Lock(owner=SomeOtherProcess)>") !=
          std::string::npos);
    for (const auto& e : r.of("lock"))
        CHECK(e.text("op") != "recover");
    // It waited, and was seen waiting on the lock, by its number.
    bool waited = false;
    const auto lock = r.first("lock");
    REQUIRE(lock);
    for (const auto& e : r.of("state", 2)) {
        if (e.text("on") != "lock") continue;
        waited = true;
        CHECK(e.number("lock") == lock->number("lock"));
    }
    CHECK(waited);
}

TEST_CASE("releasing an unlocked Lock raises ValueError and an RLock not held AssertionError, with "
          "CPython's reprs",
          "[engine][lock]") {
    const EngineRun r = runEngine({scriptPath("lock_release_unlocked.py")});
    REQUIRE(r.status == 0);
    CHECK(r.stdoutText() ==
          "ValueError: semaphore or lock released too many times\n"
          "AssertionError: attempt to release recursive lock not owned by thread\n"
          "<Lock(owner=MainProcess)>\n"
          "<RLock(MainProcess, 2)>\n"
          "<Lock(owner=None)> <RLock(None, 0)>\n"
          "nonblocking while held: True False False\n");
    // An RLock's events carry its depth.
    std::vector<double> counts;
    for (const auto& e : r.of("lock")) {
        if (e.number("lock") == 2) counts.push_back(e.number("count"));
    }
    CHECK(counts == std::vector<double>{1, 2, 1, 0});
}

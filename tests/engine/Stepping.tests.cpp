// Step mode: every process stops before each line; one advances, the others stay put.

#include "tests/engine/EngineSession.h"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace forkscope::testing;

namespace {
auto lineOf(int pid, int line) {
    return [pid, line](const EngineEvent& e) {
        return e.kind == "line" && e.pid == pid && e.number("line") == line;
    };
}
auto pausedAt(int pid) {
    return [pid](const EngineEvent& e) {
        return e.kind == "state" && e.pid == pid && e.text("state") == "paused";
    };
}
int lastLine(const EngineSession& s, int pid) {
    int line = 0;
    for (const auto& e : s.events()) {
        if (e.kind == "line" && e.pid == pid) line = static_cast<int>(e.number("line"));
    }
    return line;
}
} // namespace

TEST_CASE("in step mode one process advances while the others stay where they are",
          "[engine][step]") {
    EngineSession s({scriptPath("step_lines.py"), "--step"});
    REQUIRE(s.waitFor(lineOf(2, 1))); // stopped before the first statement
    REQUIRE(s.waitFor(pausedAt(2)));
    s.send(R"({"cmd":"step","pid":2})"); // runs `import os`
    REQUIRE(s.waitFor(lineOf(2, 2)));

    s.send(R"({"cmd":"step","pid":2})"); // runs `pid = os.fork()`
    const auto spawn = s.waitFor(
        [](const EngineEvent& e) { return e.kind == "spawn" && e.text("how") == "fork"; });
    REQUIRE(spawn);
    const int child = spawn->pid;
    // The fork's line is done in both; each stops before line 3.
    REQUIRE(s.waitForAny(lineOf(2, 3)));
    REQUIRE(s.waitForAny(lineOf(child, 3)));

    SECTION("the child steps; the parent stays on line 3") {
        for (int line : {4, 5, 6}) {
            s.send(R"({"cmd":"step","pid":)" + std::to_string(child) + "}");
            REQUIRE(s.waitFor(lineOf(child, line)));
        }
        CHECK(lastLine(s, 2) == 3);
        s.send(R"({"cmd":"step","pid":2})");
        REQUIRE(s.waitFor(lineOf(2, 8)));
        CHECK(lastLine(s, child) == 6);
    }
    SECTION("step without a pid moves every paused process by one line") {
        s.send(R"({"cmd":"step"})");
        REQUIRE(s.waitForAny(lineOf(child, 4)));
        REQUIRE(s.waitForAny(lineOf(2, 8)));
    }
    s.send(R"({"cmd":"resume"})");
    CHECK(s.finish() == 0);
    const auto& all = s.events();
    REQUIRE(all.back().kind == "end");
    CHECK(all.back().text("reason") == "finished");
}

TEST_CASE("pause holds a running script and resume lets it finish", "[engine][step]") {
    EngineSession s({scriptPath("zombie.py")});
    REQUIRE(s.waitFor(
        [](const EngineEvent& e) { return e.kind == "spawn" && e.text("how") == "fork"; }));
    s.send(R"({"cmd":"pause"})");
    REQUIRE(s.waitFor([](const EngineEvent& e) {
        if (e.kind != "mode") return false;
        const auto* paused = std::get_if<bool>(&e.fields.at("paused"));
        return paused && *paused;
    }));
    // The parent finishes its sleep, then stops before its next line and stays there.
    REQUIRE(s.waitFor(pausedAt(2), 5));
    CHECK_FALSE(s.waitFor([](const EngineEvent& e) { return e.kind == "stdout"; }, 0.5));
    s.send(R"({"cmd":"resume"})");
    REQUIRE(s.waitFor([](const EngineEvent& e) { return e.kind == "stdout"; }, 5));
    CHECK(s.finish() == 0);
}

TEST_CASE("stop ends the run and every process of it", "[engine][step]") {
    EngineSession s({scriptPath("sleepers.py")});
    int spawns = 0;
    REQUIRE(
        s.waitFor([&spawns](const EngineEvent& e) { return e.kind == "spawn" && ++spawns == 8; }));
    s.send(R"({"cmd":"stop"})");
    CHECK(s.finish(10) == 143);
    const auto& all = s.events();
    REQUIRE(all.back().kind == "end");
    CHECK(all.back().text("reason") == "stopped");
    int spawned = 0, reaped = 0;
    for (const auto& e : all) {
        if (e.kind == "spawn") ++spawned;
        if (e.kind == "reap") ++reaped;
    }
    CHECK(spawned == 8); // init, main, 3 children, 3 grandchildren
    CHECK(reaped == spawned);
}

TEST_CASE("a bad command is an error event, and the run goes on", "[engine][step]") {
    EngineSession s({scriptPath("fork_twice.py"), "--step"});
    REQUIRE(s.waitFor(pausedAt(2)));
    s.send("{\"cmd\":\"fly\"}");
    const auto err = s.waitFor([](const EngineEvent& e) { return e.kind == "error"; });
    REQUIRE(err);
    CHECK(err->text("what") == "command");
    CHECK(err->text("message").find("fly") != std::string::npos);
    s.send(R"({"cmd":"speed","value":42})");
    REQUIRE(s.waitFor([](const EngineEvent& e) { return e.kind == "error"; }));
    s.send(R"({"cmd":"resume"})");
    CHECK(s.finish() == 0);
}

namespace {
bool isBreak(const EngineEvent& e) {
    return e.kind == "break";
}
auto printed(const std::string& text) {
    return [text](const EngineEvent& e) {
        return e.kind == "stdout" && e.text("text").find(text) != std::string::npos;
    };
}
} // namespace

TEST_CASE("a breakpoint hit by a child pauses the whole run there", "[engine][step][break]") {
    EngineSession s({scriptPath("break_in_child.py"), "--break", "7"});
    const auto spawn = s.waitFor(
        [](const EngineEvent& e) { return e.kind == "spawn" && e.text("how") == "fork"; });
    REQUIRE(spawn);
    const int child = spawn->pid;
    const auto hit = s.waitFor(isBreak);
    REQUIRE(hit);
    CHECK(hit->pid == child);
    CHECK(hit->number("line") == 7);
    // The child waits before line 7: it has not printed. The parent, busy in its loop, stops
    // at its next line and goes no further.
    REQUIRE(s.waitForAny(pausedAt(child)));
    CHECK(lastLine(s, child) == 7);
    REQUIRE(s.waitForAny(pausedAt(2)));
    const int parentLine = lastLine(s, 2);
    CHECK((parentLine == 9 || parentLine == 10));
    CHECK_FALSE(s.waitFor(
        [](const EngineEvent& e) { return (e.kind == "line" && e.pid == 2) || e.kind == "stdout"; },
        0.5));
    for (const auto& e : s.events())
        CHECK(e.kind != "stdout");

    s.send(R"({"cmd":"resume"})");
    CHECK(s.finish() == 0);
    // Resuming says at once that neither is paused any more: the first state after the
    // resume, for each, comes before anything else it does.
    const auto& all = s.events();
    auto resumed = std::find_if(all.begin(), all.end(), [](const EngineEvent& e) {
        const auto* paused = e.kind == "mode" ? std::get_if<bool>(&e.fields.at("paused")) : nullptr;
        return paused && !*paused;
    });
    REQUIRE(resumed != all.end());
    for (const int pid : {2, child}) {
        auto next = std::find_if(resumed, all.end(), [pid](const EngineEvent& e) {
            return e.pid == pid && e.kind != "line";
        });
        REQUIRE(next != all.end());
        CHECK(next->kind == "state");
        CHECK(next->text("state") != "paused");
    }
    std::string out;
    for (const auto& e : s.events()) {
        if (e.kind == "stdout") out += e.text("text");
    }
    CHECK(out.find("child at its breakpoint\n") != std::string::npos);
    CHECK(out.find("parent done\nreaped\n") != std::string::npos);
    CHECK(std::count_if(s.events().begin(), s.events().end(), isBreak) == 1);
}

TEST_CASE("break sets the lines to stop at, each once, and an empty list clears them",
          "[engine][step][break]") {
    EngineSession s({scriptPath("break_in_loop.py"), "--step"});
    REQUIRE(s.waitFor(pausedAt(2)));
    long expectedBreaks = 0;
    SECTION("a line inside a called function, in a loop, stops the run the first time only") {
        s.send(R"({"cmd":"break","lines":[2]})");
        s.send(R"({"cmd":"resume"})");
        const auto hit = s.waitFor(isBreak);
        REQUIRE(hit);
        CHECK(hit->pid == 2);
        CHECK(hit->number("line") == 2);
        REQUIRE(s.waitForAny(pausedAt(2)));
        CHECK_FALSE(s.waitFor(printed("total"), 0.3));
        expectedBreaks = 1;
        s.send(R"({"cmd":"resume"})");
    }
    SECTION("an empty list clears them") {
        s.send(R"({"cmd":"break","lines":[2, 8]})");
        s.send(R"({"cmd":"break","lines":[]})");
        s.send(R"({"cmd":"resume"})");
    }
    SECTION("a bad list is a command error") {
        s.send(R"({"cmd":"break","lines":[0]})");
        const auto err = s.waitFor([](const EngineEvent& e) { return e.kind == "error"; });
        REQUIRE(err);
        CHECK(err->text("what") == "command");
        s.send(R"({"cmd":"resume"})");
    }
    REQUIRE(s.waitFor(printed("total 20")));
    CHECK(s.finish() == 0);
    CHECK(std::count_if(s.events().begin(), s.events().end(), isBreak) == expectedBreaks);
}

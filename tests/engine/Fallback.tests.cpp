// Without a PID namespace the engine's init is a child subreaper: orphans are still adopted
// and reaped by the run, and an event says why the pids are the machine's.

#include "tests/engine/EngineSession.h"

#include <catch2/catch.hpp>

using namespace forkscope::testing;

TEST_CASE("without namespaces, init adopts orphans as a subreaper and says so",
          "[engine][orphan]") {
    const EngineRun r = runEngine({scriptPath("orphan.py"), "--no-namespace"});
    REQUIRE(r.status == 0);
    CHECK(r.first("start")->text("mode") == "subreaper");
    CHECK(r.notice("subreaper"));

    const auto init = r.first("spawn");
    REQUIRE(init);
    CHECK(init->text("how") == "init");
    int mainPid = 0;
    for (const auto& e : r.of("spawn")) {
        if (e.text("how") == "main") mainPid = e.pid;
    }
    REQUIRE(mainPid > 0);
    int child = 0;
    for (const auto& e : r.of("spawn")) {
        if (e.text("how") == "fork" && e.number("ppid") == mainPid) child = e.pid;
    }
    REQUIRE(child > 0);
    const auto reparent = r.first("reparent", child);
    REQUIRE(reparent);
    CHECK(reparent->number("to") == init->pid);
    CHECK(r.stdoutText().find("ppid " + std::to_string(init->pid) + "\n") != std::string::npos);
    CHECK(r.first("reap", child)->number("by") == init->pid);
}

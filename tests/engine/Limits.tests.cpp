// Every limit stops a run that exceeds it, with an error that says which, and cleanly.

#include "tests/engine/EngineSession.h"

#include <catch2/catch.hpp>

using namespace forkscope::testing;

namespace {
void requireLimitStop(const EngineRun& r, const std::string& mention) {
    CHECK(r.status == 124);
    REQUIRE(!r.events.empty());
    CHECK(r.events.back().kind == "end");
    CHECK(r.events.back().text("reason") == "limit");
    bool said = false;
    for (const auto& e : r.of("error")) {
        said = said ||
               (e.text("what") == "limit" && e.text("message").find(mention) != std::string::npos);
    }
    CHECK(said);
    // Cleanly: every process that was born was also reaped.
    CHECK(r.of("spawn").size() == r.of("reap").size());
}
} // namespace

TEST_CASE("more processes than --max-procs stops the run", "[engine][limits]") {
    const EngineRun r = runEngine({scriptPath("many_children.py"), "--max-procs", "5"});
    requireLimitStop(r, "--max-procs");
    CHECK(r.events.back().t < 4.5); // before the children's 5 s sleep ends
}

TEST_CASE("a process over its --memory limit stops the run", "[engine][limits]") {
    const EngineRun r = runEngine({scriptPath("big_allocation.py"), "--memory", "200"});
    if (r.notice("no-memory-limit")) {
        WARN("a sanitized engine has no memory limit to test");
        return;
    }
    requireLimitStop(r, "--memory");
    CHECK(r.stdoutText().find("allocated") == std::string::npos);
}

TEST_CASE("a run longer than --timeout is stopped", "[engine][limits]") {
    const EngineRun r = runEngine({scriptPath("sleeps_long.py"), "--timeout", "1"});
    requireLimitStop(r, "--timeout");
    CHECK(r.events.back().t < 9.0); // the script would sleep 10 s
}

TEST_CASE("output beyond --max-output is dropped with a notice", "[engine][limits]") {
    const EngineRun r = runEngine({scriptPath("chatty.py"), "--max-output", "1000"});
    CHECK(r.status == 0);
    CHECK(r.stdoutText().size() <= 1000);
    CHECK(r.stdoutText().rfind("line 0\n", 0) == 0);
    CHECK(r.notice("output-dropped"));
}

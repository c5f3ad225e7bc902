// Running versus ready: more busy processes than CPUs means some wait for a CPU.

#include "tests/engine/EngineSession.h"

#include <catch2/catch.hpp>
#include <cerrno>
#include <map>
#include <sys/resource.h>

using namespace forkscope::testing;

TEST_CASE("with one CPU and three busy processes, each is ready for much of the time",
          "[engine][states]") {
    const EngineRun r = runEngine({scriptPath("three_busy.py"), "--cores", "1"});
    REQUIRE(r.status == 0);
    REQUIRE(r.first("start")->number("cpus") == 1);

    std::vector<int> workers;
    for (const auto& e : r.of("spawn")) {
        if (e.text("how") == "process") workers.push_back(e.pid);
    }
    REQUIRE(workers.size() == 3);
    for (int pid : workers) {
        // Time spent in each state, from one state event to the next, until the exit.
        std::map<std::string, double> spent;
        std::string state;
        double since = 0;
        for (const auto& e : r.events) {
            if (e.pid != pid) continue;
            if (e.kind == "state" || e.kind == "exit") {
                if (!state.empty()) spent[state] += e.t - since;
                state = e.kind == "exit" ? "" : e.text("state");
                since = e.t;
            }
        }
        const double busy = spent["running"] + spent["ready"];
        INFO("pid " << pid << " running " << spent["running"] << " s, ready " << spent["ready"]
                    << " s");
        REQUIRE(busy > 1.0);
        CHECK(spent["ready"] / busy > 0.25);
        CHECK(spent["running"] / busy > 0.1);
    }
}

// The engine lowers its own priority once the run's first process is forked (Engine.cpp:
// kEngineNice); the run must not inherit that, or it would print another nice value than
// under python3 and lose the CPUs to anything else on the machine.
TEST_CASE("the run's processes keep the nice value the engine was started with",
          "[engine][states]") {
    const std::string script = scriptPath("nice_values.py");
    errno = 0;
    const int own = getpriority(PRIO_PROCESS, 0);
    REQUIRE(errno == 0);
    const EngineRun r = runEngine({script});
    REQUIRE(r.status == 0);
    const std::string n = std::to_string(own);
    CHECK(r.stdoutText() == "main " + n + "\nchild " + n + "\n");
}

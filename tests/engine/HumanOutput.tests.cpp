// Without --json: the script's output on stdout, tagged with pids once two processes have
// printed, and a readable log of the run on stderr.

#include "tests/engine/EngineSession.h"
#include "tests/support/ChildProcess.h"

#include <catch2/catch.hpp>

using namespace forkscope::testing;

TEST_CASE("without --json the output is the script's, tagged once a second process prints",
          "[engine][output]") {
    const RunResult r = runProcess({FORKSCOPE_ENGINE_BIN, "run", scriptPath("fork_twice.py")});
    REQUIRE(r.exitCode == 0);
    // fork_twice.py: the child prints first, then the parent; the child's line was the only
    // one so far when it came, so it is not tagged.
    CHECK(r.out.rfind("child 3 parent 2 fork returned 0\n", 0) == 0);
    CHECK(r.out.find("[pid 2] parent 2 fork returned 3\n") != std::string::npos);
    CHECK(r.err.find("pid 3 MainProcess born by fork, parent 2") != std::string::npos);
    CHECK(r.err.find("pid 3 reaped by 2") != std::string::npos);
    CHECK(r.err.find("run ended (finished), status 0") != std::string::npos);
}

TEST_CASE("forkscope-engine --help documents every option, and a bad option is a usage error",
          "[engine][output]") {
    const RunResult help = runProcess({FORKSCOPE_ENGINE_BIN, "--help"});
    CHECK(help.exitCode == 0);
    for (const char* option : {"--json", "--step", "--break", "--speed", "--cores", "--max-procs",
                               "--memory", "--timeout", "--max-output", "--no-namespace"})
        CHECK(help.out.find(option) != std::string::npos);
    const RunResult bad = runProcess({FORKSCOPE_ENGINE_BIN, "run", "x.py", "--speed", "50"});
    CHECK(bad.exitCode == 2);
    CHECK(bad.err.find("--speed") != std::string::npos);
    // Nothing would ever resume a paused run that reads no commands.
    const RunResult paused =
        runProcess({FORKSCOPE_ENGINE_BIN, "run", scriptPath("fork_twice.py"), "--break", "3"});
    CHECK(paused.exitCode == 2);
    CHECK(paused.err.find("--break needs --json") != std::string::npos);
    const RunResult badLine =
        runProcess({FORKSCOPE_ENGINE_BIN, "run", "x.py", "--json", "--break", "3,x"});
    CHECK(badLine.exitCode == 2);
    CHECK(badLine.err.find("'x'") != std::string::npos);
}

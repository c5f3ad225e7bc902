// Nothing outlives its run: not when the engine, or whoever started it, is killed outright.

#include "tests/engine/EngineSession.h"
#include "tests/engine/RunMarker.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <string>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace forkscope::testing;

namespace {

// A marker only this test's run carries, set while the engine is started.
struct Marker {
    std::string name = "FORKSCOPE_RUN_MARK";
    std::string value = std::to_string(getpid()) + "-" + std::to_string(std::rand());
    Marker() { setenv(name.c_str(), value.c_str(), 1); }
    ~Marker() { unsetenv(name.c_str()); }
    std::string assignment() const { return name + "=" + value; }
};

// Waits until `pred` holds, reaping whatever is handed to us meanwhile (we are a subreaper,
// so a killed engine's init lands here rather than lingering as someone else's zombie).
bool eventually(const std::function<bool()>& pred, double seconds) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
        while (waitpid(-1, nullptr, WNOHANG) > 0) {
        }
        if (pred()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return pred();
}

} // namespace

TEST_CASE("killing the engine with SIGKILL mid-run leaves no process of the run",
          "[engine][cleanup]") {
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    Marker marker;
    EngineSession s({scriptPath("sleepers.py")});
    REQUIRE(s.waitFor([](const EngineEvent& e) { return e.kind == "stdout"; }));
    // init, main, three children and three grandchildren (the engine itself is marked too).
    REQUIRE(eventually([&] { return processesWithEnv(marker.assignment()).size() >= 9; }, 5));
    kill(s.pid(), SIGKILL);
    CHECK(eventually([&] { return processesWithEnv(marker.assignment()).empty(); }, 5));
}

TEST_CASE("killing the program that started the engine leaves no process of the run",
          "[engine][cleanup]") {
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    Marker marker;
    const std::string command = std::string("'") + FORKSCOPE_ENGINE_BIN + "' run '" +
                                scriptPath("sleepers.py") + "' --json >/dev/null 2>&1 & wait";
    const pid_t starter = fork();
    if (starter == 0) {
        execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    REQUIRE(eventually([&] { return processesWithEnv(marker.assignment()).size() >= 10; }, 10));
    kill(starter, SIGKILL);
    CHECK(eventually([&] { return processesWithEnv(marker.assignment()).empty(); }, 5));
}

TEST_CASE("SIGTERM to the engine ends the run cleanly, with an end event", "[engine][cleanup]") {
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    Marker marker;
    EngineSession s({scriptPath("sleepers.py")});
    int spawns = 0;
    REQUIRE(
        s.waitFor([&spawns](const EngineEvent& e) { return e.kind == "spawn" && ++spawns == 8; }));
    kill(s.pid(), SIGTERM);
    CHECK(s.finish(10) == 143);
    REQUIRE(s.events().back().kind == "end");
    CHECK(s.events().back().text("reason") == "stopped");
    CHECK(eventually([&] { return processesWithEnv(marker.assignment()).empty(); }, 5));
}

#include "bench/EngineFigures.h"

#include "bench/Figure.h"
#include "tests/engine/EngineSession.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>
#include <unistd.h>
#include <vector>

namespace forkscope::bench {

using testing::EngineEvent;
using testing::EngineSession;

namespace {

// utime + stime of a process, in seconds (proc(5) stat fields 14 and 15).
double cpuSeconds(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    if (close == std::string::npos) return 0;
    std::istringstream fields(text.substr(close + 2));
    std::string f;
    double utime = 0, stime = 0;
    for (int n = 3; fields >> f; ++n) {
        if (n == 14) utime = std::stod(f);
        if (n == 15) {
            stime = std::stod(f);
            break;
        }
    }
    return (utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double monotonicSeconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

void observerCpu() {
    const std::string script = testing::writeTempScript(R"(import os, time
for i in range(64):
    if os.fork() == 0:
        time.sleep(8)
        os._exit(0)
print("started", flush=True)
time.sleep(9)
)");
    EngineSession s({script, "--timeout", "60"});
    int spawns = 0;
    s.waitFor([&spawns](const EngineEvent& e) { return e.kind == "spawn" && ++spawns == 66; }, 20);
    std::this_thread::sleep_for(std::chrono::milliseconds(500)); // let the births settle
    const double c0 = cpuSeconds(s.pid());
    const double w0 = monotonicSeconds();
    std::this_thread::sleep_for(std::chrono::seconds(5));
    const double c1 = cpuSeconds(s.pid());
    const double w1 = monotonicSeconds();
    s.send(R"({"cmd":"stop"})");
    s.finish();
    unlink(script.c_str());
    print({"observer-cpu-64-sleeping", 100.0 * (c1 - c0) / (w1 - w0), "%core", false, {}, {}});
}

void zombieLatency() {
    // Each child prints CLOCK_MONOTONIC as its last act; its parent reaps it 50 ms later, so
    // the exit is seen as a zombie, not as a reap.
    const std::string script = testing::writeTempScript(R"(import os, time
for i in range(100):
    pid = os.fork()
    if pid == 0:
        print(time.monotonic())
        os._exit(0)
    time.sleep(0.05)
    os.waitpid(pid, 0)
)");
    EngineSession s({script, "--timeout", "60"});
    s.finish(60);
    unlink(script.c_str());
    double origin = 0;
    std::map<int, double> exitedAt, exitSeen;
    for (const EngineEvent& e : s.events()) {
        if (e.kind == "start") origin = e.number("monotonic", 0);
        if (e.kind == "stdout") exitedAt[e.pid] = std::stod(e.text("text"));
        if (e.kind == "exit" && e.pid > 2) exitSeen[e.pid] = origin + e.t;
    }
    std::vector<double> delays;
    for (const auto& [pid, at] : exitedAt) {
        if (exitSeen.count(pid)) delays.push_back(1000.0 * (exitSeen[pid] - at));
    }
    if (delays.empty()) {
        std::printf("bench zombie-event-latency failed: no exits seen\n");
        return;
    }
    std::sort(delays.begin(), delays.end());
    print({"zombie-event-latency-median", delays[delays.size() / 2], "ms", false, {}, {}});
    print({"zombie-event-latency-p95", delays[delays.size() * 95 / 100], "ms", false, {}, {}});
}

} // namespace forkscope::bench

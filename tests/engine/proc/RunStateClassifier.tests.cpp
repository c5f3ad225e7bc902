#include "engine/proc/RunStateClassifier.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>

using forkscope::proc::capRunning;
using forkscope::proc::classify;
using forkscope::proc::RunState;
using forkscope::proc::SchedStat;
using forkscope::proc::TaskState;
using forkscope::proc::toString;
using forkscope::proc::Window;

namespace {

constexpr std::uint64_t kMs = 1'000'000;

// A 10 ms window in which the process ran `ran` ns and waited on a run queue `waited` ns.
Window window(std::uint64_t ran, std::uint64_t waited) {
    const SchedStat before{5'000 * kMs, 7'000 * kMs, 100};
    const SchedStat after{before.runNs + ran, before.waitNs + waited, 110};
    return Window{before, after, 10 * kMs};
}

} // namespace

TEST_CASE("classify: exited processes are zombies whatever the counters say", "[proc]") {
    CHECK(classify(TaskState::Zombie, window(0, 0)) == RunState::Zombie);
    CHECK(classify(TaskState::Zombie, window(9 * kMs, 0)) == RunState::Zombie);
    CHECK(classify(TaskState::Dead, window(9 * kMs, 0)) == RunState::Zombie);
}

TEST_CASE("classify: stopped and traced processes are Stopped", "[proc]") {
    CHECK(classify(TaskState::Stopped, window(9 * kMs, 0)) == RunState::Stopped);
    CHECK(classify(TaskState::TracingStop, window(0, 0)) == RunState::Stopped);
}

TEST_CASE("classify: every kind of sleep is Waiting, even after running in the window", "[proc]") {
    for (const TaskState s :
         {TaskState::Sleeping, TaskState::DiskSleep, TaskState::Idle, TaskState::Parked}) {
        CHECK(classify(s, window(0, 0)) == RunState::Waiting);
        CHECK(classify(s, window(9 * kMs, 0)) == RunState::Waiting);
    }
    CHECK(classify(TaskState::Unknown, window(9 * kMs, 0)) == RunState::Waiting);
}

TEST_CASE("classify: R without any CPU time in the window is Ready", "[proc]") {
    CHECK(classify(TaskState::Running, window(0, 0)) == RunState::Ready);
    CHECK(classify(TaskState::Running, window(0, 10 * kMs)) == RunState::Ready);
}

TEST_CASE("classify: R with a small share and a longer queue wait is Ready", "[proc]") {
    CHECK(classify(TaskState::Running, window(3 * kMs, 5 * kMs)) == RunState::Ready);
    CHECK(classify(TaskState::Running, window(1, 2)) == RunState::Ready);
}

TEST_CASE("classify: R that mostly ran, or waited less than it ran, is Running", "[proc]") {
    CHECK(classify(TaskState::Running, window(10 * kMs, 0)) == RunState::Running);
    CHECK(classify(TaskState::Running, window(3 * kMs, 2 * kMs)) == RunState::Running);
    CHECK(classify(TaskState::Running, window(3 * kMs, 3 * kMs)) == RunState::Running);
    // Half the window is not "less than half", whatever the wait.
    CHECK(classify(TaskState::Running, window(5 * kMs, 9 * kMs)) == RunState::Running);
    CHECK(classify(TaskState::Running, window(6 * kMs, 9 * kMs)) == RunState::Running);
    // The counters lag the window; more than the window is still just Running.
    CHECK(classify(TaskState::Running, window(12 * kMs, 20 * kMs)) == RunState::Running);
}

TEST_CASE("classify: counters that go backwards count as no progress", "[proc]") {
    // A reused pid: the run counter restarted lower, which must not wrap to a huge delta.
    Window w{{5'000 * kMs, 7'000 * kMs, 100}, {2 * kMs, 0, 3}, 10 * kMs};
    CHECK(classify(TaskState::Running, w) == RunState::Ready);

    // Only the wait counter went back: a wrapped wait delta would make this Ready.
    w = Window{{5'000 * kMs, 7'000 * kMs, 100}, {5'003 * kMs, 1 * kMs, 101}, 10 * kMs};
    CHECK(classify(TaskState::Running, w) == RunState::Running);
}

TEST_CASE("classify: a zero-length window does not divide or misjudge", "[proc]") {
    const Window w{{0, 0, 0}, {1, 5, 1}, 0};
    CHECK(classify(TaskState::Running, w) == RunState::Running);
}

TEST_CASE("capRunning keeps the cpus processes that ran most", "[proc]") {
    using R = RunState;
    SECTION("3 running on 1 CPU: the largest run delta stays Running") {
        const auto out = capRunning({R::Running, R::Running, R::Running}, {5, 9, 2}, 1);
        CHECK(out == std::vector<R>{R::Ready, R::Running, R::Ready});
    }
    SECTION("3 running on 2 CPUs, other states untouched") {
        const auto out = capRunning({R::Running, R::Waiting, R::Running, R::Zombie, R::Running},
                                    {7, 100, 3, 100, 8}, 2);
        CHECK(out == std::vector<R>{R::Running, R::Waiting, R::Ready, R::Zombie, R::Running});
    }
    SECTION("no more running than CPUs: unchanged") {
        const std::vector<R> in{R::Running, R::Ready, R::Running};
        CHECK(capRunning(in, {1, 2, 3}, 2) == in);
    }
    SECTION("ties keep the earlier process, missing deltas count as 0") {
        CHECK(capRunning({R::Running, R::Running}, {4, 4}, 1) ==
              std::vector<R>{R::Running, R::Ready});
        CHECK(capRunning({R::Running, R::Running}, {4}, 1) == std::vector<R>{R::Running, R::Ready});
        CHECK(capRunning({R::Running, R::Running}, {}, 1) == std::vector<R>{R::Running, R::Ready});
    }
    SECTION("a CPU count below 1 counts as 1") {
        CHECK(capRunning({R::Running, R::Running}, {1, 2}, 0) ==
              std::vector<R>{R::Ready, R::Running});
    }
}

TEST_CASE("toString(RunState) names every state distinctly", "[proc]") {
    std::set<std::string> names;
    for (const RunState s : {RunState::Running, RunState::Ready, RunState::Waiting,
                             RunState::Stopped, RunState::Zombie, RunState::Gone})
        names.insert(toString(s));
    CHECK(names.size() == 6);
    CHECK(std::string(toString(RunState::Ready)) == "ready");
}

#include "engine/proc/RunStateClassifier.h"

#include <algorithm>
#include <cstddef>

namespace forkscope::proc {

namespace {

// The counters only grow for one process; if a sample is lower than the previous one, the pid
// now belongs to another process (or the caller mixed samples up). Nothing is known about the
// window then, which is what a zero delta says.
std::uint64_t delta(std::uint64_t before, std::uint64_t after) noexcept {
    return after >= before ? after - before : 0;
}

bool lessThanHalf(std::uint64_t part, std::uint64_t whole) noexcept {
    return part < whole && part < whole - part; // 2 * part < whole, without overflow
}

} // namespace

RunState classify(TaskState now, const Window& w) noexcept {
    switch (now) {
    case TaskState::Zombie:
    case TaskState::Dead: // X shows only while the exited task is being released
        return RunState::Zombie;
    case TaskState::Stopped:
    case TaskState::TracingStop:
        return RunState::Stopped;
    case TaskState::Sleeping:
    case TaskState::DiskSleep:
    case TaskState::Idle:
    case TaskState::Parked:
        return RunState::Waiting;
    case TaskState::Unknown:
        // A letter from a future kernel: claiming the process runs would be the bigger lie.
        return RunState::Waiting;
    case TaskState::Running:
        break;
    }

    // R means "runnable": on a CPU or queued for one; the letter alone cannot tell which. The
    // counters can, with a lag: the kernel adds to waitNs (run_delay) only when a queued task
    // finally gets a CPU, and to runNs at ticks and context switches. So judge the whole window:
    const std::uint64_t ran = delta(w.before.runNs, w.after.runNs);
    const std::uint64_t waited = delta(w.before.waitNs, w.after.waitNs);
    // not one nanosecond of CPU over the window: it was queued all along;
    if (ran == 0) return RunState::Ready;
    // or it got a small share and spent longer queued than running: mostly waiting for a CPU.
    if (lessThanHalf(ran, w.windowNs) && waited > ran) return RunState::Ready;
    return RunState::Running;
}

std::vector<RunState> capRunning(std::vector<RunState> states,
                                 const std::vector<std::uint64_t>& runDeltas, int cpus) {
    // Anything that runs has at least one CPU; a count below 1 is a caller's unknown, not zero.
    const std::size_t slots = cpus > 1 ? static_cast<std::size_t>(cpus) : 1;
    std::vector<std::size_t> running;
    for (std::size_t i = 0; i < states.size(); ++i)
        if (states[i] == RunState::Running) running.push_back(i);
    if (running.size() <= slots) return states;

    const auto deltaOf = [&runDeltas](std::size_t i) -> std::uint64_t {
        return i < runDeltas.size() ? runDeltas[i] : 0;
    };
    // The processes that ran the most in the window are the ones a CPU was really running.
    std::stable_sort(running.begin(), running.end(),
                     [&](std::size_t a, std::size_t b) { return deltaOf(a) > deltaOf(b); });
    for (std::size_t k = slots; k < running.size(); ++k)
        states[running[k]] = RunState::Ready;
    return states;
}

const char* toString(RunState state) noexcept {
    switch (state) {
    case RunState::Running:
        return "running";
    case RunState::Ready:
        return "ready";
    case RunState::Waiting:
        return "waiting";
    case RunState::Stopped:
        return "stopped";
    case RunState::Zombie:
        return "zombie";
    case RunState::Gone:
        return "gone";
    }
    return "unknown";
}

} // namespace forkscope::proc

#pragma once

#include "engine/proc/SchedStat.h"
#include "engine/proc/TaskState.h"

#include <cstdint>
#include <vector>

namespace forkscope::proc {

// What a learner sees a process doing during one sampling window.
enum class RunState {
    Running, // on a CPU
    Ready,   // runnable, waiting for a CPU
    Waiting, // sleeping or blocked
    Stopped, // stopped by a signal or a tracer
    Zombie,  // exited, not reaped
    Gone,    // reaped; never returned by classify(), for callers whose process has disappeared
};

// Two schedstat samples of one process and the time between them.
struct Window {
    SchedStat before;
    SchedStat after;
    std::uint64_t windowNs = 0;
};

// The state at the end of the window, from the letter sampled then and the scheduler counters'
// progress over the window.
RunState classify(TaskState now, const Window& w) noexcept;

// At most `cpus` processes can be on a CPU at once. If more than that are Running, the `cpus`
// with the largest run delta (runDeltas[i] for states[i]; missing deltas count as 0) stay Running
// and the others become Ready. Ties keep the earlier index Running, so the result is stable.
// cpus < 1 counts as 1.
std::vector<RunState> capRunning(std::vector<RunState> states,
                                 const std::vector<std::uint64_t>& runDeltas, int cpus);

const char* toString(RunState state) noexcept;

} // namespace forkscope::proc

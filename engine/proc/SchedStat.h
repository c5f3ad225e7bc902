#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace forkscope::proc {

// /proc/PID/schedstat: three cumulative counters of the scheduler (Documentation/scheduler/
// sched-stats.rst). Unlike utime/stime (clock ticks), they are in nanoseconds, and the second one
// is the only place the kernel tells how long a task was runnable but not running.
struct SchedStat {
    std::uint64_t runNs = 0;  // time spent on a CPU
    std::uint64_t waitNs = 0; // time spent waiting on a run queue (run_delay)
    std::uint64_t slices = 0; // number of timeslices run on a CPU
};

// nullopt unless the text starts with three unsigned numbers separated by single spaces.
std::optional<SchedStat> parseSchedStat(std::string_view text) noexcept;

} // namespace forkscope::proc

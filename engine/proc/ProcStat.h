#pragma once

#include "engine/proc/TaskState.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace forkscope::proc {

// The fields of /proc/PID/stat the engine uses, numbered as in proc(5). Fields a kernel does not
// print (older kernels stop earlier; some are zeroed without ptrace access) stay 0.
struct ProcStat {
    int pid = 0;                          // (1)  pid
    std::string comm;                     // (2)  comm, without its parentheses
    TaskState state = TaskState::Unknown; // (3)  state
    char stateLetter = '?';               // (3)  state, the letter as printed
    int ppid = 0;                         // (4)  ppid
    int pgrp = 0;                         // (5)  pgrp
    int session = 0;                      // (6)  session
    std::uint64_t utime = 0;              // (14) utime, clock ticks in user mode
    std::uint64_t stime = 0;              // (15) stime, clock ticks in kernel mode
    long numThreads = 0;                  // (20) num_threads
    std::uint64_t startTime = 0;          // (22) starttime, clock ticks after boot
    std::uint64_t vsize = 0;              // (23) vsize, bytes
    long rss = 0;                         // (24) rss, pages
    int processor = 0;                    // (39) processor, CPU it last ran on
    // (52) exit_code: the status waitpid() will return (decode with WIFEXITED, WEXITSTATUS,
    // WTERMSIG...), meaningful once the task is a zombie. Linux 3.5+, and 0 without ptrace access.
    int exitCode = 0;
};

// Parses the content of /proc/PID/stat. nullopt when the text is not a stat line (empty, no
// parentheses, a field that is not a number, truncated before field 4).
std::optional<ProcStat> parseStat(std::string_view text) noexcept;

} // namespace forkscope::proc

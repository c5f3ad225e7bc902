#pragma once
// pidfds let the engine hear of a process's exit (POLLIN) and of its reaping (POLLHUP) the
// moment they happen, though the engine is not the parent. Since Linux 6.15 the exit status
// can be read from the pidfd even after another process reaped it; before that the engine
// falls back to the zombie's /proc/PID/stat and to what init reports.

#include <optional>
#include <sys/types.h>

namespace forkscope::observer {

int openPidFd(pid_t hostPid) noexcept; // -1 on failure
// The pid, as the engine sees it, of the process a pidfd another process handed over refers
// to; 0 if that process is reaped already, -1 if `fd` is not a pidfd.
pid_t hostPidOfPidFd(int fd) noexcept;
// The wait status of an exited process, if this kernel can tell. `reaped`: the pidfd already
// reported the reaping, so the status is about to be published if it is not yet.
std::optional<int> exitStatusFromPidFd(int pidfd, bool reaped) noexcept;

} // namespace forkscope::observer

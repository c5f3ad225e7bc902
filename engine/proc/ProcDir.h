#pragma once

#include "engine/proc/ProcFile.h"
#include "engine/proc/ProcStat.h"
#include "engine/proc/SchedStat.h"

#include <optional>
#include <string>
#include <vector>

namespace forkscope::proc {

// One process's /proc/<pid> directory, held open. Files are opened relative to it, so a handle
// keeps describing the process it was opened for: once that process is reaped every read fails
// (ESRCH or ENOENT) even if the pid has been given to a new process meanwhile.
//
// stat and schedstat, read on every sample, are opened on first use and kept open; the rest is
// opened and closed per call. Move-only, not thread-safe.
class ProcDir {
public:
    ProcDir() noexcept = default;
    ~ProcDir();
    ProcDir(ProcDir&& other) noexcept;
    ProcDir& operator=(ProcDir&& other) noexcept;
    ProcDir(const ProcDir&) = delete;
    ProcDir& operator=(const ProcDir&) = delete;

    // Opens "<pid>" under procRootFd (a ProcRoot's fd). On failure the handle is invalid and
    // error() holds errno (ENOENT: no such process).
    static ProcDir open(int procRootFd, int pid) noexcept;

    bool valid() const noexcept { return fd_ >= 0; }
    int pid() const noexcept { return pid_; }
    // errno of the last failure of any call; 0 if nothing failed yet.
    int error() const noexcept { return error_; }
    int fd() const noexcept { return fd_; }

    std::optional<ProcStat> stat() noexcept;
    std::optional<SchedStat> schedStat() noexcept;

    // The number of the system call the process is blocked in (compare with SYS_*), -1 when it
    // is not blocked in one (the kernel prints "running", or -1 when it sleeps outside a system
    // call). Needs ptrace access to the process: nullopt (EACCES or EPERM) without it.
    std::optional<long> syscall() noexcept;
    // The kernel function the process sleeps in, "0" when it does not sleep or the kernel will
    // not say (no ptrace access).
    std::optional<std::string> wchan();
    // The process's pid in each PID namespace, from the proc mount's namespace (first) to the
    // process's own (last). Empty when unreadable or on kernels before 4.1 (no NSpid: line).
    std::vector<int> nsPids();
    // The process's name (comm, at most 15 bytes for a user process), without the newline.
    std::optional<std::string> comm();

private:
    ProcDir(int fd, int pid, int error) noexcept : fd_(fd), pid_(pid), error_(error) {}
    void close() noexcept;
    std::optional<std::string_view> readKept(ProcFile& file, const char* name) noexcept;
    std::optional<std::string> readOnce(const char* name);

    int fd_ = -1;
    int pid_ = 0;
    int error_ = 0;
    ProcFile stat_;
    ProcFile schedStat_;
};

} // namespace forkscope::proc

#pragma once

#include "engine/proc/ProcDir.h"

#include <string>
#include <vector>

namespace forkscope::proc {

// One proc mount, held open: "/proc" for the host's view, or "/proc/<init>/root/proc" for the
// proc mounted inside a run's PID namespace, whose directories are named with the pids the
// run's processes see. Move-only; listPids() is not thread-safe (it moves the directory offset).
class ProcRoot {
public:
    ProcRoot() noexcept = default;
    ~ProcRoot();
    ProcRoot(ProcRoot&& other) noexcept;
    ProcRoot& operator=(ProcRoot&& other) noexcept;
    ProcRoot(const ProcRoot&) = delete;
    ProcRoot& operator=(const ProcRoot&) = delete;

    // On failure the handle is invalid and error() holds errno.
    static ProcRoot open(const std::string& path) noexcept;

    bool valid() const noexcept { return fd_ >= 0; }
    int fd() const noexcept { return fd_; }
    // errno of the last failure; 0 if nothing failed yet.
    int error() const noexcept { return error_; }

    // The pids of the processes (thread-group leaders) in this mount, ascending. Empty with
    // error() set if the directory cannot be read.
    std::vector<int> listPids();
    ProcDir process(int pid) const noexcept;

private:
    ProcRoot(int fd, int error) noexcept : fd_(fd), error_(error) {}
    void close() noexcept;

    int fd_ = -1;
    int error_ = 0;
};

} // namespace forkscope::proc

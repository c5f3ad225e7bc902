#include "engine/observer/PidFd.h"

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace forkscope::observer {

namespace {
// The first version of struct pidfd_info (linux/pidfd.h, 6.13+); Debian 12's headers predate it.
struct PidFdInfo {
    uint64_t mask;
    uint64_t cgroupid;
    uint32_t pid, tgid, ppid, ruid, rgid, euid, egid, suid, sgid, fsuid, fsgid;
    int32_t exitCode;
};
static_assert(sizeof(PidFdInfo) == 64, "PIDFD_INFO_SIZE_VER0");
constexpr unsigned long kPidFdGetInfo = _IOWR(0xFF, 11, PidFdInfo);
constexpr uint64_t kPidFdInfoPid = 1ULL << 0;
constexpr uint64_t kPidFdInfoExit = 1ULL << 3;

// Before Linux 6.13 only the descriptor's fdinfo says whose it is: "Pid:\t<pid>", -1 once
// reaped, in the pid namespace of the /proc it is read through (the engine's).
pid_t hostPidFromFdInfo(int fd) noexcept {
    char path[48];
    std::snprintf(path, sizeof path, "/proc/self/fdinfo/%d", fd);
    const int info = open(path, O_RDONLY | O_CLOEXEC);
    if (info < 0) return -1;
    char text[1024];
    const ssize_t n = read(info, text, sizeof text - 1);
    close(info);
    if (n <= 0) return -1;
    text[n] = '\0';
    const char* at = std::strstr(text, "\nPid:");
    if (!at) return -1; // not a pidfd
    const long pid = std::strtol(at + 5, nullptr, 10);
    return pid > 0 ? static_cast<pid_t>(pid) : 0;
}
} // namespace

int openPidFd(pid_t hostPid) noexcept {
    return static_cast<int>(syscall(SYS_pidfd_open, hostPid, 0));
}

pid_t hostPidOfPidFd(int fd) noexcept {
    PidFdInfo info;
    std::memset(&info, 0, sizeof info);
    info.mask = kPidFdInfoPid;
    if (ioctl(fd, kPidFdGetInfo, &info) == 0) return static_cast<pid_t>(info.pid);
    if (errno == ESRCH) return 0;
    return hostPidFromFdInfo(fd);
}

std::optional<int> exitStatusFromPidFd(int pidfd, bool reaped) noexcept {
    // The kernel detaches a reaped task's pid (pidfd POLLHUP) a moment before it publishes the
    // exit status on the pidfd; a reaped process is worth a few tries, a zombie is not.
    for (int attempt = 0; attempt < (reaped ? 40 : 1); ++attempt) {
        PidFdInfo info;
        std::memset(&info, 0, sizeof info);
        info.mask = kPidFdInfoExit;
        if (ioctl(pidfd, kPidFdGetInfo, &info) != 0) {
            if (errno != ESRCH) return std::nullopt; // an older kernel: no such request
        } else if (info.mask & kPidFdInfoExit) {
            return info.exitCode;
        }
        usleep(50);
    }
    return std::nullopt;
}

} // namespace forkscope::observer

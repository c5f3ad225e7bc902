#include "engine/observer/PidFd.h"

#include <cstdint>
#include <cstring>
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
constexpr uint64_t kPidFdInfoExit = 1ULL << 3;
} // namespace

int openPidFd(pid_t hostPid) noexcept {
    return static_cast<int>(syscall(SYS_pidfd_open, hostPid, 0));
}

std::optional<int> exitStatusFromPidFd(int pidfd) noexcept {
    PidFdInfo info;
    std::memset(&info, 0, sizeof info);
    info.mask = kPidFdInfoExit;
    if (ioctl(pidfd, kPidFdGetInfo, &info) != 0) return std::nullopt;
    if (!(info.mask & kPidFdInfoExit)) return std::nullopt;
    return info.exitCode;
}

} // namespace forkscope::observer

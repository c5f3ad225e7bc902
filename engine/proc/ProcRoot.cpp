#include "engine/proc/ProcRoot.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <utility>

namespace forkscope::proc {

namespace {

// The record getdents64 writes (struct linux_dirent64, getdents(2)). Read field by field with
// memcpy rather than through a cast: records are packed by d_reclen, not laid out as an array.
constexpr std::size_t kRecLenOffset = 16; // after d_ino (u64) and d_off (s64)
constexpr std::size_t kNameOffset = 19;   // after d_reclen (u16) and d_type (u8)

// A pid directory's name is all digits; everything else in /proc (self, sys, meminfo...) is not.
bool parsePid(const char* name, int& pid) noexcept {
    if (*name == '\0') return false;
    long value = 0;
    for (const char* c = name; *c != '\0'; ++c) {
        if (*c < '0' || *c > '9') return false;
        value = value * 10 + (*c - '0');
        if (value > 0x7fffffff) // more digits than a pid can have
            return false;
    }
    pid = static_cast<int>(value);
    return pid > 0;
}

} // namespace

ProcRoot::~ProcRoot() {
    close();
}

ProcRoot::ProcRoot(ProcRoot&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), error_(std::exchange(other.error_, 0)) {}

ProcRoot& ProcRoot::operator=(ProcRoot&& other) noexcept {
    if (this != &other) {
        close();
        fd_ = std::exchange(other.fd_, -1);
        error_ = std::exchange(other.error_, 0);
    }
    return *this;
}

void ProcRoot::close() noexcept {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

ProcRoot ProcRoot::open(const std::string& path) noexcept {
    const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    return fd >= 0 ? ProcRoot(fd, 0) : ProcRoot(-1, errno);
}

std::vector<int> ProcRoot::listPids() {
    std::vector<int> pids;
    if (fd_ < 0) {
        if (error_ == 0) error_ = EBADF;
        return pids;
    }
    // Rewinding the descriptor kept open makes proc list the processes of now, without the
    // open/close that opendir() per sample would cost; getdents64 directly, because readdir()
    // would need a DIR* (and its heap buffer) for the same descriptor.
    if (::lseek(fd_, 0, SEEK_SET) < 0) {
        error_ = errno;
        return pids;
    }
    alignas(8) char buffer[16384];
    for (;;) {
        const long n = ::syscall(SYS_getdents64, fd_, buffer, sizeof(buffer));
        if (n < 0) {
            if (errno == EINTR) continue;
            error_ = errno;
            return {};
        }
        if (n == 0) break;
        const auto size = static_cast<std::size_t>(n);
        for (std::size_t at = 0; at + kNameOffset < size;) {
            std::uint16_t recLen = 0;
            std::memcpy(&recLen, buffer + at + kRecLenOffset, sizeof(recLen));
            if (recLen == 0 || at + recLen > size)
                break; // cannot happen with a sane kernel; never loop or read past the data
            int pid = 0;
            if (parsePid(buffer + at + kNameOffset, pid)) pids.push_back(pid);
            at += recLen;
        }
    }
    // proc lists pids ascending today, but that is an implementation detail; sorting an already
    // sorted vector is cheap.
    std::sort(pids.begin(), pids.end());
    return pids;
}

ProcDir ProcRoot::process(int pid) const noexcept {
    return ProcDir::open(fd_, pid);
}

} // namespace forkscope::proc

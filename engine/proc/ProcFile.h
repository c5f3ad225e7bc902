#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>

namespace forkscope::proc {

// One open /proc file, read again from offset 0 on every read(). The observer samples 64+
// processes 100 times a second; keeping the descriptor open saves the path walk and the
// open/close of every sample, and a /proc file regenerates its content at each read from 0.
//
// Move-only; closes its descriptor when destroyed. Not thread-safe: the view read() returns points
// into this object's buffer.
class ProcFile {
public:
    ProcFile() noexcept = default;
    ~ProcFile();
    ProcFile(ProcFile&& other) noexcept;
    ProcFile& operator=(ProcFile&& other) noexcept;
    ProcFile(const ProcFile&) = delete;
    ProcFile& operator=(const ProcFile&) = delete;

    // openat(dirFd, name, O_RDONLY | O_CLOEXEC). On failure the handle is invalid and error()
    // holds errno.
    static ProcFile open(int dirFd, const char* name) noexcept;

    bool valid() const noexcept { return fd_ >= 0; }
    // errno of the last failure (open or read); 0 if nothing failed yet.
    int error() const noexcept { return error_; }

    // The whole content, valid until the next read() or the handle's destruction. nullopt with
    // error() set when the read fails: ESRCH once the process is gone (even if its pid was
    // reused: the descriptor belongs to the old process), EBADF on an invalid handle.
    std::optional<std::string_view> read() noexcept;

private:
    ProcFile(int fd, int error) noexcept : fd_(fd), error_(error) {}
    void close() noexcept;

    int fd_ = -1;
    int error_ = 0;
    std::unique_ptr<char[]> buffer_;
    std::size_t capacity_ = 0;
};

} // namespace forkscope::proc

#include "engine/proc/ProcFile.h"

#include <cerrno>
#include <fcntl.h>
#include <new>
#include <unistd.h>
#include <utility>

namespace forkscope::proc {

namespace {

// stat is ~300 bytes and schedstat ~30: one allocation serves both for ever. status (~1.5 KiB)
// grows once.
constexpr std::size_t kInitialCapacity = 1024;
// Past this the file is not one the engine should be reading whole on every sample.
constexpr std::size_t kMaxCapacity = std::size_t{4} << 20;

} // namespace

ProcFile::~ProcFile() {
    close();
}

ProcFile::ProcFile(ProcFile&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), error_(std::exchange(other.error_, 0)),
      buffer_(std::move(other.buffer_)), capacity_(std::exchange(other.capacity_, 0)) {}

ProcFile& ProcFile::operator=(ProcFile&& other) noexcept {
    if (this != &other) {
        close();
        fd_ = std::exchange(other.fd_, -1);
        error_ = std::exchange(other.error_, 0);
        buffer_ = std::move(other.buffer_);
        capacity_ = std::exchange(other.capacity_, 0);
    }
    return *this;
}

void ProcFile::close() noexcept {
    if (fd_ >= 0)
        ::close(fd_); // Linux frees the descriptor even when close() reports EINTR: never retry.
    fd_ = -1;
}

ProcFile ProcFile::open(int dirFd, const char* name) noexcept {
    const int fd = ::openat(dirFd, name, O_RDONLY | O_CLOEXEC);
    return fd >= 0 ? ProcFile(fd, 0) : ProcFile(-1, errno);
}

std::optional<std::string_view> ProcFile::read() noexcept {
    if (fd_ < 0) {
        if (error_ == 0) error_ = EBADF;
        return std::nullopt;
    }
    for (;;) {
        if (!buffer_) {
            buffer_.reset(new (std::nothrow) char[kInitialCapacity]);
            if (!buffer_) {
                error_ = ENOMEM;
                return std::nullopt;
            }
            capacity_ = kInitialCapacity;
        }
        const ssize_t n = ::pread(fd_, buffer_.get(), capacity_, 0);
        if (n < 0) {
            if (errno == EINTR) continue;
            error_ = errno;
            return std::nullopt;
        }
        const auto size = static_cast<std::size_t>(n);
        // A seq_file read copies whole records until the buffer is full, so a short read is the
        // end of the file and one pread per sample is enough.
        if (size < capacity_) return std::string_view(buffer_.get(), size);
        // Full: there may be more. Read it all again into a bigger buffer rather than continue at
        // offset n, because each read from 0 is a new snapshot and two halves of different
        // snapshots would not belong together.
        if (capacity_ >= kMaxCapacity) {
            error_ = EFBIG;
            return std::nullopt;
        }
        std::unique_ptr<char[]> bigger(new (std::nothrow) char[capacity_ * 2]);
        if (!bigger) {
            error_ = ENOMEM;
            return std::nullopt;
        }
        buffer_ = std::move(bigger);
        capacity_ *= 2;
    }
}

} // namespace forkscope::proc

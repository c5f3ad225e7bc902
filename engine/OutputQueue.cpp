#include "engine/OutputQueue.h"

#include <cerrno>
#include <climits>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

namespace forkscope {

OutputQueue::OutputQueue(int fd) : fd_(fd), maxWrite_(PIPE_BUF) {
    struct stat st {};
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        maxWrite_ = SIZE_MAX; // a file takes everything at once
    } else if (S_ISFIFO(st.st_mode)) {
        // A bigger pipe lets the reader fall further behind before the engine writes in
        // pieces; the system may refuse, and the default works too.
        (void)fcntl(fd, F_SETPIPE_SZ, 1 << 20);
    }
}

void OutputQueue::push(std::string&& text) {
    if (text.empty() || broken_) return;
    pendingBytes_ += text.size();
    chunks_.push_back(std::move(text));
}

bool OutputQueue::writeFront(bool wait) {
    std::string& chunk = chunks_.front();
    if (!wait) {
        // A pipe with room for at least one page takes a write of up to PIPE_BUF bytes
        // without blocking; a bigger one would wait until it all fits.
        pollfd p{fd_, POLLOUT, 0};
        if (poll(&p, 1, 0) != 1 || !(p.revents & POLLOUT)) return false;
    }
    const std::size_t left = chunk.size() - offset_;
    const ssize_t n = write(fd_, chunk.data() + offset_, wait ? left : std::min(left, maxWrite_));
    if (n < 0) {
        if (errno == EINTR) return true;
        if (errno == EAGAIN) { // someone made the descriptor non-blocking
            if (!wait) return false;
            pollfd p{fd_, POLLOUT, 0};
            poll(&p, 1, 100);
            return true;
        }
        broken_ = true; // the reader is gone: nobody is watching the run any more
        chunks_.clear();
        offset_ = 0;
        pendingBytes_ = 0;
        return false;
    }
    offset_ += static_cast<std::size_t>(n);
    pendingBytes_ -= static_cast<std::size_t>(n);
    if (offset_ == chunk.size()) {
        chunks_.pop_front();
        offset_ = 0;
    }
    return true;
}

bool OutputQueue::writeSome() {
    while (!chunks_.empty() && writeFront(false)) {
    }
    return pending();
}

void OutputQueue::writeAll() {
    while (!chunks_.empty() && writeFront(true)) {
    }
}

} // namespace forkscope

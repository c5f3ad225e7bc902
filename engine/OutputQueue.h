#pragma once
// The engine's event stream on its way to its reader (the GUI, a test), kept in memory while
// the reader is behind, so that the engine goes on watching the run instead of waiting in
// write(). The 200,000 events of a queue flood that ran for 30 ms keep the GUI busy for
// seconds; an engine that waited for it learned of the run's exits 12 s late, and the
// timeline showed the processes running all that time. Past kMaxPendingBytes the engine waits
// for the reader after all: memory is worth more than the timing.

#include <cstddef>
#include <deque>
#include <string>

namespace forkscope {

class OutputQueue {
public:
    static constexpr std::size_t kMaxPendingBytes = std::size_t{256} << 20;

    explicit OutputQueue(int fd);

    // Queues `text` (taken) to be written after what is queued already.
    void push(std::string&& text);
    // Writes what the reader takes now, without waiting for it. True while something is left.
    bool writeSome();
    // Writes everything, waiting for the reader as long as it takes.
    void writeAll();

    bool pending() const { return pendingBytes_ != 0; }
    std::size_t pendingBytes() const { return pendingBytes_; }
    // The reader is gone (EPIPE, or another error): what is queued is dropped.
    bool broken() const { return broken_; }
    int fd() const { return fd_; }

private:
    // Writes from the front chunk; false when the reader takes no more now (`wait`: never).
    bool writeFront(bool wait);

    int fd_;
    std::size_t maxWrite_; // a write never blocks up to this much once poll says POLLOUT
    std::deque<std::string> chunks_;
    std::size_t offset_ = 0; // of chunks_.front(), written already
    std::size_t pendingBytes_ = 0;
    bool broken_ = false;
};

} // namespace forkscope

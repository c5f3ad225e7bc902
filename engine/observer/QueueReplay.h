#pragma once
// One queue's operations, put back into an order in which they could have happened one at a
// time, so that the size each event reports is the size the queue really had.
//
// The processes share no counter for this: one that both sides wrote on every operation moved
// its cache line between the producer's and the consumer's CPUs each time. Instead a record
// carries the position its operation left (tail after a put, head after a get) and a stamp
// taken right after it committed, while its side's mutex was still held. So:
//   - the puts are in the order of their positions, and so are the gets, their stamps too;
//   - a get at head h needs the put that made tail h, and in a queue of maxsize m the put
//     that makes tail t needs the get that made head t - m: those go first whatever the
//     stamps say (a process stopped between its commit and its stamp stamps late);
//   - two operations that need nothing of each other go in the order of their stamps.
// A record can come late: its process was between the commit and the record when the engine
// read its ring. The engine reads the queue's real positions after the rings (observe), so it
// knows when one side has committed an operation whose record it has not read yet, and holds
// back the other side's operations until that record comes. An operation that commits after
// that reading is stamped later than every record read before it: none of those waits for it.

#include "engine/shm/Arena.h"

#include <cstdint>
#include <functional>
#include <map>

namespace forkscope::shm {
struct ShmQueue;
}

namespace forkscope::observer {

class QueueReplay {
public:
    // Sends one operation, with the size the queue had after it.
    using Emit = std::function<void(const shm::OpRecord& r, long long size)>;

    // The queue in the arena, to read its positions from (nullptr: its records alone count).
    void attach(const shm::ShmQueue* queue) noexcept { queue_ = queue; }
    void setCapacity(uint64_t maxsize) noexcept { capacity_ = maxsize; }
    uint64_t capacity() const noexcept { return capacity_; }

    // A record of this queue was read from a ring (it goes to add() later, in the order of
    // the stamps); and after the rings were read, the queue's positions now.
    void noteRead(const shm::OpRecord& r) noexcept;
    void observe() noexcept;

    // The next of this queue's records in the order of the stamps, read by the engine's look
    // at `readNs`: every record read and not added yet is stamped no earlier. Sends what can
    // go now, and holds the rest.
    void add(const shm::OpRecord& r, int64_t readNs, const Emit& emit);
    // Sends what the records added since allow. `horizon`: no record read and not added yet
    // is stamped earlier. `lastReadNs`: when the rings were last read; what has waited longer
    // than `gapWaitNs` for a record that did not come goes all the same, and at once when
    // `recordsDropped`, since dropped records never come.
    void advance(uint64_t horizon, int64_t lastReadNs, int64_t gapWaitNs, bool recordsDropped,
                 const Emit& emit);
    bool holding() const noexcept {
        return !puts_.empty() || !gets_.empty() || !lostAfter_.empty();
    }

    long long size() const noexcept { return static_cast<long long>(tail_ - head_); }

private:
    struct Held {
        shm::OpRecord cells[4]; // the record and its prefix
        explicit Held(const shm::OpRecord& r);
        const shm::OpRecord& record() const { return cells[0]; }
    };
    enum class Next { Put, Get, Wait, Nothing };
    // Which of the sides' next records (nullptr: none) goes first, if either may go yet.
    Next choose(const shm::OpRecord* put, const shm::OpRecord* get, uint64_t horizon) const;
    Next next(uint64_t horizon) const;
    bool putsComplete() const noexcept;
    bool getsComplete() const noexcept;
    void sendPut(const Emit& emit);
    void sendGet(const Emit& emit);
    void sendLostAfter(const Emit& emit);
    // Sends what it can; true when it sent anything.
    bool run(uint64_t horizon, const Emit& emit);
    // Sends the oldest held record, past whatever it waits for.
    void force(const Emit& emit);
    // A record's 32-bit position, near `near`, as a full one.
    static uint64_t unwrap(uint32_t position, uint64_t near) noexcept {
        return near + static_cast<uint64_t>(static_cast<int64_t>(
                          static_cast<int32_t>(position - static_cast<uint32_t>(near))));
    }

    const shm::ShmQueue* queue_ = nullptr;
    uint64_t capacity_ = 0;
    uint64_t tail_ = 0, head_ = 0; // as the sent operations left them
    // How far the records read so far reach, and the queue's own positions at the last look
    // after the rings were read: a real one ahead means an operation whose record has not
    // been read yet.
    uint64_t putsRead_ = 0, getsRead_ = 0;
    uint64_t realTail_ = 0, realHead_ = 0;
    std::map<uint64_t, Held> puts_, gets_; // held, by the position they leave
    // A dead getter's lost-get record, held until the get it took its item in goes out.
    std::map<uint64_t, Held> lostAfter_;
    int64_t stuckSinceNs_ = -1; // since when held records wait (-1: they do not)
};

} // namespace forkscope::observer

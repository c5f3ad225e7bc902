#pragma once
// The queue under multiprocessing.Queue: pickled items in a chain of fixed-size segments in the
// arena, with futex words to sleep on.
//
// Putters and getters take different process-shared mutexes (ShmMutex), as in Michael and
// Scott's two-lock queue: putters own `tail` and the last segment, getters own `head` and the
// first, and each side reads the other's position only to learn what it may do. A producer
// never waits for a consumer's lock or the reverse, and they share only the lines they must
// (positions, items). With one mutex and one header line for both, a
// Queue(3) between two processes moved about a quarter fewer items per second.
//
// Commit points, which make a kill at any instruction harmless to the queue:
//   put: the item (inline in its slot, or in a block of its own) is written first, then
//        `tail` moves past it. Before that store the item is not in the queue; after it, it is.
//   get: the item is copied out first, then `head` moves past it, then its block is freed.
// A process records in its Inflight entry what it is doing, so that whoever sees it die (the
// engine, or the next process to take the same side's mutex, which takes it over from the
// dead) can tell whether an item was lost and free the block nobody owns any more.
//
// The engine never locks a queue. Only getters change what lies in [head, tail) (a put writes
// beyond tail), so it reads the items under the getters' sequence counter (`getVersion`, odd
// while a get is under way) and tries again, or later, when a get ran meanwhile.
//
// Every operation's record carries the position it left (tail after a put, head after a get)
// and a stamp taken after it committed, before its side's mutex is released. From those the
// engine puts them back in an order in which they could have happened one at a time
// (engine/observer/QueueReplay.h), and knows the size at each step. A count that both sides
// took a number from on every operation did the same for a third of the unbounded queue's
// speed: the line it sat on moved between the producer's and the consumer's CPUs each time.

#include "engine/shm/Arena.h"
#include "engine/shm/ShmMutex.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace forkscope::shm {

// Two slots to a cache line: a getter's one miss on the putter's line brings it the next
// item too, and a flood of small items touches half the fresh pages (2-3 us each under KVM)
// that 64-byte slots did. An item's bytes are inline when they fit (the pickle of any int,
// a short str or a pair of small ints), else in a block of their own: `len` says which.
struct QueueSlot {
    static constexpr uint32_t kInline = 24;
    static constexpr bool fitsInline(uint32_t len) noexcept { return len <= kInline; }
    uint32_t len;
    uint32_t reserved;
    union {
        Offset block; // unless fitsInline(len)
        char inl[kInline];
    };
};
static_assert(sizeof(QueueSlot) == 32);

// A segment fills a 4 KiB block of the arena exactly, its slots starting on a line
// (Arena::allocateLines): a Segment that spilled over into the next size class left a fifth
// of every block's pages untouched between segments, and slots that straddled lines cost a
// getter two misses per item.
struct Segment {
    static constexpr uint64_t kSlots = 124;
    Offset next;   // the following segment, once a put needed it
    uint64_t base; // position of slots[0]
    Offset block;  // what Arena::free takes back
    char pad[40];
    QueueSlot slots[kSlots];
};
static_assert(sizeof(Segment) == 4032 && offsetof(Segment, slots) == 64);

struct alignas(64) ShmQueue {
    // Set at creation, read by everyone.
    uint32_t id = 0;
    uint64_t maxsize = 0; // 0: unbounded
    // Both sides, once per segment.
    alignas(64) std::atomic<Offset> spareSeg{
        0}; // a segment a getter left behind, for the next put to reuse
    // The putters' line.
    alignas(64) ShmMutex putMutex;
    std::atomic<Offset> tailSeg{0};
    uint64_t knownHead = 0; // head when a putter of a bounded queue last looked
    // The getters' line.
    alignas(64) ShmMutex getMutex;
    std::atomic<uint32_t> getVersion{0};
    std::atomic<Offset> headSeg{0};
    uint64_t knownTail = 0; // tail when a getter last looked
    // Positions: the items are [head, tail). Each alone on its line, which the other side and
    // every spinning waiter read: a put's other writes do not disturb them.
    alignas(64) std::atomic<uint64_t> tail{0};
    alignas(64) std::atomic<uint64_t> head{0};
    // Futex words: getters sleep on putSeq, putters on getSeq. A put (get) bumps its word only
    // when it sees a sleeper counted in getWaiters (putWaiters): a bump on every op would pull
    // the line away from whoever spins. So spinners watch head and tail instead, and a sleeper
    // counts itself, then looks at the queue once more, before it sleeps (waitForQueue in
    // engine/runtime/SharedObjects).
    alignas(64) std::atomic<uint32_t> putSeq{0};
    std::atomic<uint32_t> getWaiters{0};
    alignas(64) std::atomic<uint32_t> getSeq{0};
    std::atomic<uint32_t> putWaiters{0};
};

// Who is doing an operation: the process's slot (its Inflight entry and op ring) and pid.
struct Actor {
    int slot = -1;
    int32_t pid = 0;
    mutable OpRing* ring = nullptr;           // nullptr: not logged; moves on when the ring is full
    Inflight* inflight = nullptr;             // nullptr: not tracked
    mutable uint32_t stampEpoch = UINT32_MAX; // the arena's clockEpoch at lastStamp
    mutable uint64_t lastStamp = 0;
};

// The stamp of a lock's operation or a task's step `me` is logging. Exact for the first one
// after each look of the engine at the rings; one that follows it before the next look (within
// 10 ms, in a loop doing thousands) shares its stamp, and is ordered by its object's count and
// its place in the ring, never by the stamp alone. A queue's operation reads the clock itself:
// its stamp is what orders it against the other side's (engine/observer/QueueReplay.h).
inline uint64_t stampFor(const Arena& a, const Actor& me) noexcept {
    const uint32_t epoch = a.clockEpoch.load(std::memory_order_relaxed);
    if (epoch != me.stampEpoch) {
        me.stampEpoch = epoch;
        me.lastStamp = stampNow();
    }
    return me.lastStamp;
}

enum class QueueResult { Ok, Full, Empty, NoMemory };

// A new queue in the arena, published in its directory; nullptr when the arena is full.
ShmQueue* createQueue(Arena& arena, uint64_t maxsize) noexcept;

// Puts one pickled item unless the queue is full. `notify` is set when the engine should be
// told that the op ring has something new.
QueueResult tryPut(Arena& arena, ShmQueue& q, const Actor& me, std::string_view pickled,
                   bool* notify) noexcept;

// Takes the oldest item unless the queue is empty: `reserve(len)` gives the memory its bytes
// are copied into (nullptr: no memory, the item stays). On Ok the process's stage is
// Delivering until it calls delivered(): dying before that loses the item, and says so.
using Reserve = char* (*)(void* context, uint64_t len);
QueueResult tryGet(Arena& arena, ShmQueue& q, const Actor& me, Reserve reserve, void* context,
                   bool* notify) noexcept;
void delivered(const Actor& me) noexcept;

inline uint64_t sizeOf(const ShmQueue& q) noexcept {
    const uint64_t t = q.tail.load(std::memory_order_acquire);
    const uint64_t h = q.head.load(std::memory_order_acquire);
    return t >= h ? t - h : 0;
}

// What a waiting getter (putter) watches, without the lock: something to take (room).
inline bool hasItems(const ShmQueue& q) noexcept {
    return sizeOf(q) > 0;
}
inline bool hasRoom(const ShmQueue& q) noexcept {
    return q.maxsize == 0 || sizeOf(q) < q.maxsize;
}

// A process died: if it held either of the queue's mutexes, their next taker takes it over.
void markDeadHolder(ShmQueue& q, int32_t pid) noexcept;

// ---- the engine's side ----------------------------------------------------------------------

struct QueueSnapshot {
    uint64_t size = 0;
    uint64_t capacity = 0;
    uint64_t head = 0, tail = 0; // what the queue was at: equal positions, equal contents
    struct Item {
        std::string prefix; // the first pickled bytes
        uint32_t len = 0;   // the whole pickle's length
    };
    std::vector<Item> items; // the oldest first, at most the number asked for
};

// The queue as it is now, read without locking; nullopt when getters kept changing it while
// it was being read (the caller tries again later).
std::optional<QueueSnapshot> readQueue(const Arena& arena, const ShmQueue& q, std::size_t maxItems,
                                       std::size_t prefixBytes) noexcept;

// What a dead process's unfinished operation lost, once settled.
struct Lost {
    uint32_t queue = 0;
    int32_t pid = 0;
    bool duringPut = false; // the item never got in; otherwise it left the queue with the dead
    uint64_t headAfter = 0; // a get's: where head was left (its item is gone)
    uint32_t itemLen = 0;
    std::string prefix;
};

// Settles the unfinished operation in `f` of a process that died. The engine calls it when
// it sees the process exit (`engine`: blocks go back through the reclaim list, since the
// engine never takes a lock of the run); the next process to take the same side's mutex
// calls it too, and whichever comes first settles it. Returns what was lost, if anything.
std::optional<Lost> settleDead(Arena& arena, Inflight& f, int32_t pid, bool engine) noexcept;

} // namespace forkscope::shm

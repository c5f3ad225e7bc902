#pragma once
// The run-wide arena: one MAP_SHARED region that the engine maps before the run's init is
// forked, so that every process of the run, whenever it was forked, and the engine itself see
// the same objects at the same addresses. The objects a script makes (queues, locks) and what
// they hold (pickled items) live here, where the engine can read them at any moment.
//
// Everything in it is addressed by offsets from the arena's start (never pointers) so that a
// reader can check an offset against the arena's size before following it: the engine reads
// while processes write, and a torn value must never make it fault.
//
// Kill safety is the rule of every structure here: a process may be killed between any two
// instructions. Each change commits with one store; the worst an interrupted change may leave
// behind is a leaked block, never a block that two owners think is theirs.

#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <ctime>
#include <pthread.h>

namespace forkscope::shm {

using Offset = uint64_t; // from the arena's first byte; 0 is "none" (the header lives there)

enum class ObjectKind : uint32_t { None = 0, Queue = 1, Lock = 2, RLock = 3 };

struct ObjectEntry {
    std::atomic<uint32_t> kind{0}; // ObjectKind; set last, when the object is ready
    uint32_t reserved = 0;
    Offset offset = 0; // the ShmQueue or ShmLock, which holds its id
};

// What one process is doing to a queue right now, so that whoever sees it die (the engine, or
// the next process to lock the queue) can tell what was lost. Indexed by the process's slot
// in SharedState.
enum class Stage : uint32_t {
    None = 0,
    Putting,    // holds the putters' mutex; the item is not in the queue until tail moves past pos
    Getting,    // holds the getters' mutex; the item leaves the queue when head moves past pos
    Delivering, // the item left the queue and is being unpickled: it is lost if the process dies
    Resolving,  // someone who saw the process die is settling it
};

struct alignas(64) Inflight {
    std::atomic<uint32_t> stage{0};
    int32_t pid = 0;
    uint32_t queue = 0; // object id
    uint32_t itemLen = 0;
    Offset queueOffset = 0;
    uint64_t pos = 0;
    std::atomic<Offset> block{0}; // a block this operation owns and must free if it stops here
    uint8_t prefixLen = 0;
    char prefix[87] = {}; // the item's first pickled bytes, enough to show it
};

// One operation, logged by the process that did it, for the engine to turn into an event.
enum class OpKind : uint8_t {
    QueuePut = 1,
    QueueGet,
    QueueLost,
    LockWait,
    LockAcquire,
    LockRelease,
    LockRecover,
    Task,    // a Pool task's step (engine/shm/TaskLog.h)
    LockRun, // consecutive acquires and releases of one Lock by one process (OpRing: runs)
};

// A record is one 32-byte cell, followed by up to three more holding the first bytes of the
// item for a queue operation: a lock operation writes 32 bytes, and so does a queue operation
// whose item is an int of 32 bits (the commonest item of all, held in `b`), another small item
// 64. A queue's capacity is not in its records: the engine reads it from the queue.
struct OpRecord { // no initializers: a ring's records are written before they count
    static constexpr uint8_t kPadding = 0;           // op of the filler up to the ring's end
    static constexpr uint8_t kWhole = 0x80;          // flags: the prefix is the whole item
    static constexpr uint8_t kRLock = 0x01;          // flags: the lock is an RLock
    static constexpr uint8_t kLostPut = 0x02;        // flags: lost during a put (else during a get)
    static constexpr uint8_t kRunFromRelease = 0x04; // flags: the run's first op is a release
    static constexpr uint8_t kInt = 0x08; // flags: the item is the int in `b` (no prefix cells)
    static constexpr std::size_t kMaxPrefix = 96;

    uint64_t stamp; // stampNow() when it happened
    uint32_t
        objSeq; // the object's own count of operations, ordering them across processes (0: none)
    uint32_t object; // queue or lock id
    int32_t pid;     // who did it
    uint32_t a;      // queue: tail after a put, head after a get (mod 2^32); lock: holder after
                     // it; task: its id
    uint32_t b;      // queue: the item when it is a small int (kInt); lock: dead holder
                     // (recover), RLock count; task: TaskStep
    uint8_t op;      // OpKind
    uint8_t flags;
    uint8_t cells; // 32-byte cells, this one included
    uint8_t prefixLen;

    char* prefix() noexcept { return reinterpret_cast<char*>(this + 1); }
    const char* prefix() const noexcept { return reinterpret_cast<const char*>(this + 1); }
};
static_assert(sizeof(OpRecord) == 32);

// Each process logs into a ring of its own (single writer, the engine the single reader), so
// logging never contends with other processes and a process killed mid-record leaves no hole:
// a record counts only once `head` has moved past it.
//
// A ring starts at 1 MiB, whose pages are touched only as records fill them (a process that
// logs a few operations costs almost nothing), and when it is full because the engine is
// behind (it may be short of CPU while the run's processes use them all), the writer chains a
// ring twice as big and goes on there; the engine follows the chain and hands the old ring
// back.
struct OpRing {
    static constexpr uint64_t kFirstCells = 1 << 15; // 1 MiB, touched only as it fills
    // 32 MiB: 1,000,000 queue operations. The engine gives way to a run that wants every CPU
    // (Engine.cpp: kEngineNice), so a flood's records wait here until it ends: with 8 MiB, a
    // queue flood of 1,000,000 items showed 54% of its operations.
    static constexpr uint64_t kMaxCells = 1 << 20;
    // A writer asks for the line it will write this far ahead: the first write to each line
    // of a ring waited for memory, a third of a queue producer's time outside Python.
    static constexpr uint64_t kPrefetchCells = 32;
    // The writer's line: what it changes on every record, apart from what the engine writes,
    // so that the engine's reads cost the writer one miss per look, not one per record.
    alignas(64) std::atomic<uint64_t> head{0}; // cells written (the process)
    uint64_t capacity = 0;                     // cells, a power of two
    uint64_t next = 0;                         // the writer's: head once the record is done
    uint64_t knownTail = 0;                    // the writer's: tail when it last looked
    int32_t pid = 0;
    // A run: an uncontended Lock's acquires and releases, one after the other by this process
    // with nothing else logged between them, cost the loop that does them more to log one
    // record each (ring memory, the engine's cache misses) than the lock itself. They are
    // counted in one LockRun record instead, kept open after `head` (written, not committed)
    // while it grows: `a` is its number of operations, numbered along the lock from `objSeq`,
    // and grows by single stores. The engine reads an open run under runVersion (odd while the
    // writer makes one) and shows what it holds so far, so that a lock held for long is seen
    // held at once. The next record of any other kind, or the first operation after the
    // engine's next look (clockEpoch), commits it.
    std::atomic<uint32_t> runVersion{0};
    uint8_t runOpen = 0;         // written under runVersion
    bool halfwayPending = false; // the writer's: a run's commit crossed a half, not said yet
    // The engine's line.
    alignas(64) std::atomic<uint64_t> tail{0}; // cells read (the engine)
    std::atomic<uint64_t> dropped{0};          // operations not logged: no room
    std::atomic<uint64_t> nextRing{0};         // Offset of the ring that follows this one
    Offset block = 0;                          // what Arena::free takes back (allocateLines)
    alignas(64) OpRecord cells[1];             // `capacity` of them

    static uint64_t bytesFor(uint64_t capacity) {
        return sizeof(OpRing) + (capacity - 1) * sizeof(OpRecord);
    }
    OpRecord& at(uint64_t position) noexcept { return cells[position & (capacity - 1)]; }
    const OpRecord& at(uint64_t position) const noexcept {
        return cells[position & (capacity - 1)];
    }

    // Room for a record of `n` cells, or nullptr when there is none. A record never wraps:
    // the cells left before the ring's end are filled with a padding record first.
    OpRecord* begin(uint8_t n) noexcept {
        const uint64_t h = head.load(std::memory_order_relaxed);
        const uint64_t pos = h & (capacity - 1);
        const uint64_t pad = pos + n > capacity ? capacity - pos : 0;
        if (h + pad + n - knownTail > capacity) {
            knownTail = tail.load(std::memory_order_acquire); // only when it looks full
            if (h + pad + n - knownTail > capacity) return nullptr;
        }
        if (pad) {
            cells[pos].op = OpRecord::kPadding;
            cells[pos].cells = static_cast<uint8_t>(pad);
        }
        next = h + pad + n;
        OpRecord* r = &at(h + pad);
        r->cells = n;
        __builtin_prefetch(&at(h + pad + kPrefetchCells), 1);
        return r;
    }
    // Makes the record count. True when it took the ring past a half: the writer then tells
    // the engine at once, whatever notifyPending says, so that a busy writer's ring is read
    // (and can be written again) before it fills; a full ring makes the writer chain a fresh,
    // bigger one, whose first touch costs a page fault per 4 KiB (2-3 us under KVM).
    bool commit() noexcept {
        const uint64_t before = head.load(std::memory_order_relaxed);
        head.store(next, std::memory_order_release);
        const bool halfway = halfwayPending || ((before ^ next) & ~((capacity >> 1) - 1)) != 0;
        halfwayPending = false;
        return halfway;
    }

    // --- runs (see runVersion) ---------------------------------------------------------------
    // The open run's record: the last one begun.
    OpRecord& openRecord() noexcept { return at(next - 1); }
    void beginRunChange() noexcept {
        runVersion.store(runVersion.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
        std::atomic_thread_fence(std::memory_order_release);
    }
    void endRunChange() noexcept {
        runVersion.store(runVersion.load(std::memory_order_relaxed) + 1, std::memory_order_release);
    }
    // Commits the open run, before a record of another kind is begun.
    void closeRun() noexcept {
        beginRunChange();
        runOpen = 0;
        halfwayPending = commit();
        endRunChange();
    }
};

// A cheap, fine clock for op records: the TSC where there is one (the kernel's own clock
// source here), converted to CLOCK_MONOTONIC by the engine, which calibrates it.
inline uint64_t stampNow() noexcept {
#if defined(__x86_64__)
    return __builtin_ia32_rdtsc();
#else
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<uint64_t>(ts.tv_sec) * 1000000000u + static_cast<uint64_t>(ts.tv_nsec);
#endif
}
inline constexpr bool kStampIsNs =
#if defined(__x86_64__)
    false;
#else
    true;
#endif

struct alignas(64) Arena {
    static constexpr uint32_t kMagic = 0x466b4172; // "FkAr"
    static constexpr std::size_t kMaxObjects = 1 << 16;
    static constexpr std::size_t kMaxSlots = 1024; // SharedState::kSlots
    static constexpr int kClasses = 4 * 40;        // block sizes from 64 B to 2^43 B

    uint32_t magic = kMagic;
    uint64_t size = 0; // bytes mapped
    Offset dataStart = 0;

    pthread_mutex_t allocMutex; // robust, process-shared: guards freeLists and top
    std::atomic<Offset> top{0}; // first byte never handed out
    Offset freeLists[kClasses] = {};
    std::atomic<Offset> reclaim{0}; // blocks the engine hands back, freed by the next allocation
    std::atomic<uint64_t> bytesInUse{0};

    std::atomic<uint32_t> objectCount{0};
    std::atomic<uint32_t> nextQueueId{0};
    std::atomic<uint32_t> nextLockId{0};
    std::atomic<uint32_t> notifyPending{0}; // a process told the engine; it has not looked yet
    // Moved by the engine at each look at the rings (every 10 ms at least while it runs): a
    // process stamps the first operation after a move with the clock and the ones that follow
    // with that stamp (stampFor in ShmQueue.h), since reading the TSC here costs more than
    // a whole uncontended lock operation.
    alignas(64) std::atomic<uint32_t> clockEpoch{0};
    alignas(64) std::atomic<Offset> rings[kMaxSlots] = {}; // OpRing of the process in each slot
    Inflight inflight[kMaxSlots];
    ObjectEntry objects[kMaxObjects];

    // --- addressing -------------------------------------------------------------------------
    char* base() noexcept { return reinterpret_cast<char*>(this); }
    const char* base() const noexcept { return reinterpret_cast<const char*>(this); }
    template <typename T> T* at(Offset off) noexcept { return reinterpret_cast<T*>(base() + off); }
    template <typename T> const T* at(Offset off) const noexcept {
        return reinterpret_cast<const T*>(base() + off);
    }
    Offset offsetOf(const void* p) const noexcept {
        return static_cast<Offset>(static_cast<const char*>(p) - base());
    }
    // True when [off, off + len) lies in the data region: what a reader checks before it
    // follows an offset it read while others were writing.
    bool holds(Offset off, uint64_t len) const noexcept {
        return off >= dataStart && off <= size && len <= size - off;
    }

    // --- blocks -----------------------------------------------------------------------------
    // A block of at least `bytes` usable bytes, 16-aligned; 0 when the arena is full.
    Offset allocate(uint64_t bytes) noexcept;
    // Room for an object laid out in cache lines (alignas(64): a queue, a lock, an op ring),
    // starting on a line; `*block` gets what free() takes back. 0 when the arena is full.
    Offset allocateLines(uint64_t bytes, Offset* block) noexcept {
        const Offset p = allocate(bytes + 48);
        *block = p;
        return p == 0 ? 0 : (p + 63) & ~Offset{63};
    }
    void free(Offset block) noexcept;
    // Engine side, never blocking: the block is freed by the next process that allocates.
    void reclaimLater(Offset block) noexcept;
    uint64_t capacityOf(Offset block) const noexcept; // usable bytes of a live block
    void releasePages(Offset block) noexcept;         // a big free block's pages go back

    // --- objects ----------------------------------------------------------------------------
    // The next id of the object's family (queues: 1, 2...; locks and rlocks: 1, 2...).
    uint32_t newId(ObjectKind kind) noexcept;
    // Lists a ready object in the directory, where the engine finds it; false when full.
    bool publish(ObjectKind kind, Offset offset) noexcept;

    // --- the op log -------------------------------------------------------------------------
    // Process side: the ring of the process in `slot` (the last of its chain), made on its
    // first operation; nullptr when there is no room for one.
    OpRing* ringFor(int slot, int pid) noexcept;
    // Process side: room for a record of `n` cells in `*ring`, chaining a bigger ring when it
    // is full (and moving `*ring` to it); nullptr, counted as dropped, when there is none.
    OpRecord* beginOp(OpRing*& ring, uint8_t n) noexcept;
    // Process side, after logging: true when the engine should be told now, because it has
    // not been since it last looked, so that an operation done at a learner's pace shows at
    // once while a loop of a million operations costs one message per sampling period.
    bool shouldNotify() noexcept {
        return notifyPending.load(std::memory_order_relaxed) == 0 &&
               notifyPending.exchange(1, std::memory_order_acq_rel) == 0;
    }
};

// Maps a zeroed arena of `bytes` (MAP_NORESERVE: it costs nothing until used); nullptr on
// failure with errno set.
Arena* mapArena(uint64_t bytes) noexcept;
void unmapArena(Arena* arena) noexcept;

// Locks a robust, process-shared mutex of the arena. When its holder died with it, the
// kernel hands it over with EOWNERDEAD: `recover` runs to repair what the holder was doing,
// and the mutex is marked consistent again. Returns false only if the mutex is unusable.
template <typename Recover> bool lockRobust(pthread_mutex_t* m, Recover&& recover) noexcept {
    const int r = pthread_mutex_lock(m);
    if (r == 0) return true;
    if (r == EOWNERDEAD) {
        recover();
        pthread_mutex_consistent(m);
        return true;
    }
    return false;
}
void initRobustMutex(pthread_mutex_t* m) noexcept;

} // namespace forkscope::shm

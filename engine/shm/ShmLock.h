#pragma once
// The lock under multiprocessing.Lock and RLock: one futex word in the arena that holds the
// holder's pid (as the run sees it), so that anyone, the engine included, can say who holds it.
//
// Not a pthread mutex: CPython's Lock is a semaphore, which any process may release, not only
// its holder, and a robust pthread mutex refuses that. Robustness comes from the engine
// instead: when a process dies, the engine marks every lock it held (kDead) and wakes the
// waiters; the next acquirer takes the lock over and logs a `recover` naming the dead holder.
// A lock made with robust = false ignores the mark, as CPython would: its waiters wait on.

#include "engine/shm/Arena.h"
#include "engine/shm/Fence.h"
#include "engine/shm/ShmMutex.h"
#include "engine/shm/ShmQueue.h"

namespace forkscope::shm {

struct alignas(64) ShmLock {
    // The word's layout is ShmMutex's (engine/shm/ShmMutex.h), whose markDeadInWord marks it.
    static constexpr uint32_t kPidMask = ShmMutex::kPidMask;
    static constexpr uint32_t kDead = ShmMutex::kDead; // the holder died

    std::atomic<uint32_t> word{0}; // holder pid | kDead; 0 when free
    std::atomic<uint32_t> objSeq{0};
    // Processes sleeping (or about to) on `word`. A release stores 0 into the word, then
    // looks here through a light fence; a sleeper counts itself here, then looks at the word
    // through a heavy one (engine/shm/Fence.h), so one of the two sees the other.
    std::atomic<uint32_t> sleepers{0};
    uint32_t id = 0;
    uint8_t recursive = 0;
    uint8_t robust = 1;
    std::atomic<uint64_t> ownerThread{0}; // pthread_self() of the holder (RLock, repr)
    std::atomic<uint32_t> count{0};       // RLock depth
};

ShmLock* createLock(Arena& arena, bool recursive, bool robust) noexcept;

// Who holds it, 0 if nobody.
inline int32_t holderOf(const ShmLock& l) noexcept {
    return static_cast<int32_t>(l.word.load(std::memory_order_acquire) & ShmLock::kPidMask);
}

struct Taken {
    bool ok = false;
    int32_t recoveredFrom = 0; // the dead holder it was taken from
};

// One attempt, never waiting. Inline, as are letGo() and logTurn(): an uncontended acquire and
// release are each a few nanoseconds of work, and a call across files is a good part of that.
inline Taken tryTake(ShmLock& l, int32_t pid) noexcept {
    const auto mine = static_cast<uint32_t>(pid);
    uint32_t w = l.word.load(std::memory_order_relaxed);
    for (;;) {
        if (w == 0) {
            if (l.word.compare_exchange_weak(w, mine, std::memory_order_acquire,
                                             std::memory_order_relaxed))
                return {true, 0};
            continue;
        }
        if ((w & ShmLock::kDead) && l.robust) {
            if (l.word.compare_exchange_weak(w, mine, std::memory_order_acquire,
                                             std::memory_order_relaxed))
                return {true, static_cast<int32_t>(w & ShmLock::kPidMask)};
            continue;
        }
        return {};
    }
}

// Before sleeping: the value to sleep on, or 0 when the lock looks free or takeable again and
// the caller should retry. The sleeper counts itself in `sleepers` and fences (heavyFence)
// before it sleeps on that value.
inline uint32_t prepareWait(const ShmLock& l) noexcept {
    const uint32_t w = l.word.load(std::memory_order_relaxed);
    return w == 0 || ((w & ShmLock::kDead) && l.robust) ? 0 : w;
}

void wakeOneWaiter(std::atomic<uint32_t>& word) noexcept;

// Frees a held Lock: a plain store, then a look for sleepers through a light fence.
inline void letGo(ShmLock& l) noexcept {
    l.word.store(0, std::memory_order_release);
    lightFence();
    if (l.sleepers.load(std::memory_order_relaxed) != 0) wakeOneWaiter(l.word);
}

enum class Released { Ok, NotHeld, NotOwner };
// A Lock may be released by anyone while held; an RLock only by its owner (pid and thread).
inline Released release(ShmLock& l, int32_t pid, uint64_t thread, uint32_t* countAfter) noexcept {
    *countAfter = 0;
    if (l.recursive) {
        const uint32_t w = l.word.load(std::memory_order_relaxed);
        if ((w & ShmLock::kPidMask) != static_cast<uint32_t>(pid) ||
            l.ownerThread.load(std::memory_order_relaxed) != thread)
            return Released::NotOwner;
        const uint32_t c = l.count.load(std::memory_order_relaxed);
        if (c > 1) {
            l.count.store(c - 1, std::memory_order_relaxed);
            *countAfter = c - 1;
            return Released::Ok;
        }
    }
    l.count.store(0, std::memory_order_relaxed);
    l.ownerThread.store(0, std::memory_order_relaxed);
    uint32_t w = l.word.load(std::memory_order_relaxed);
    for (;;) {
        if ((w & ShmLock::kPidMask) == 0) return Released::NotHeld;
        if (l.word.compare_exchange_weak(w, 0, std::memory_order_release,
                                         std::memory_order_relaxed))
            break;
    }
    // The compare-and-swap is a full barrier: the look at sleepers cannot come before it.
    if (l.sleepers.load(std::memory_order_relaxed) != 0) wakeOneWaiter(l.word);
    return Released::Ok;
}

// Logs a Lock's (not an RLock's) acquire or release: counted in the process's open run when it
// follows it (the same lock, the next number, no look of the engine in between), else the
// first of a new run (OpRing: runs). The release is logged before the lock is let go, so that
// it is numbered before the next holder's acquire.
void startRun(Arena& arena, const Actor& me, const ShmLock& l, bool acquire, uint32_t seq,
              bool* notify) noexcept;
inline void logTurn(Arena& a, const Actor& me, ShmLock& l, bool acquire, bool* notify) noexcept {
    // Numbered by the holder alone (see logLock): a plain increment.
    const uint32_t seq = l.objSeq.load(std::memory_order_relaxed) + 1;
    l.objSeq.store(seq, std::memory_order_relaxed);
    OpRing* ring = me.ring;
    if (!ring) return;
    if (ring->runOpen && a.clockEpoch.load(std::memory_order_relaxed) == me.stampEpoch) {
        OpRecord& run = ring->openRecord();
        if (run.object == l.id && run.objSeq + run.a == seq) {
            // One aligned store: the engine reads the count before or after it, either whole,
            // so this needs no runVersion change (only making a run does).
            std::atomic_ref<uint32_t>(run.a).store(run.a + 1, std::memory_order_release);
            return;
        }
    }
    startRun(a, me, l, acquire, seq, notify);
}

// Logs any other operation: a wait, a recover, an RLock's acquire or release.
void logLock(Arena& arena, const Actor& me, ShmLock& l, OpKind op, uint32_t holder, uint32_t extra,
             bool* notify) noexcept;

// Engine side: `pid` died; marks the locks it held and wakes their waiters.
void markDeadHolder(ShmLock& l, int32_t pid) noexcept;

} // namespace forkscope::shm

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
#include "engine/shm/ShmQueue.h"

namespace forkscope::shm {

struct alignas(64) ShmLock {
    static constexpr uint32_t kPidMask = 0x3fffffff;
    static constexpr uint32_t kDead = 0x40000000;    // the holder died
    static constexpr uint32_t kWaiters = 0x80000000; // someone may sleep on the word

    std::atomic<uint32_t> word{0}; // holder pid | flags; 0 when free
    std::atomic<uint32_t> objSeq{0};
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

// One attempt, never waiting. `waited`: the caller has slept on the word, so others may be
// sleeping too and the release must wake them.
Taken tryTake(ShmLock& l, int32_t pid, bool waited) noexcept;
// Before sleeping: the value to sleep on (with kWaiters set), or 0 when the lock looks free
// or takeable again and the caller should retry.
uint32_t prepareWait(ShmLock& l) noexcept;

enum class Released { Ok, NotHeld, NotOwner };
// A Lock may be released by anyone while held; an RLock only by its owner (pid and thread).
Released release(ShmLock& l, int32_t pid, uint64_t thread, uint32_t* countAfter) noexcept;

void logLock(Arena& arena, const Actor& me, ShmLock& l, OpKind op, uint32_t holder, uint32_t extra,
             bool* notify) noexcept;

// Engine side: `pid` died; marks the locks it held and wakes their waiters.
void markDeadHolder(ShmLock& l, int32_t pid) noexcept;

} // namespace forkscope::shm

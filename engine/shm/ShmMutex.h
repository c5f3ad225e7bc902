#pragma once
// The mutex of a queue in the arena: one futex word holding its holder's pid, so that the
// engine can say who holds it. Kill-safe without the kernel's robust list, which made every
// lock and unlock of a pthread robust mutex cost as much as the rest of a put: when a process
// dies holding it, the engine marks the word (markDeadHolder, as for a Lock), or a waiter that
// finds the holder gone does, and the next taker is told (Took::FromDead) so that it repairs
// what the holder was in the middle of. Unlocking is a plain store; a process about to sleep
// on the word counts itself and fences heavily (engine/shm/Fence.h).

#include "engine/shm/Fence.h"

#include <atomic>
#include <cstdint>

namespace forkscope::shm {

struct ShmMutex {
    static constexpr uint32_t kPidMask = 0x3fffffff;
    static constexpr uint32_t kDead = 0x40000000; // its holder died holding it

    std::atomic<uint32_t> word{0}; // holder pid | kDead; 0 when free
    std::atomic<uint32_t> sleepers{0};
};

enum class Took { Clean, FromDead };

Took lockSlow(ShmMutex& m, int32_t pid) noexcept;

inline Took lock(ShmMutex& m, int32_t pid) noexcept {
    uint32_t free = 0;
    if (m.word.compare_exchange_strong(free, static_cast<uint32_t>(pid), std::memory_order_acquire,
                                       std::memory_order_relaxed))
        return Took::Clean;
    return lockSlow(m, pid);
}

void wakeOne(ShmMutex& m) noexcept;

inline void unlock(ShmMutex& m) noexcept {
    m.word.store(0, std::memory_order_release);
    lightFence();
    if (m.sleepers.load(std::memory_order_relaxed) != 0) wakeOne(m);
}

// `pid` died: if it holds `m`, the next taker takes it over. The engine calls it when it sees
// a process exit; waiters call it when the holder is gone from the system.
void markDeadHolder(ShmMutex& m, int32_t pid) noexcept;
// The same for any word laid out as ShmMutex's (holder pid | kDead), a Lock's included: sets
// kDead if `pid` holds it, and wakes whoever sleeps on it.
void markDeadInWord(std::atomic<uint32_t>& word, int32_t pid) noexcept;

} // namespace forkscope::shm

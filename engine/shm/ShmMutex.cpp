#include "engine/shm/ShmMutex.h"

#include "engine/channel/Futex.h"

#include <cerrno>
#include <csignal>
#include <ctime>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace forkscope::shm {

namespace {

// A queue's holder keeps it for a few hundred nanoseconds: spin that long and then some
// before paying for a sleep (a heavy fence, a futex wait and a wake-up).
constexpr int64_t kSpinNs = 20'000;
// A sleeper looks at whether the holder still exists this often (the engine marks a dead
// holder at once, unless it is busy; this covers that).
constexpr int64_t kLivenessNs = 50'000'000;
constexpr int64_t kUnfencedNs = 1'000'000;

int64_t nowNs() noexcept {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

} // namespace

void wakeOne(ShmMutex& m) noexcept {
    syscall(SYS_futex, reinterpret_cast<uint32_t*>(&m.word), FUTEX_WAKE, 1, nullptr, nullptr, 0);
}

Took lockSlow(ShmMutex& m, int32_t pid) noexcept {
    const auto mine = static_cast<uint32_t>(pid);
    const int64_t start = nowNs();
    for (int turn = 1;; ++turn) {
        uint32_t w = m.word.load(std::memory_order_relaxed);
        if (w == 0 || (w & ShmMutex::kDead)) {
            if (m.word.compare_exchange_weak(w, mine, std::memory_order_acquire,
                                             std::memory_order_relaxed))
                return w == 0 ? Took::Clean : Took::FromDead;
            continue;
        }
        if (turn % 64 != 0 || nowNs() - start < kSpinNs) {
#if defined(__x86_64__)
            _mm_pause();
#endif
            continue;
        }
        m.sleepers.fetch_add(1, std::memory_order_seq_cst);
        const bool fenced = heavyFence();
        if (m.word.load(std::memory_order_relaxed) == w &&
            channel::futexWait(&m.word, w, fenced ? kLivenessNs : kUnfencedNs) == ETIMEDOUT) {
            const auto holder = static_cast<pid_t>(w & ShmMutex::kPidMask);
            if (kill(holder, 0) != 0 && errno == ESRCH) markDeadHolder(m, holder);
        }
        m.sleepers.fetch_sub(1, std::memory_order_seq_cst);
    }
}

void markDeadInWord(std::atomic<uint32_t>& word, int32_t pid) noexcept {
    uint32_t w = word.load(std::memory_order_acquire);
    while ((w & ShmMutex::kPidMask) == static_cast<uint32_t>(pid) && !(w & ShmMutex::kDead)) {
        if (word.compare_exchange_weak(w, w | ShmMutex::kDead, std::memory_order_acq_rel)) {
            channel::futexWakeAll(&word);
            return;
        }
    }
}

void markDeadHolder(ShmMutex& m, int32_t pid) noexcept {
    markDeadInWord(m.word, pid);
}

} // namespace forkscope::shm

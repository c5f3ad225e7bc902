#include "engine/channel/SharedState.h"

#include "engine/channel/Futex.h"

#include <csignal>
#include <ctime>
#include <new>
#include <sys/mman.h>

namespace forkscope::channel {

static_assert(std::atomic<double>::is_always_lock_free && std::atomic<int64_t>::is_always_lock_free,
              "shared state must not hide locks");

const char* toString(WaitReason reason) noexcept {
    switch (reason) {
    case WaitReason::None:
        return "";
    case WaitReason::Sleep:
        return "sleep";
    case WaitReason::Join:
        return "join";
    case WaitReason::Wait:
        return "wait";
    case WaitReason::QueueGet:
        return "queue-get";
    case WaitReason::QueuePut:
        return "queue-put";
    case WaitReason::Lock:
        return "lock";
    case WaitReason::Io:
        return "io";
    case WaitReason::Result:
        return "result";
    }
    return "";
}

int sampleSignal() noexcept {
    // Real-time signals queue and carry no meaning of their own; CPython leaves this one alone.
    return SIGRTMIN + 3;
}

int SharedState::claim(int pid) noexcept {
    for (std::size_t i = 0; i < kSlots; ++i) {
        int32_t expected = 0;
        if (slots[i].pid.compare_exchange_strong(expected, pid, std::memory_order_acq_rel)) {
            slots[i].line.store(0, std::memory_order_relaxed);
            slots[i].on.store(0, std::memory_order_relaxed);
            slots[i].onId.store(0, std::memory_order_relaxed);
            slots[i].atGate.store(0, std::memory_order_relaxed);
            slots[i].permits.store(0, std::memory_order_relaxed);
            return static_cast<int>(i);
        }
    }
    return -1;
}

void SharedState::release(int index) noexcept {
    if (Slot* s = slot(index)) s->pid.store(0, std::memory_order_release);
}

void SharedState::grantStep(int index) noexcept {
    if (Slot* s = slot(index)) {
        s->permits.fetch_add(1, std::memory_order_acq_rel);
        s->wake.fetch_add(1, std::memory_order_acq_rel);
        futexWakeAll(&s->wake);
    }
}

void SharedState::wakeAllGates() noexcept {
    for (auto& s : slots) {
        if (s.pid.load(std::memory_order_relaxed) == 0) continue;
        s.wake.fetch_add(1, std::memory_order_acq_rel);
        futexWakeAll(&s.wake);
    }
}

void SharedState::gate(int index) noexcept {
    Slot* s = slot(index);
    if (!s) return;
    bool held = false;
    for (;;) {
        // Read the futex word before the conditions: a grant that lands after this read
        // changes the word, so the wait below returns at once instead of missing it.
        const uint32_t seen = s->wake.load(std::memory_order_acquire);
        if (!paused.load(std::memory_order_acquire)) break;
        uint32_t permits = s->permits.load(std::memory_order_acquire);
        if (permits > 0 &&
            s->permits.compare_exchange_strong(permits, permits - 1, std::memory_order_acq_rel))
            break;
        if (!held) {
            held = true;
            s->atGate.store(1, std::memory_order_release);
        }
        futexWait(&s->wake, seen);
    }
    if (held) s->atGate.store(0, std::memory_order_release);
}

void SharedState::setBreakLines(const int* lines, std::size_t count) noexcept {
    breakArmed.store(0, std::memory_order_release);
    for (auto& word : breakBits)
        word.store(0, std::memory_order_relaxed);
    uint32_t armed = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const int line = lines[i];
        if (line <= 0 || line >= kBreakLines) continue;
        const uint64_t bit = uint64_t{1} << (line % 64);
        if (!(breakBits[line / 64].fetch_or(bit, std::memory_order_relaxed) & bit)) ++armed;
    }
    breakGeneration.fetch_add(1, std::memory_order_acq_rel);
    breakArmed.store(armed, std::memory_order_release);
}

bool SharedState::takeBreak(int line) noexcept {
    if (line <= 0 || line >= kBreakLines) return false;
    const uint64_t bit = uint64_t{1} << (line % 64);
    if (!(breakBits[line / 64].fetch_and(~bit, std::memory_order_acq_rel) & bit)) return false;
    breakArmed.fetch_sub(1, std::memory_order_acq_rel);
    return true;
}

SharedState* mapSharedState() noexcept {
    void* p = mmap(nullptr, sizeof(SharedState), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
                   -1, 0);
    if (p == MAP_FAILED) return nullptr;
    return new (p) SharedState();
}

void unmapSharedState(SharedState* state) noexcept {
    if (state) munmap(state, sizeof(SharedState));
}

int64_t monotonicNs() noexcept {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

double scenarioSeconds(const SharedState& state) noexcept {
    const int64_t elapsed = monotonicNs() - state.originNs.load(std::memory_order_acquire);
    return static_cast<double>(elapsed) * 1e-9 * state.speed.load(std::memory_order_acquire);
}

} // namespace forkscope::channel

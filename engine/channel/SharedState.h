#pragma once
// Memory shared by the engine and every process of a run, mapped before the run's init is
// created so that each fork inherits it. Lesson processes write where they are (line, what
// they block on) with plain stores; the engine reads it while it samples /proc. That keeps
// line tracking free of messages: a busy loop changes its line millions of times a second,
// and the engine only needs the value at each sample.

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace forkscope::channel {

// What a process blocks on inside a call the runtime implements. The kernel only says
// "sleeping"; this says why, in the learner's terms.
enum class WaitReason : uint32_t {
    None = 0,
    Sleep,
    Join,
    Wait,
    QueueGet,
    QueuePut,
    Lock,
    Io,
    Result,
};
const char* toString(WaitReason reason) noexcept;

struct alignas(64) Slot {
    std::atomic<int32_t> pid{0};      // pid (as the run sees it) owning the slot; 0 when free
    std::atomic<int32_t> line{0};     // script line about to run; 0 before the first
    std::atomic<uint32_t> on{0};      // WaitReason while blocked in one of the runtime's calls
    std::atomic<uint32_t> onId{0};    // with QueueGet, QueuePut, Lock: the queue's or lock's number
    std::atomic<uint32_t> atGate{0};  // 1 while held before a line in step mode
    std::atomic<uint32_t> permits{0}; // lines the engine lets it run while the run is paused
    std::atomic<uint32_t> wake{0};    // futex word the gate sleeps on; bumped to wake it
};

// The signal the engine sends a process that ran since its last look, asking it to note its
// current line in its slot (and, while the run is paused, to stop at its next line). Lines are
// sampled, not traced: tracing every line makes CPython several times slower.
int sampleSignal() noexcept;

struct SharedState {
    static constexpr uint32_t kMagic = 0x466b5363; // "FkSc"
    static constexpr std::size_t kSlots = 1024;

    uint32_t magic = kMagic;
    std::atomic<uint32_t> paused{0};  // step mode: every process stops before its next line
    std::atomic<double> speed{1.0};   // time.sleep divides by it
    std::atomic<int64_t> originNs{0}; // CLOCK_MONOTONIC at the run's start
    // Breakpoints: a bit per script line, cleared by the first process that reaches it.
    // `breakArmed` counts the bits still set, so that a process knows with one load whether
    // it needs its tracer; `breakGeneration` changes with every new set, so that a process
    // knows its notes on which functions hold one are stale.
    static constexpr int kBreakLines = 65536;
    std::atomic<uint32_t> breakArmed{0};
    std::atomic<uint32_t> breakGeneration{0};
    std::atomic<uint64_t> breakBits[kBreakLines / 64];
    Slot slots[kSlots];

    // Process side: takes a free slot for `pid`; -1 when all are taken.
    int claim(int pid) noexcept;
    // Engine side: frees a slot once its process is gone.
    void release(int index) noexcept;
    Slot* slot(int index) noexcept {
        return index >= 0 && static_cast<std::size_t>(index) < kSlots ? &slots[index] : nullptr;
    }

    // Engine side: let the process in `index` run one more line while paused.
    void grantStep(int index) noexcept;
    // Engine side: wake every gate so that each re-reads `paused`.
    void wakeAllGates() noexcept;
    // Process side: called before each script line; returns at once unless paused.
    void gate(int index) noexcept;

    // Engine side: replaces the breakpoints (lines from 1 to kBreakLines - 1).
    void setBreakLines(const int* lines, std::size_t count) noexcept;
    bool isBreakLine(int line) const noexcept {
        return line > 0 && line < kBreakLines &&
               (breakBits[line / 64].load(std::memory_order_relaxed) >> (line % 64) & 1) != 0;
    }
    // Process side: true for exactly one caller, the first to reach `line` while it is set.
    bool takeBreak(int line) noexcept;
};

// Maps a zeroed SharedState that fork() children share; nullptr on failure (errno set).
SharedState* mapSharedState() noexcept;
void unmapSharedState(SharedState* state) noexcept;

// Seconds of scenario time since the run started: real time scaled by the run's speed. The
// engine folds speed changes into originNs so that the clock stays continuous.
double scenarioSeconds(const SharedState& state) noexcept;
int64_t monotonicNs() noexcept;

} // namespace forkscope::channel

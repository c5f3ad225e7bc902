#include "engine/runtime/SharedObjects.h"

#include "engine/channel/Futex.h"
#include "engine/runtime/ProcessContext.h"
#include "engine/shm/Fence.h"

#include <cerrno>
#include <cstring>
#include <sched.h>
#include <string>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace forkscope::runtime {

namespace detail {

shm::Actor g_actor{-2, 0, nullptr, nullptr};
const ProcessContext* g_context = nullptr;

shm::Arena& arenaSlow() {
    g_context = &context();
    shm::Arena* a = g_context->arena;
    if (!a) raise(PyExc_RuntimeError, "Forkscope's shared memory is not available in this process");
    return *a;
}

const shm::Actor& actorSlow() {
    const ProcessContext& ctx = context();
    g_context = &ctx;
    g_actor = shm::Actor{};
    g_actor.slot = ctx.slot;
    g_actor.pid = ctx.pid;
    if (ctx.arena && ctx.slot >= 0 && static_cast<std::size_t>(ctx.slot) < shm::Arena::kMaxSlots) {
        g_actor.inflight = &ctx.arena->inflight[ctx.slot];
        g_actor.ring = ctx.arena->ringFor(ctx.slot, ctx.pid);
    }
    return g_actor;
}

} // namespace detail

void tellEngine() noexcept {
    const ProcessContext& ctx = context();
    channel::send(ctx.controlFd, {channel::MessageType::Arena, ctx.pid, 0, 0, 0, {}, {}});
}

void raiseArenaFull(const char* what) {
    const uint64_t mib = context().arena ? context().arena->size >> 20 : 0;
    raise(PyExc_MemoryError, std::string(what) +
                                 ": the run's shared memory for queues and locks (" +
                                 std::to_string(mib) + " MiB) is full");
}

int64_t deadlineAfter(double lessonSeconds) noexcept {
    const double real = realSeconds(lessonSeconds > 0 ? lessonSeconds : 0);
    return channel::monotonicNs() + static_cast<int64_t>(real * 1e9);
}

namespace {

// A few tens of microseconds: a handover between two processes on two CPUs takes less, and a
// futex sleep and wake-up costs more than that.
constexpr int64_t kSpinNs = 30'000;

// Spins until `ready()`, for about `spinNs`; true if it came.
template <typename Ready> bool spinUntil(Ready ready, int64_t spinNs) noexcept {
    const int64_t start = channel::monotonicNs();
    // First a couple of microseconds of pure spinning: the other side, on another CPU, is
    // usually that close. Then yield between looks: if the other side shares our CPU, it gets
    // to run (spinning would only burn the time it needs), and if not, a yield is cheap.
    constexpr int64_t kPureSpinNs = 2'000;
    for (;;) {
        for (int i = 0; i < 64; ++i) {
            if (ready()) return true;
#if defined(__x86_64__)
            _mm_pause();
#endif
        }
        const int64_t spent = channel::monotonicNs() - start;
        if (spent >= spinNs) return false;
        if (spent >= kPureSpinNs) sched_yield();
    }
}

// Sleeps on `word` while it holds `seen` (without the GIL, counted in `waiters`) unless
// `ready()` on a last look after counting; 0, ETIMEDOUT or EINTR as futexWait. `*sliced`: the
// sleep was cut short because the heavy fence failed (a wake-up could be missed).
template <typename Ready>
int sleepUnless(std::atomic<uint32_t>& word, std::atomic<uint32_t>* waiters, int64_t left,
                Fenced fenced, bool* sliced, Ready ready) {
    if (waiters) waiters->fetch_add(1, std::memory_order_seq_cst);
    // Pairs with the waker's fence: either it sees us counted, or we see its change. A waker
    // that fences lightly (Fenced::Asymmetric) needs the heavy fence here.
    constexpr int64_t kUnfencedSliceNs = 1'000'000;
    *sliced = false;
    if (fenced == Fenced::Asymmetric) {
        if (!shm::heavyFence() && (left < 0 || left > kUnfencedSliceNs)) {
            left = kUnfencedSliceNs;
            *sliced = true;
        }
    } else {
        std::atomic_thread_fence(std::memory_order_seq_cst);
    }
    const uint32_t seen = word.load(std::memory_order_seq_cst);
    int r = 0;
    if (!ready(seen)) {
        Py_BEGIN_ALLOW_THREADS r = channel::futexWait(&word, seen, left);
        Py_END_ALLOW_THREADS
    }
    if (waiters) waiters->fetch_sub(1, std::memory_order_seq_cst);
    return r;
}

// The sleeping part of a wait, after the spinning: true once woken, false at the deadline.
template <typename Ready>
bool sleepUntil(std::atomic<uint32_t>& word, std::atomic<uint32_t>* waiters, int64_t deadlineNs,
                Fenced fenced, Ready ready) {
    for (;;) {
        int64_t left = -1;
        if (deadlineNs >= 0) {
            left = deadlineNs - channel::monotonicNs();
            if (left <= 0) return false;
        }
        bool sliced = false;
        const int r = sleepUnless(word, waiters, left, fenced, &sliced, ready);
        if (r == EINTR) {
            if (PyErr_CheckSignals() != 0) throw py::error_already_set();
            continue;
        }
        if (r == ETIMEDOUT && sliced) return true; // a slice is up, not the deadline: look again
        return r != ETIMEDOUT;
    }
}

} // namespace

bool waitForChange(std::atomic<uint32_t>& word, uint32_t seen, std::atomic<uint32_t>* waiters,
                   int64_t deadlineNs, channel::WaitReason reason,
                   std::optional<BlockedOn>& blocked, uint32_t id, Fenced fenced) {
    if (spinUntil([&] { return word.load(std::memory_order_acquire) != seen; }, kSpinNs))
        return true;
    if (!blocked) blocked.emplace(reason, id);
    // The word itself is what changes: sleep on the value seen before the caller last looked.
    return sleepUntil(word, waiters, deadlineNs, fenced, [&](uint32_t now) { return now != seen; });
}

bool waitForQueue(shm::ShmQueue& q, bool forRoom, int64_t deadlineNs, channel::WaitReason reason,
                  std::optional<BlockedOn>& blocked) {
    auto ready = [&q, forRoom] { return forRoom ? shm::hasRoom(q) : shm::hasItems(q); };
    if (spinUntil(ready, kSpinNs)) return true;
    if (!blocked) blocked.emplace(reason, q.id);
    // A put (get) looks for sleepers through a light fence (engine/shm/ShmQueue.cpp).
    return sleepUntil(forRoom ? q.getSeq : q.putSeq, forRoom ? &q.putWaiters : &q.getWaiters,
                      deadlineNs, Fenced::Asymmetric, [&](uint32_t) { return ready(); });
}

bool parseArgs(const char* name, bool pythonStyle, PyObject* const* args, Py_ssize_t nargs,
               PyObject* kwnames, std::initializer_list<const char*> params, std::size_t required,
               PyObject** out) {
    const auto n = static_cast<Py_ssize_t>(params.size());
    for (Py_ssize_t i = 0; i < n; ++i)
        out[i] = nullptr;
    const Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    if (nargs > n) {
        if (pythonStyle) {
            // Counting self, as a method written in Python does.
            const std::string takes =
                required == params.size()
                    ? std::to_string(n + 1)
                    : "from " + std::to_string(required + 1) + " to " + std::to_string(n + 1);
            PyErr_Format(PyExc_TypeError, "%s() takes %s positional arguments but %zd were given",
                         name, takes.c_str(), nargs + 1);
        } else {
            PyErr_Format(PyExc_TypeError, "%s() takes at most %zd argument%s (%zd given)", name, n,
                         n == 1 ? "" : "s", nargs + nkw);
        }
        return false;
    }
    for (Py_ssize_t i = 0; i < nargs; ++i)
        out[i] = args[i];
    for (Py_ssize_t k = 0; k < nkw; ++k) {
        PyObject* key = PyTuple_GET_ITEM(kwnames, k);
        Py_ssize_t at = -1;
        Py_ssize_t i = 0;
        for (const char* p : params) {
            if (PyUnicode_CompareWithASCIIString(key, p) == 0) {
                at = i;
                break;
            }
            ++i;
        }
        if (at < 0) {
            if (pythonStyle)
                PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%U'", name,
                             key);
            else
                PyErr_Format(PyExc_TypeError, "'%U' is an invalid keyword argument for %s()", key,
                             name);
            return false;
        }
        if (out[at]) {
            PyErr_Format(PyExc_TypeError, "%s() got multiple values for argument '%s'", name,
                         *(params.begin() + at));
            return false;
        }
        out[at] = args[nargs + k];
    }
    for (std::size_t i = 0; i < required; ++i) {
        if (!out[i]) {
            if (pythonStyle)
                PyErr_Format(PyExc_TypeError, "%s() missing 1 required positional argument: '%s'",
                             name, *(params.begin() + static_cast<std::ptrdiff_t>(i)));
            else
                PyErr_Format(PyExc_TypeError, "%s() missing required argument '%s' (pos %zu)", name,
                             *(params.begin() + static_cast<std::ptrdiff_t>(i)), i + 1);
            return false;
        }
    }
    return true;
}

} // namespace forkscope::runtime

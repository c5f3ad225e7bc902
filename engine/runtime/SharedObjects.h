#pragma once
// What Queue and Lock share inside a lesson process: the arena, this process's actor (its
// slot, pid, op ring and in-flight record, renewed after a fork), telling the engine that the
// op ring has news, waiting on a futex word the way a learner's process should be seen waiting,
// and a small argument parser for the methods hot enough to skip pybind11's dispatch.

#include "engine/channel/SharedState.h"
#include "engine/runtime/ProcessContext.h"
#include "engine/runtime/PyUtil.h"
#include "engine/shm/ShmQueue.h"

#include <atomic>
#include <cstdint>
#include <initializer_list>
#include <optional>

namespace forkscope::runtime {

namespace detail {
extern shm::Actor g_actor;
extern const ProcessContext* g_context;
shm::Arena& arenaSlow();
const shm::Actor& actorSlow();
} // namespace detail

// The arena, or a RuntimeError when the process runs without one. Inline, as is actor():
// a lock's acquire and release are a few nanoseconds of work each, and every call counts.
inline shm::Arena& arena() {
    const ProcessContext* ctx = detail::g_context;
    return ctx && ctx->arena ? *ctx->arena : detail::arenaSlow();
}
// This process's actor: a forked child has a slot (and pid) of its own, and must not log into
// its parent's ring.
inline const shm::Actor& actor() {
    const ProcessContext* ctx = detail::g_context;
    if (ctx && ctx->slot == detail::g_actor.slot && ctx->pid == detail::g_actor.pid)
        return detail::g_actor;
    return detail::actorSlow();
}
void tellEngine() noexcept;
[[noreturn]] void raiseArenaFull(const char* what);

// Lesson seconds (None: no limit) as an absolute CLOCK_MONOTONIC deadline; -1 for none.
int64_t deadlineAfter(double lessonSeconds) noexcept;

// Waits until `word` no longer holds `seen` or `deadlineNs` passes (-1: never): first spins a
// little, since the other side of a small queue or a short lock is usually a few microseconds
// away, then sleeps on the futex without the GIL, counted in `waiters` (so that wakers know to
// make the system call) and marked as waiting on `reason` (and object `id`, the queue's or
// lock's number). Returns false on timeout; throws when a signal handler raised.
// `fenced`: Asymmetric when the waker stores, then looks at `waiters` through only a light
// fence (engine/shm/Fence.h), so the waiter fences heavily once counted.
enum class Fenced { Symmetric, Asymmetric };
bool waitForChange(std::atomic<uint32_t>& word, uint32_t seen, std::atomic<uint32_t>* waiters,
                   int64_t deadlineNs, channel::WaitReason reason,
                   std::optional<BlockedOn>& blocked, uint32_t id = 0,
                   Fenced fenced = Fenced::Symmetric);

// The same for a queue's getter (`forRoom` false: until it has an item) or putter (until it
// has room): spins watching head and tail, then sleeps on putSeq (getSeq), which a put (get)
// bumps only when it sees this sleeper counted.
bool waitForQueue(shm::ShmQueue& q, bool forRoom, int64_t deadlineNs, channel::WaitReason reason,
                  std::optional<BlockedOn>& blocked);

// Arguments of a METH_FASTCALL | METH_KEYWORDS call, by parameter name, with CPython's own
// TypeErrors: `pythonStyle` words them as for a function written in Python ("Queue.put()
// missing 1 required positional argument: 'obj'"), otherwise as for a builtin ("acquire()
// takes at most 2 arguments (3 given)"). Missing optional ones stay nullptr.
bool parseArgs(const char* name, bool pythonStyle, PyObject* const* args, Py_ssize_t nargs,
               PyObject* kwnames, std::initializer_list<const char*> params, std::size_t required,
               PyObject** out);

// The C++ object behind a pybind11 instance, without pybind11's type lookup (these are the
// hottest calls a script makes); nullptr with TypeError set if __init__ never ran.
template <typename T> T* instanceOf(PyObject* self) {
    auto* inst = reinterpret_cast<py::detail::instance*>(self);
    void* p = inst->simple_layout ? inst->simple_value_holder[0] : nullptr;
    if (!p && !inst->simple_layout) {
        try {
            p = py::handle(self).cast<T*>();
        } catch (...) {
            p = nullptr;
        }
    }
    if (!p)
        PyErr_SetString(PyExc_TypeError,
                        "the object was not initialised (__init__ was not called)");
    return static_cast<T*>(p);
}

} // namespace forkscope::runtime

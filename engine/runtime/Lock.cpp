#include "engine/runtime/Lock.h"

#include "engine/runtime/ProcessContext.h"
#include "engine/runtime/SharedObjects.h"
#include "engine/shm/ShmLock.h"

#include <cerrno>
#include <csignal>
#include <exception>
#include <pthread.h>
#include <string>
#include <structmember.h>

namespace forkscope::runtime {

namespace {

// A plain CPython object, not a pybind11 one: acquire() and release() reach the lock with one
// load from `self`, where pybind11's instance layout took three dependent ones, which is a
// tenth of an uncontended acquire and release.
struct LockObject {
    PyObject ob_base; // PyObject_HEAD, spelled out so that formatting keeps it on its own line
    shm::ShmLock* l;
    PyObject* dict; // attributes a script sets, as it may on CPython's (a Python class)
};

// The lock behind `self`, or nullptr with TypeError set when __init__ never ran (a subclass
// that did not call it).
shm::ShmLock* lockOf(PyObject* self) {
    shm::ShmLock* l = reinterpret_cast<LockObject*>(self)->l;
    if (!l)
        PyErr_SetString(PyExc_TypeError,
                        "the object was not initialised (__init__ was not called)");
    return l;
}

constexpr int64_t kLivenessCheckNs = 250'000'000;

// pthread_self(), kept per thread: the call costs more than the rest of recording the holder.
// A forked child's one thread has its parent's forking thread's value, so it stays right.
uint64_t thisThread() {
    thread_local uint64_t self = 0;
    if (self == 0) self = static_cast<uint64_t>(pthread_self());
    return self;
}

bool isMine(const shm::ShmLock& l, int32_t pid) {
    return shm::holderOf(l) == pid && l.ownerThread.load(std::memory_order_relaxed) == thisThread();
}

void log(const shm::Actor& me, shm::ShmLock& l, shm::OpKind op, uint32_t holder, uint32_t extra) {
    bool notify = false;
    shm::logLock(arena(), me, l, op, holder, extra, &notify);
    if (notify) tellEngine();
}

// A Lock's acquire or release (see shm::logTurn). Inlined: it is half the cost of an
// uncontended acquire or release beyond its one atomic instruction.
[[gnu::always_inline]] inline void logTurn(const shm::Actor& me, shm::ShmLock& l, bool acquire) {
    bool notify = false;
    shm::logTurn(arena(), me, l, acquire, &notify);
    if (notify) tellEngine();
}

// The holder of `w` is gone without the engine having said so yet (it might be a zombie, which
// the engine sees; this catches a holder that is not even that any more).
void checkHolderAlive(shm::ShmLock& l, uint32_t w) {
    const auto holder = static_cast<pid_t>(w & shm::ShmLock::kPidMask);
    if (holder > 0 && kill(holder, 0) != 0 && errno == ESRCH) shm::markDeadHolder(l, holder);
}

// SemLock.acquire(block=True, timeout=None).
PyObject* doAcquire(PyObject* self, PyObject* blockObj, PyObject* timeoutObj) {
    shm::ShmLock* lp = lockOf(self);
    if (!lp) return nullptr;
    shm::ShmLock& l = *lp;
    try {
        const shm::Actor& me = actor();
        if (l.recursive && isMine(l, me.pid)) {
            const uint32_t c = l.count.load(std::memory_order_relaxed) + 1;
            l.count.store(c, std::memory_order_relaxed);
            log(me, l, shm::OpKind::LockAcquire, static_cast<uint32_t>(me.pid), c);
            Py_RETURN_TRUE;
        }
        int block = 1;
        if (blockObj) {
            if (!PyLong_Check(blockObj)) {
                PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                             Py_TYPE(blockObj)->tp_name);
                return nullptr;
            }
            block = PyObject_IsTrue(blockObj);
        }
        int64_t deadline = -1;
        bool noWait = !block;
        if (timeoutObj && timeoutObj != Py_None) {
            const double t = PyFloat_AsDouble(timeoutObj);
            if (t == -1.0 && PyErr_Occurred()) return nullptr;
            if (block) {
                deadline = deadlineAfter(t < 0 ? 0 : t);
                noWait = !(t > 0);
            }
        }
        shm::Taken taken = shm::tryTake(l, me.pid);
        if (!taken.ok && !noWait) {
            log(me, l, shm::OpKind::LockWait, static_cast<uint32_t>(shm::holderOf(l)), 0);
            std::optional<BlockedOn> blocked;
            for (;;) {
                taken = shm::tryTake(l, me.pid);
                if (taken.ok) break;
                const int64_t now = channel::monotonicNs();
                if (deadline >= 0 && now >= deadline) break;
                const uint32_t w = shm::prepareWait(l);
                if (w == 0) continue; // free, or its holder died: try again at once
                checkHolderAlive(l, w);
                const int64_t slice = now + kLivenessCheckNs;
                waitForChange(l.word, w, &l.sleepers,
                              deadline >= 0 ? std::min(deadline, slice) : slice,
                              channel::WaitReason::Lock, blocked, l.id, Fenced::Asymmetric);
            }
        }
        if (!taken.ok) Py_RETURN_FALSE;
        l.ownerThread.store(thisThread(), std::memory_order_relaxed);
        if (l.recursive) l.count.store(1, std::memory_order_relaxed); // an RLock's depth
        if (taken.recoveredFrom)
            log(me, l, shm::OpKind::LockRecover, static_cast<uint32_t>(me.pid),
                static_cast<uint32_t>(taken.recoveredFrom));
        else if (l.recursive)
            log(me, l, shm::OpKind::LockAcquire, static_cast<uint32_t>(me.pid), 1);
        else
            logTurn(me, l, true);
        Py_RETURN_TRUE;
    } catch (py::error_already_set& e) {
        e.restore();
        return nullptr;
    }
}

// An RLock's release(): only its owner (pid and thread) may, one level at a time.
PyObject* releaseRLock(shm::ShmLock& l) {
    const shm::Actor& me = actor();
    if (!isMine(l, me.pid)) {
        PyErr_SetString(PyExc_AssertionError,
                        "attempt to release recursive lock not owned by thread");
        return nullptr;
    }
    const uint32_t c = l.count.load(std::memory_order_relaxed);
    // Logged before the lock changes hands, so that its release comes before the next
    // holder's acquire.
    log(me, l, shm::OpKind::LockRelease, c > 1 ? static_cast<uint32_t>(me.pid) : 0,
        c > 1 ? c - 1 : 0);
    uint32_t countAfter = 0;
    if (shm::release(l, me.pid, thisThread(), &countAfter) != shm::Released::Ok) {
        PyErr_SetString(PyExc_AssertionError,
                        "attempt to release recursive lock not owned by thread");
        return nullptr;
    }
    Py_RETURN_NONE;
}

// acquire() of a free Lock, the call a loop makes most: one compare-and-swap and a turn in the
// open run, without doAcquire's arguments, recursion and waiting. False when it is not free
// (or an RLock): doAcquire then does the rest.
bool takeIfFree(shm::ShmLock& l) {
    if (l.recursive) return false;
    const shm::Actor& me = actor();
    uint32_t free = 0;
    if (!l.word.compare_exchange_strong(free, static_cast<uint32_t>(me.pid),
                                        std::memory_order_acquire, std::memory_order_relaxed))
        return false;
    l.ownerThread.store(thisThread(), std::memory_order_relaxed); // count: an RLock's only
    logTurn(me, l, true);
    return true;
}

PyObject* lockAcquire(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
    if (nargs == 0 && !kwnames) {
        shm::ShmLock* l = lockOf(self);
        if (!l) return nullptr;
        if (takeIfFree(*l)) Py_RETURN_TRUE;
        return doAcquire(self, nullptr, nullptr);
    }
    PyObject* a[2];
    if (!parseArgs("acquire", false, args, nargs, kwnames, {"block", "timeout"}, 0, a))
        return nullptr;
    return doAcquire(self, a[0], a[1]);
}

PyObject* lockRelease(PyObject* self, PyObject*) {
    shm::ShmLock* lp = lockOf(self);
    if (!lp) return nullptr;
    shm::ShmLock& l = *lp;
    if (l.recursive) return releaseRLock(l);
    // A Lock: anyone may release it while it is held (a semaphore, as CPython's). Logged
    // first (see logTurn), then let go with a plain store (shm::letGo). Two processes that
    // release it at the same moment both succeed, as with CPython's check-then-post.
    if (shm::holderOf(l) == 0) {
        PyErr_SetString(PyExc_ValueError, "semaphore or lock released too many times");
        return nullptr;
    }
    logTurn(actor(), l, false);
    l.ownerThread.store(0, std::memory_order_relaxed);
    shm::letGo(l);
    Py_RETURN_NONE;
}

PyObject* lockEnter(PyObject* self, PyObject*) {
    return lockAcquire(self, nullptr, 0, nullptr);
}

PyObject* lockExit(PyObject* self, PyObject* const*, Py_ssize_t) {
    PyObject* r = lockRelease(self, nullptr);
    if (!r) return nullptr;
    Py_DECREF(r);
    Py_RETURN_NONE;
}

bool robustLocks() {
    py::module_ mp = py::module_::import("multiprocessing");
    if (!py::hasattr(mp, "_forkscope_robust_locks")) return true;
    return PyObject_IsTrue(mp.attr("_forkscope_robust_locks").ptr()) != 0;
}

std::string typeName(PyObject* self) {
    return Py_TYPE(self)->tp_name ? std::string(_PyType_Name(Py_TYPE(self))) : "Lock";
}

std::string ownerName(bool mine, const shm::ShmLock& l) {
    if (mine) {
        std::string name =
            py::str(py::module_::import("multiprocessing").attr("current_process")().attr("name"));
        py::object thread = py::module_::import("threading").attr("current_thread")();
        const std::string tname = py::str(thread.attr("name"));
        if (tname != "MainThread") name += "|" + tname;
        return name;
    }
    const int32_t holder = shm::holderOf(l);
    if (holder == 0) return "None";
    return holder == context().pid ? "SomeOtherThread" : "SomeOtherProcess";
}

// Runs `f` (which may throw pybind11's errors) as a CPython slot: nullptr with the error set.
template <typename F> PyObject* guarded(F&& f) {
    try {
        return f();
    } catch (py::error_already_set& e) {
        e.restore();
    } catch (const std::exception& e) {
        PyErr_SetString(PyExc_RuntimeError, e.what());
    }
    return nullptr;
}

PyObject* lockRepr(PyObject* self) {
    shm::ShmLock* l = lockOf(self);
    if (!l) return nullptr;
    return guarded([&] {
        const bool mine = isMine(*l, context().pid);
        const std::string name = ownerName(mine, *l);
        std::string text;
        if (l->recursive) {
            const std::string count = mine             ? std::to_string(l->count.load())
                                      : name == "None" ? "0"
                                                       : "nonzero";
            text = "<" + typeName(self) + "(" + name + ", " + count + ")>";
        } else {
            text = "<" + typeName(self) + "(owner=" + name + ")>";
        }
        return PyUnicode_FromStringAndSize(text.data(), static_cast<Py_ssize_t>(text.size()));
    });
}

PyObject* notInheritance(PyObject* self, PyObject*) {
    const std::string text =
        typeName(self) + " objects should only be shared between processes through inheritance";
    PyErr_SetString(PyExc_RuntimeError, text.c_str());
    return nullptr;
}

PyObject* lockId(PyObject* self, void*) {
    shm::ShmLock* l = lockOf(self);
    return l ? PyLong_FromUnsignedLong(l->id) : nullptr;
}

template <bool Recursive> int lockInit(PyObject* self, PyObject* args, PyObject* kwargs) {
    if (PyTuple_GET_SIZE(args) != 0 || (kwargs && PyDict_GET_SIZE(kwargs) != 0)) {
        PyErr_Format(PyExc_TypeError, "%s() takes no arguments", _PyType_Name(Py_TYPE(self)));
        return -1;
    }
    auto* lo = reinterpret_cast<LockObject*>(self);
    if (lo->l) return 0; // __init__ again: the same lock
    PyObject* ok = guarded([&]() -> PyObject* {
        lo->l = shm::createLock(arena(), Recursive, robustLocks());
        if (!lo->l) raiseArenaFull(Recursive ? "RLock()" : "Lock()");
        Py_RETURN_NONE;
    });
    if (!ok) return -1;
    Py_DECREF(ok);
    return 0;
}

int lockTraverse(PyObject* self, visitproc visit, void* arg) {
    Py_VISIT(reinterpret_cast<LockObject*>(self)->dict);
    Py_VISIT(Py_TYPE(self)); // a heap type
    return 0;
}

int lockClear(PyObject* self) {
    Py_CLEAR(reinterpret_cast<LockObject*>(self)->dict);
    return 0;
}

void lockDealloc(PyObject* self) {
    PyTypeObject* type = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    lockClear(self);
    type->tp_free(self);
    Py_DECREF(type);
}

#define CAST(f) reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(f))
PyMethodDef kMethods[] = {
    {"acquire", CAST(lockAcquire), METH_FASTCALL | METH_KEYWORDS,
     "acquire(block=True, timeout=None): True once held; False if not within the timeout"},
    {"release", CAST(lockRelease), METH_NOARGS, "release()"},
    {"__enter__", CAST(lockEnter), METH_NOARGS, "acquire()"},
    {"__exit__", CAST(lockExit), METH_FASTCALL, "release()"},
    {"__getstate__", CAST(notInheritance), METH_NOARGS, nullptr},
    {"__reduce__", CAST(notInheritance), METH_NOARGS, nullptr},
    {nullptr, nullptr, 0, nullptr},
};
#undef CAST

PyGetSetDef kGetSet[] = {
    {"_forkscope_id", lockId, nullptr, "the lock's number in the run's events", nullptr},
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

PyMemberDef kMembers[] = {
    {"__dictoffset__", T_PYSSIZET, offsetof(LockObject, dict), READONLY, nullptr},
    {nullptr, 0, 0, 0, nullptr},
};

template <bool Recursive> PyObject* makeType(const char* name) {
    static PyType_Slot slots[] = {
        {Py_tp_init, reinterpret_cast<void*>(&lockInit<Recursive>)},
        {Py_tp_new, reinterpret_cast<void*>(&PyType_GenericNew)},
        {Py_tp_dealloc, reinterpret_cast<void*>(&lockDealloc)},
        {Py_tp_traverse, reinterpret_cast<void*>(&lockTraverse)},
        {Py_tp_clear, reinterpret_cast<void*>(&lockClear)},
        {Py_tp_repr, reinterpret_cast<void*>(&lockRepr)},
        {Py_tp_methods, kMethods},
        {Py_tp_getset, kGetSet},
        {Py_tp_members, kMembers},
        {0, nullptr},
    };
    static PyType_Spec spec = {name, sizeof(LockObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
                               slots};
    return PyType_FromSpec(&spec);
}

} // namespace

void bindLockTypes(py::module_& m) {
    // Named as CPython's, whose Lock and RLock are different classes of
    // multiprocessing.synchronize.
    auto lock =
        py::reinterpret_steal<py::object>(makeType<false>("multiprocessing.synchronize.Lock"));
    auto rlock =
        py::reinterpret_steal<py::object>(makeType<true>("multiprocessing.synchronize.RLock"));
    if (!lock || !rlock) throw py::error_already_set();
    m.attr("Lock") = lock;
    m.attr("RLock") = rlock;
    m.attr("_forkscope_robust_locks") = true;
}

} // namespace forkscope::runtime

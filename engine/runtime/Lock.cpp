#include "engine/runtime/Lock.h"

#include "engine/runtime/ProcessContext.h"
#include "engine/runtime/SharedObjects.h"
#include "engine/shm/ShmLock.h"

#include <cerrno>
#include <csignal>
#include <pthread.h>
#include <string>

namespace forkscope::runtime {

namespace {

struct LockObject {
    shm::ShmLock* l = nullptr;
};
// A type of its own so that Lock and RLock are different classes, as in CPython.
struct RLockObject : LockObject {};

constexpr int64_t kLivenessCheckNs = 250'000'000;

uint64_t thisThread() {
    return static_cast<uint64_t>(pthread_self());
}

bool isMine(const shm::ShmLock& l, int32_t pid) {
    return shm::holderOf(l) == pid && l.ownerThread.load(std::memory_order_relaxed) == thisThread();
}

void log(const shm::Actor& me, shm::ShmLock& l, shm::OpKind op, uint32_t holder, uint32_t extra) {
    bool notify = false;
    shm::logLock(arena(), me, l, op, holder, extra, &notify);
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
    LockObject* lo = instanceOf<LockObject>(self);
    if (!lo) return nullptr;
    shm::ShmLock& l = *lo->l;
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
        shm::Taken taken = shm::tryTake(l, me.pid, false);
        if (!taken.ok && !noWait) {
            log(me, l, shm::OpKind::LockWait, static_cast<uint32_t>(shm::holderOf(l)), 0);
            std::optional<BlockedOn> blocked;
            bool waited = false;
            for (;;) {
                taken = shm::tryTake(l, me.pid, waited);
                if (taken.ok) break;
                const int64_t now = channel::monotonicNs();
                if (deadline >= 0 && now >= deadline) break;
                const uint32_t w = shm::prepareWait(l);
                if (w == 0) continue; // free, or its holder died: try again at once
                checkHolderAlive(l, w);
                waited = true;
                const int64_t slice = now + kLivenessCheckNs;
                waitForChange(l.word, w, nullptr, deadline >= 0 ? std::min(deadline, slice) : slice,
                              channel::WaitReason::Lock, blocked, l.id);
            }
        }
        if (!taken.ok) Py_RETURN_FALSE;
        l.ownerThread.store(thisThread(), std::memory_order_relaxed);
        l.count.store(1, std::memory_order_relaxed);
        if (taken.recoveredFrom)
            log(me, l, shm::OpKind::LockRecover, static_cast<uint32_t>(me.pid),
                static_cast<uint32_t>(taken.recoveredFrom));
        else
            log(me, l, shm::OpKind::LockAcquire, static_cast<uint32_t>(me.pid), 1);
        Py_RETURN_TRUE;
    } catch (py::error_already_set& e) {
        e.restore();
        return nullptr;
    }
}

PyObject* doRelease(PyObject* self) {
    LockObject* lo = instanceOf<LockObject>(self);
    if (!lo) return nullptr;
    shm::ShmLock& l = *lo->l;
    try {
        const shm::Actor& me = actor();
        if (l.recursive) {
            if (!isMine(l, me.pid)) {
                PyErr_SetString(PyExc_AssertionError,
                                "attempt to release recursive lock not owned by thread");
                return nullptr;
            }
            const uint32_t c = l.count.load(std::memory_order_relaxed);
            // Logged before the lock changes hands, so that its release comes before the
            // next holder's acquire.
            log(me, l, shm::OpKind::LockRelease, c > 1 ? static_cast<uint32_t>(me.pid) : 0,
                c > 1 ? c - 1 : 0);
        } else {
            if (shm::holderOf(l) == 0) {
                PyErr_SetString(PyExc_ValueError, "semaphore or lock released too many times");
                return nullptr;
            }
            log(me, l, shm::OpKind::LockRelease, 0, 0);
        }
        uint32_t countAfter = 0;
        switch (shm::release(l, me.pid, thisThread(), &countAfter)) {
        case shm::Released::Ok:
            Py_RETURN_NONE;
        case shm::Released::NotHeld:
            PyErr_SetString(PyExc_ValueError, "semaphore or lock released too many times");
            return nullptr;
        case shm::Released::NotOwner:
            PyErr_SetString(PyExc_AssertionError,
                            "attempt to release recursive lock not owned by thread");
            return nullptr;
        }
        Py_RETURN_NONE;
    } catch (py::error_already_set& e) {
        e.restore();
        return nullptr;
    }
}

PyObject* lockAcquire(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
    if (nargs == 0 && !kwnames) return doAcquire(self, nullptr, nullptr);
    PyObject* a[2];
    if (!parseArgs("acquire", false, args, nargs, kwnames, {"block", "timeout"}, 0, a))
        return nullptr;
    return doAcquire(self, a[0], a[1]);
}

PyObject* lockRelease(PyObject* self, PyObject*) {
    return doRelease(self);
}

PyObject* lockEnter(PyObject* self, PyObject*) {
    return doAcquire(self, nullptr, nullptr);
}

PyObject* lockExit(PyObject* self, PyObject* const*, Py_ssize_t) {
    PyObject* r = doRelease(self);
    if (!r) return nullptr;
    Py_DECREF(r);
    Py_RETURN_NONE;
}

#define CAST(f) reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(f))
PyMethodDef kMethods[] = {
    {"acquire", CAST(lockAcquire), METH_FASTCALL | METH_KEYWORDS,
     "acquire(block=True, timeout=None): True once held; False if not within the timeout"},
    {"release", CAST(lockRelease), METH_NOARGS, "release()"},
    {"__enter__", CAST(lockEnter), METH_NOARGS, "acquire()"},
    {"__exit__", CAST(lockExit), METH_FASTCALL, "release()"},
};
#undef CAST

bool robustLocks() {
    py::module_ mp = py::module_::import("multiprocessing");
    if (!py::hasattr(mp, "_forkscope_robust_locks")) return true;
    return PyObject_IsTrue(mp.attr("_forkscope_robust_locks").ptr()) != 0;
}

template <typename T> T* makeLock(bool recursive) {
    shm::ShmLock* l = shm::createLock(arena(), recursive, robustLocks());
    if (!l) raiseArenaFull(recursive ? "RLock()" : "Lock()");
    auto* lo = new T();
    lo->l = l;
    return lo;
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

std::string lockRepr(py::object self) {
    const shm::ShmLock& l = *instanceOf<LockObject>(self.ptr())->l;
    return "<" + py::str(py::type::of(self).attr("__name__")).cast<std::string>() +
           "(owner=" + ownerName(isMine(l, context().pid), l) + ")>";
}

std::string rlockRepr(py::object self) {
    const shm::ShmLock& l = *instanceOf<LockObject>(self.ptr())->l;
    const bool mine = isMine(l, context().pid);
    const std::string name = ownerName(mine, l);
    const std::string count = mine             ? std::to_string(l.count.load())
                              : name == "None" ? "0"
                                               : "nonzero";
    return "<" + py::str(py::type::of(self).attr("__name__")).cast<std::string>() + "(" + name +
           ", " + count + ")>";
}

void notInheritance(py::object self) {
    raise(PyExc_RuntimeError,
          py::str(py::type::of(self).attr("__name__")).cast<std::string>() +
              " objects should only be shared between processes through inheritance");
}

template <typename Class> void finish(Class& cls) {
    cls.def("__getstate__", &notInheritance)
        .def("__reduce__", &notInheritance)
        .def_property_readonly("_forkscope_id", [](py::object self) {
            return instanceOf<LockObject>(self.ptr())->l->id;
        });
    for (PyMethodDef& def : kMethods) {
        py::object descr = py::reinterpret_steal<py::object>(
            PyDescr_NewMethod(reinterpret_cast<PyTypeObject*>(cls.ptr()), &def));
        if (!descr) throw py::error_already_set();
        cls.attr(def.ml_name) = descr;
    }
    cls.attr("__module__") = "multiprocessing.synchronize";
}

} // namespace

void bindLockTypes(py::module_& m) {
    py::class_<LockObject> lock(m, "Lock", py::dynamic_attr());
    lock.def(py::init([] { return makeLock<LockObject>(false); })).def("__repr__", &lockRepr);
    finish(lock);
    py::class_<RLockObject> rlock(m, "RLock", py::dynamic_attr());
    rlock.def(py::init([] { return makeLock<RLockObject>(true); })).def("__repr__", &rlockRepr);
    finish(rlock);
    m.attr("_forkscope_robust_locks") = true;
}

} // namespace forkscope::runtime

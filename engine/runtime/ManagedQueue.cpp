#include "engine/runtime/ManagedQueue.h"

#include "engine/channel/Futex.h"
#include "engine/runtime/FastPickle.h"
#include "engine/runtime/ManagerProxy.h"
#include "engine/runtime/SharedObjects.h"

#include <new>
#include <optional>
#include <string>

namespace forkscope::runtime {

namespace {

// What a managed queue has beyond its arena queue, in the arena too, so that every process
// holding a proxy sees the same: queue.Queue's count of unfinished tasks, and whether the
// manager is gone.
struct ManagedState {
    static constexpr uint32_t kMagic = 0x5164674d; // "MgdQ"
    uint32_t magic = kMagic;
    uint32_t queueId = 0;
    shm::Offset queue = 0;
    std::atomic<uint32_t> unfinished{0};
    std::atomic<uint32_t> doneSeq{0}; // bumped when unfinished reaches 0; join() sleeps on it
    std::atomic<uint32_t> joinWaiters{0};
    std::atomic<uint32_t> gone{0};
};

struct ManagedQueue {
    shm::ShmQueue* q = nullptr;
    ManagedState* st = nullptr;
    py::object manager = py::none(); // as CPython's proxy: its manager, in the process that made it
};

PyObject* queueError(const char* name) {
    // Never destroyed: a static's destructor would run after the interpreter is gone.
    static auto* module = new py::object(py::module_::import("queue"));
    return module->attr(name).ptr();
}

// The proxy of a manager that shut down talks to a server that is no longer there.
void checkAlive(const ManagedQueue& self) {
    if (self.st->gone.load(std::memory_order_acquire)) raiseManagerGone();
}

// queue.Queue's `timeout < 0` test, with its own TypeError for a timeout that is not a number.
// Returns the deadline (-1: none).
int64_t deadlineOf(py::handle timeout) {
    if (timeout.is_none()) return -1;
    const int negative = PyObject_RichCompareBool(timeout.ptr(), py::int_(0).ptr(), Py_LT);
    if (negative < 0) throw py::error_already_set();
    if (negative) raise(PyExc_ValueError, "'timeout' must be a non-negative number");
    const double t = PyFloat_AsDouble(timeout.ptr());
    if (t == -1.0 && PyErr_Occurred()) throw py::error_already_set();
    return deadlineAfter(t);
}

bool truth(py::handle o) {
    const int r = PyObject_IsTrue(o.ptr());
    if (r < 0) throw py::error_already_set();
    return r != 0;
}

[[noreturn]] void raiseQueue(const char* name) {
    PyErr_SetNone(queueError(name));
    throw py::error_already_set();
}

bool expired(int64_t deadline) {
    return deadline >= 0 && channel::monotonicNs() >= deadline;
}

void put(ManagedQueue& self, py::handle item, py::handle blockObj, py::handle timeout) {
    checkAlive(self);
    // The proxy pickles the call before the server sees it: an unpicklable item fails here,
    // whatever the queue's state.
    Pickled pickled;
    if (!pickled.dump(item.ptr())) throw py::error_already_set();
    shm::ShmQueue& q = *self.q;
    const bool block = truth(blockObj);
    // queue.Queue.put looks at block and timeout only when it has a maxsize.
    const int64_t deadline = block && q.maxsize ? deadlineOf(timeout) : -1;
    std::optional<BlockedOn> blocked;
    for (;;) {
        bool notify = false;
        const shm::QueueResult r = shm::tryPut(arena(), q, actor(), pickled.bytes(), &notify);
        if (notify) tellEngine();
        if (r == shm::QueueResult::Ok) break;
        if (r == shm::QueueResult::NoMemory) raiseArenaFull("Queue.put()");
        if (!block || expired(deadline)) raiseQueue("Full");
        if (!waitForQueue(q, true, deadline, channel::WaitReason::QueuePut, blocked))
            raiseQueue("Full");
    }
    self.st->unfinished.fetch_add(1, std::memory_order_acq_rel);
}

char* reserve(void* out, uint64_t len) noexcept {
    try {
        static_cast<std::string*>(out)->resize(len);
    } catch (...) {
        return nullptr;
    }
    return static_cast<std::string*>(out)->data();
}

py::object get(ManagedQueue& self, py::handle blockObj, py::handle timeout) {
    checkAlive(self);
    shm::ShmQueue& q = *self.q;
    const bool block = truth(blockObj);
    const int64_t deadline = block ? deadlineOf(timeout) : -1;
    const shm::Actor& me = actor();
    std::optional<BlockedOn> blocked;
    std::string out;
    for (;;) {
        bool notify = false;
        const shm::QueueResult r = shm::tryGet(arena(), q, me, &reserve, &out, &notify);
        if (notify) tellEngine();
        if (r == shm::QueueResult::Ok) break;
        if (r == shm::QueueResult::NoMemory) raise(PyExc_MemoryError, "no memory for the item");
        if (!block || expired(deadline)) raiseQueue("Empty");
        if (!waitForQueue(q, false, deadline, channel::WaitReason::QueueGet, blocked))
            raiseQueue("Empty");
    }
    PyObject* result = unpickle(out);
    shm::delivered(me);
    if (!result) throw py::error_already_set();
    return py::reinterpret_steal<py::object>(result);
}

void taskDone(ManagedQueue& self) {
    checkAlive(self);
    std::atomic<uint32_t>& u = self.st->unfinished;
    uint32_t now = u.load(std::memory_order_acquire);
    do {
        if (now == 0) raise(PyExc_ValueError, "task_done() called too many times");
    } while (!u.compare_exchange_weak(now, now - 1, std::memory_order_acq_rel));
    if (now == 1) {
        self.st->doneSeq.fetch_add(1, std::memory_order_acq_rel);
        channel::futexWakeAll(&self.st->doneSeq);
    }
}

void join(ManagedQueue& self) {
    checkAlive(self);
    std::optional<BlockedOn> blocked;
    for (;;) {
        const uint32_t seen = self.st->doneSeq.load(std::memory_order_acquire);
        if (self.st->unfinished.load(std::memory_order_acquire) == 0) return;
        waitForChange(self.st->doneSeq, seen, &self.st->joinWaiters, -1, channel::WaitReason::Wait,
                      blocked, self.q->id);
    }
}

// The proxy's pickle names its state in the arena; every process of the run has the arena at
// the same place. A pickle that does not name one (made up, or from another run) is refused.
py::object rebuild(uint64_t token) {
    shm::Arena& a = arena();
    if (token % alignof(ManagedState) != 0 || !a.holds(token, sizeof(ManagedState)))
        raise(PyExc_ValueError, "not a managed queue of this run");
    auto* st = a.at<ManagedState>(token);
    if (st->magic != ManagedState::kMagic || !a.holds(st->queue, sizeof(shm::ShmQueue)) ||
        a.at<shm::ShmQueue>(st->queue)->id != st->queueId)
        raise(PyExc_ValueError, "not a managed queue of this run");
    auto proxy = std::make_unique<ManagedQueue>();
    proxy->q = a.at<shm::ShmQueue>(st->queue);
    proxy->st = st;
    return py::cast(proxy.release(), py::return_value_policy::take_ownership);
}

uint64_t tokenOf(const ManagedQueue& self) {
    return arena().offsetOf(self.st);
}

} // namespace

py::object makeManagedQueue(py::handle manager, py::handle maxsize, uint64_t* token) {
    // queue.Queue(maxsize): `maxsize <= 0` is unbounded, with that comparison's TypeError.
    const int unbounded = PyObject_RichCompareBool(maxsize.ptr(), py::int_(0).ptr(), Py_LE);
    if (unbounded < 0) throw py::error_already_set();
    uint64_t capacity = 0;
    if (!unbounded) {
        const long long v = PyLong_AsLongLong(maxsize.ptr());
        if (v == -1 && PyErr_Occurred()) throw py::error_already_set();
        capacity = static_cast<uint64_t>(v);
    }
    shm::Arena& a = arena();
    const shm::Offset so = a.allocate(sizeof(ManagedState));
    shm::ShmQueue* q = so ? shm::createQueue(a, capacity) : nullptr;
    if (!q) {
        if (so) a.free(so);
        raiseArenaFull("Manager().Queue()");
    }
    auto* st = new (a.at<ManagedState>(so)) ManagedState();
    st->queue = a.offsetOf(q);
    st->queueId = q->id;
    auto proxy = std::make_unique<ManagedQueue>();
    proxy->q = q;
    proxy->st = st;
    proxy->manager = py::reinterpret_borrow<py::object>(manager);
    *token = so;
    return py::cast(proxy.release(), py::return_value_policy::take_ownership);
}

void markManagedQueueGone(uint64_t token) noexcept {
    shm::Arena& a = *context().arena;
    if (a.holds(token, sizeof(ManagedState)))
        a.at<ManagedState>(token)->gone.store(1, std::memory_order_release);
}

void bindManagedQueueType(py::module_& m) {
    py::object none = py::none();
    py::object yes = py::bool_(true);
    py::class_<ManagedQueue> cls(m, "AutoProxy[Queue]");
    cls.def("put", &put, py::arg("item"), py::arg("block") = yes, py::arg("timeout") = none)
        .def("get", &get, py::arg("block") = yes, py::arg("timeout") = none)
        .def(
            "put_nowait",
            [](ManagedQueue& self, py::handle item) { put(self, item, Py_False, Py_None); },
            py::arg("item"))
        .def("get_nowait", [](ManagedQueue& self) { return get(self, Py_False, Py_None); })
        .def("qsize",
             [](ManagedQueue& self) {
                 checkAlive(self);
                 return shm::sizeOf(*self.q);
             })
        .def("empty",
             [](ManagedQueue& self) {
                 checkAlive(self);
                 return shm::sizeOf(*self.q) == 0;
             })
        .def("full",
             [](ManagedQueue& self) {
                 checkAlive(self);
                 return self.q->maxsize != 0 && shm::sizeOf(*self.q) >= self.q->maxsize;
             })
        .def("task_done", &taskDone)
        .def("join", &join)
        .def("__reduce__",
             [](py::object self) {
                 return py::make_tuple(
                     py::module_::import("multiprocessing").attr("_rebuild_managed_queue"),
                     py::make_tuple(tokenOf(self.cast<ManagedQueue&>())));
             })
        .def("__repr__",
             [](py::object self) {
                 return "<AutoProxy[Queue] object, typeid 'Queue' at " + hexAddress(self.ptr()) +
                        ">";
             })
        // CPython's str() is the server's str() of the queue.Queue: the same in every process.
        .def(
            "__str__",
            [](ManagedQueue& self) { return "<queue.Queue object at " + hexAddress(self.q) + ">"; })
        .def_property_readonly("_manager", [](ManagedQueue& self) { return self.manager; })
        .def_property_readonly("_forkscope_id", [](ManagedQueue& self) { return self.q->id; });
    cls.attr("__module__") = "multiprocessing.managers";
    cls.attr("__qualname__") = "AutoProxy[Queue]";
    static PyMethodDef rebuildDef{
        "_rebuild_managed_queue",
        [](PyObject*, PyObject* arg) -> PyObject* {
            const unsigned long long token = PyLong_AsUnsignedLongLong(arg);
            if (token == static_cast<unsigned long long>(-1) && PyErr_Occurred()) return nullptr;
            try {
                return rebuild(token).release().ptr();
            } catch (py::error_already_set& e) {
                e.restore();
                return nullptr;
            }
        },
        METH_O, "Rebuilds a Manager().Queue() proxy from its pickle."};
    addRebuildFunction(m, rebuildDef);
    hideProxyType(m, "AutoProxy[Queue]");
}

} // namespace forkscope::runtime

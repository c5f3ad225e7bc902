#include "engine/runtime/Queue.h"

#include "engine/runtime/FastPickle.h"
#include "engine/runtime/ProcessContext.h"
#include "engine/runtime/SharedObjects.h"

#include <cmath>
#include <limits>
#include <string>

namespace forkscope::runtime {

namespace {

struct QueueObject {
    shm::ShmQueue* q = nullptr;
    // CPython's _closed belongs to the Queue object of one process (a forked child starts
    // with it reset, by Queue._after_fork): closed only in the process that called close().
    int closedIn = 0;

    bool closed() const { return closedIn != 0 && closedIn == context().pid; }
};

constexpr long kSemValueMax = 2147483647; // SEM_VALUE_MAX: CPython's "unbounded"

PyObject* queueException(const char* name) {
    PyObject* module = PyImport_ImportModule("queue");
    if (!module) return nullptr;
    PyObject* type = PyObject_GetAttrString(module, name);
    Py_DECREF(module);
    return type; // kept: a reference per process, never released
}

PyObject* fullError() {
    static PyObject* type = queueException("Full");
    return type;
}
PyObject* emptyError() {
    static PyObject* type = queueException("Empty");
    return type;
}

PyObject* raiseClosed(PyObject* self) {
    PyObject* r = PyObject_Repr(self);
    if (r) {
        PyErr_Format(PyExc_ValueError, "Queue %U is closed", r);
        Py_DECREF(r);
    }
    return nullptr;
}

// SemLock.acquire's `block`: an int (bools are ints), not any object with a truth value.
int blockArg(PyObject* block) {
    if (!block) return 1;
    if (!PyLong_Check(block)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Py_TYPE(block)->tp_name);
        return -1;
    }
    return PyObject_IsTrue(block);
}

// Where CPython passes `timeout` to SemLock.acquire: None is no limit, a negative is 0.
bool semTimeout(PyObject* timeout, double* out) {
    *out = -1;
    if (!timeout || timeout == Py_None) return true;
    const double t = PyFloat_AsDouble(timeout);
    if (t == -1.0 && PyErr_Occurred()) return false;
    *out = t < 0 ? 0 : t;
    return true;
}

// CPython pickles in the queue's feeder thread, which prints the error and drops the item:
// put() itself returns normally, and so does ours, after printing the same error.
void printPicklingError() {
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    if (tb) PyException_SetTraceback(value, tb);
    PyObject* traceback = PyImport_ImportModule("traceback");
    PyObject* r =
        traceback ? PyObject_CallMethod(traceback, "print_exception", "O", value) : nullptr;
    Py_XDECREF(r);
    Py_XDECREF(traceback);
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
    PyErr_Clear();
}

PyObject* doPut(PyObject* self, PyObject* obj, PyObject* blockObj, PyObject* timeoutObj) {
    QueueObject* qo = instanceOf<QueueObject>(self);
    if (!qo) return nullptr;
    if (qo->closed()) return raiseClosed(self);
    const int block = blockArg(blockObj);
    if (block < 0) return nullptr;
    double timeout = -1;
    if (!semTimeout(timeoutObj, &timeout))
        return nullptr; // parsed even when not blocking, as SemLock does
    try {
        shm::Arena& a = arena();
        shm::ShmQueue& q = *qo->q;
        const shm::Actor& me = actor();
        Pickled pickled;
        if (!pickled.dump(obj)) {
            if (!PyErr_ExceptionMatches(PyExc_Exception)) return nullptr; // KeyboardInterrupt...
            if (!block && q.maxsize && shm::sizeOf(q) >= q.maxsize) { // CPython: Full comes first
                PyErr_Clear();
                PyErr_SetNone(fullError());
                return nullptr;
            }
            printPicklingError();
            Py_RETURN_NONE;
        }
        const int64_t deadline = block && timeout >= 0 ? deadlineAfter(timeout) : -1;
        std::optional<BlockedOn> blocked;
        for (;;) {
            bool notify = false;
            const shm::QueueResult r = shm::tryPut(a, q, me, pickled.bytes(), &notify);
            if (notify) tellEngine();
            if (r == shm::QueueResult::Ok) Py_RETURN_NONE;
            if (r == shm::QueueResult::NoMemory) raiseArenaFull("Queue.put()");
            if (!block) break;
            if (timeout == 0) break;
            if (!waitForQueue(q, true, deadline, channel::WaitReason::QueuePut, blocked)) break;
        }
        PyErr_SetNone(fullError());
        return nullptr;
    } catch (py::error_already_set& e) {
        e.restore();
        return nullptr;
    }
}

struct Out {
    char small[256];
    std::string big;
    uint64_t len = 0;
    static char* reserve(void* self, uint64_t len) noexcept {
        auto* o = static_cast<Out*>(self);
        o->len = len;
        if (len <= sizeof o->small) return o->small;
        try {
            o->big.resize(len);
        } catch (...) {
            return nullptr;
        }
        return o->big.data();
    }
    std::string_view view() const {
        return len <= sizeof small ? std::string_view(small, len)
                                   : std::string_view(big.data(), len);
    }
};

PyObject* doGet(PyObject* self, PyObject* blockObj, PyObject* timeoutObj) {
    QueueObject* qo = instanceOf<QueueObject>(self);
    if (!qo) return nullptr;
    if (qo->closed()) return raiseClosed(self);
    const int block = blockObj ? PyObject_IsTrue(blockObj) : 1;
    if (block < 0) return nullptr;
    double timeout = -1; // no limit
    if (block && timeoutObj && timeoutObj != Py_None) {
        // CPython computes `time.monotonic() + timeout`: its TypeError is the one to give.
        if (!PyFloat_Check(timeoutObj) && !PyLong_Check(timeoutObj)) {
            PyObject* zero = PyFloat_FromDouble(0);
            PyObject* sum = zero ? PyNumber_Add(zero, timeoutObj) : nullptr;
            Py_XDECREF(zero);
            if (!sum) return nullptr;
            Py_DECREF(sum);
        }
        timeout = PyFloat_AsDouble(timeoutObj);
        if (timeout == -1.0 && PyErr_Occurred()) return nullptr;
        if (!(timeout > 0)) timeout = 0;
    }
    try {
        shm::Arena& a = arena();
        shm::ShmQueue& q = *qo->q;
        const shm::Actor& me = actor();
        const int64_t deadline = block && timeout >= 0 ? deadlineAfter(timeout) : -1;
        std::optional<BlockedOn> blocked;
        Out out;
        for (;;) {
            bool notify = false;
            const shm::QueueResult r = shm::tryGet(a, q, me, &Out::reserve, &out, &notify);
            if (notify) tellEngine();
            if (r == shm::QueueResult::Ok) break;
            if (r == shm::QueueResult::NoMemory) raise(PyExc_MemoryError, "no memory for the item");
            if (!block || timeout == 0) {
                PyErr_SetNone(emptyError());
                return nullptr;
            }
            if (!waitForQueue(q, false, deadline, channel::WaitReason::QueueGet, blocked)) {
                PyErr_SetNone(emptyError());
                return nullptr;
            }
        }
        // The item is out of the queue and in `out`; until it is an object again, a kill here
        // loses it (and the engine says so).
        PyObject* result = unpickle(out.view());
        shm::delivered(me);
        return result;
    } catch (py::error_already_set& e) {
        e.restore();
        return nullptr;
    }
}

PyObject* queuePut(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
    if (nargs == 1 && !kwnames) return doPut(self, args[0], nullptr, nullptr); // put(x)
    PyObject* a[3];
    if (!parseArgs("Queue.put", true, args, nargs, kwnames, {"obj", "block", "timeout"}, 1, a))
        return nullptr;
    return doPut(self, a[0], a[1], a[2]);
}

PyObject* queueGet(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
    if (nargs == 0 && !kwnames) return doGet(self, nullptr, nullptr); // get()
    PyObject* a[2];
    if (!parseArgs("Queue.get", true, args, nargs, kwnames, {"block", "timeout"}, 0, a))
        return nullptr;
    return doGet(self, a[0], a[1]);
}

PyObject* queuePutNowait(PyObject* self, PyObject* const* args, Py_ssize_t nargs,
                         PyObject* kwnames) {
    PyObject* a[1];
    if (!parseArgs("Queue.put_nowait", true, args, nargs, kwnames, {"obj"}, 1, a)) return nullptr;
    return doPut(self, a[0], Py_False, nullptr);
}

PyObject* queueGetNowait(PyObject* self, PyObject* const* args, Py_ssize_t nargs,
                         PyObject* kwnames) {
    PyObject* a[1];
    if (!parseArgs("Queue.get_nowait", true, args, nargs, kwnames, {}, 0, a)) return nullptr;
    return doGet(self, Py_False, nullptr);
}

#define FASTCALL(f) reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(f))
PyMethodDef kMethods[] = {
    {"put", FASTCALL(queuePut), METH_FASTCALL | METH_KEYWORDS,
     "put(obj, block=True, timeout=None): puts obj in the queue, waiting for room if it is full; "
     "queue.Full if there is none in time"},
    {"get", FASTCALL(queueGet), METH_FASTCALL | METH_KEYWORDS,
     "get(block=True, timeout=None): removes and returns the oldest item, waiting for one if the "
     "queue is empty; queue.Empty if none comes in time"},
    {"put_nowait", FASTCALL(queuePutNowait), METH_FASTCALL | METH_KEYWORDS, "put(obj, False)"},
    {"get_nowait", FASTCALL(queueGetNowait), METH_FASTCALL | METH_KEYWORDS, "get(False)"},
};
#undef FASTCALL

QueueObject* makeQueue(py::object maxsize) {
    // CPython: `if maxsize <= 0: maxsize = SEM_VALUE_MAX`, then a BoundedSemaphore(maxsize):
    // the same comparisons raise the same TypeErrors.
    const int le = PyObject_RichCompareBool(maxsize.ptr(), py::int_(0).ptr(), Py_LE);
    if (le < 0) throw py::error_already_set();
    uint64_t capacity = 0;
    if (!le) {
        py::object index = py::reinterpret_steal<py::object>(PyNumber_Index(maxsize.ptr()));
        if (!index) throw py::error_already_set();
        const long long v = PyLong_AsLongLong(index.ptr());
        if (v == -1 && PyErr_Occurred()) PyErr_Clear();
        capacity = (v > kSemValueMax || v < 0) ? 0 : static_cast<uint64_t>(v);
    }
    shm::ShmQueue* q = shm::createQueue(arena(), capacity);
    if (!q) raiseArenaFull("Queue()");
    auto* qo = new QueueObject();
    qo->q = q;
    return qo;
}

void notInheritance(py::object self) {
    // context.assert_spawning: a queue goes to another process only by being inherited.
    raise(PyExc_RuntimeError,
          py::str(py::type::of(self).attr("__name__")).cast<std::string>() +
              " objects should only be shared between processes through inheritance");
}

} // namespace

void bindQueueType(py::module_& m) {
    py::class_<QueueObject> cls(m, "Queue", py::dynamic_attr());
    cls.def(py::init(&makeQueue), py::arg("maxsize") = 0)
        .def("qsize", [](QueueObject& self) { return shm::sizeOf(*self.q); })
        .def("empty", [](QueueObject& self) { return shm::sizeOf(*self.q) == 0; })
        .def("full",
             [](QueueObject& self) {
                 return self.q->maxsize != 0 && shm::sizeOf(*self.q) >= self.q->maxsize;
             })
        .def("close", [](QueueObject& self) { self.closedIn = context().pid; })
        .def("join_thread",
             [](py::object self) {
                 // There is no feeder thread to join; CPython's precondition still holds.
                 if (!self.cast<QueueObject&>().closed())
                     raise(PyExc_AssertionError,
                           "Queue " + py::repr(self).cast<std::string>() + " not closed");
             })
        .def("cancel_join_thread", [](QueueObject&) {})
        .def("__getstate__", &notInheritance)
        .def("__reduce__", &notInheritance)
        .def_property_readonly("_maxsize",
                               [](QueueObject& self) -> long long {
                                   return self.q->maxsize ? static_cast<long long>(self.q->maxsize)
                                                          : kSemValueMax;
                               })
        .def_property_readonly("_forkscope_id", [](QueueObject& self) { return self.q->id; });
    for (PyMethodDef& def : kMethods) {
        py::object descr = py::reinterpret_steal<py::object>(
            PyDescr_NewMethod(reinterpret_cast<PyTypeObject*>(cls.ptr()), &def));
        if (!descr) throw py::error_already_set();
        cls.attr(def.ml_name) = descr;
    }
    cls.attr("__module__") = "multiprocessing.queues";
}

} // namespace forkscope::runtime

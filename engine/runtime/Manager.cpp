#include "engine/runtime/Manager.h"

#include "engine/runtime/ManagedQueue.h"
#include "engine/runtime/ManagedReferent.h"
#include "engine/runtime/Process.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <memory>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace forkscope::runtime {

namespace {

struct SyncManager {
    enum class State { Initial, Started, Shutdown };
    State state = State::Initial;
    pid_t creator = 0;
    py::object process = py::none(); // the server's Process object
    int stopFd = -1;                 // a byte written here tells the server to exit
    std::vector<uint64_t> queues;    // tokens of the queues it made
    std::vector<uint64_t> referents; // and of its lists and dicts

    SyncManager();
    ~SyncManager();
    SyncManager(const SyncManager&) = delete;
    SyncManager& operator=(const SyncManager&) = delete;
};

// The managers of this process, for shutdown at exit. A fork child inherits the list, but
// only the process that started a manager shuts it down (CPython's finalizers are cleared in
// a new Process, and a finalizer of a manager of the parent is not the child's to run).
std::vector<SyncManager*>& managers() {
    static auto* list = new std::vector<SyncManager*>(); // never destroyed: see Process.cpp
    return *list;
}

SyncManager::SyncManager() {
    managers().push_back(this);
}

void shutdown(SyncManager& m);

SyncManager::~SyncManager() {
    auto& list = managers();
    list.erase(std::remove(list.begin(), list.end(), this), list.end());
    // CPython's finalizer runs when the manager is garbage collected, too.
    if (state == State::Started && creator == getpid() && Py_IsInitialized()) {
        try {
            shutdown(*this);
        } catch (py::error_already_set& e) {
            e.discard_as_unraisable("shutting down a Manager");
        }
    }
    if (stopFd >= 0) close(stopFd);
}

py::object processError(const std::string& message) {
    return py::module_::import("multiprocessing").attr("ProcessError")(message);
}

[[noreturn]] void raiseObject(py::object error) {
    PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(error.ptr())), error.ptr());
    throw py::error_already_set();
}

// The server process: waits for its manager's word to stop, as CPython's server waits for
// requests (and, like it, ignores SIGINT, so that Ctrl-C in a terminal reaches the script's
// processes, not the manager's).
void serve(int stopRead, int stopWrite) {
    close(stopWrite);
    py::module_ signal = py::module_::import("signal");
    signal.attr("signal")(signal.attr("SIGINT"), signal.attr("SIG_IGN"));
    for (;;) {
        char byte;
        ssize_t n;
        int err;
        {
            py::gil_scoped_release nogil;
            n = read(stopRead, &byte, 1);
            err = errno;
        }
        if (n >= 0) break; // a byte, or every writer gone
        if (err != EINTR) break;
        if (PyErr_CheckSignals() != 0) throw py::error_already_set();
    }
    close(stopRead);
}

void start(SyncManager& m) {
    if (m.state == SyncManager::State::Started) raiseObject(processError("Already started server"));
    if (m.state == SyncManager::State::Shutdown) raiseObject(processError("Manager has shut down"));
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        throw py::error_already_set();
    }
    py::object p;
    try {
        p = forkProcessClass()(py::arg("target") =
                                   py::module_::import("multiprocessing").attr("_manager_server"),
                               py::arg("args") = py::make_tuple(fds[0], fds[1]));
        // CPython: the server's name is the manager's class and the process's identity.
        p.attr("name") = identityName("SyncManager", p);
        p.attr("start")();
    } catch (...) {
        close(fds[0]);
        close(fds[1]);
        throw;
    }
    close(fds[0]);
    m.process = p;
    m.stopFd = fds[1];
    m.creator = getpid();
    m.state = SyncManager::State::Started;
}

// CPython's _finalize_manager: ask the server to stop, give it a second, then terminate it,
// then kill it.
void shutdown(SyncManager& m) {
    if (m.state != SyncManager::State::Started) return;
    m.state = SyncManager::State::Shutdown;
    for (const uint64_t token : m.queues)
        markManagedQueueGone(token);
    for (const uint64_t token : m.referents)
        markManagedReferentGone(token);
    py::object p = m.process;
    if (m.stopFd >= 0) {
        const char stop = 's';
        (void)!write(m.stopFd, &stop, 1);
        close(m.stopFd);
        m.stopFd = -1;
    }
    if (m.creator != getpid()) return; // only its parent can join it
    p.attr("join")(py::arg("timeout") = 1.0);
    for (const char* how : {"terminate", "kill"}) {
        if (!p.attr("is_alive")().cast<bool>()) break;
        p.attr(how)();
        p.attr("join")(py::arg("timeout") = 1.0);
    }
}

py::object queue(py::object self, py::object maxsize) {
    SyncManager& m = self.cast<SyncManager&>();
    if (m.state != SyncManager::State::Started)
        raise(PyExc_AssertionError, "server not yet started");
    uint64_t token = 0;
    py::object proxy = makeManagedQueue(self, maxsize, &token);
    m.queues.push_back(token);
    return proxy;
}

// list(*args) and dict(*args, **kwargs), made by the server in CPython.
py::object referent(py::object self, bool isDict, py::args args, py::kwargs kwargs) {
    SyncManager& m = self.cast<SyncManager&>();
    if (m.state != SyncManager::State::Started)
        raise(PyExc_AssertionError, "server not yet started");
    py::object builtin = py::module_::import("builtins").attr(isDict ? "dict" : "list");
    py::object initial = builtin(*args, **kwargs);
    uint64_t token = 0;
    py::object proxy = makeManagedReferent(self, isDict, initial, &token);
    m.referents.push_back(token);
    return proxy;
}

// The managed types CPython's SyncManager registers that Forkscope does not have yet.
constexpr std::array kNotYet = {
    "Namespace",        "Value",     "Array", "Lock",    "RLock", "Semaphore",
    "BoundedSemaphore", "Condition", "Event", "Barrier", "Pool",  "JoinableQueue",
};

} // namespace

void shutdownLeftoverManagers() {
    // A copy: shutting down may collect a manager, which takes itself off the list.
    const std::vector<SyncManager*> list = managers();
    for (SyncManager* m : list) {
        if (m->creator == getpid() &&
            std::find(managers().begin(), managers().end(), m) != managers().end())
            shutdown(*m);
    }
}

void bindManagerTypes(py::module_& m) {
    py::class_<SyncManager> cls(m, "SyncManager");
    cls.def(py::init<>())
        .def("start", [](SyncManager& self) { start(self); })
        .def("shutdown", [](SyncManager& self) { shutdown(self); })
        .def("Queue", &queue, py::arg("maxsize") = 0)
        .def("list",
             [](py::object self, py::args a, py::kwargs k) { return referent(self, false, a, k); })
        .def("dict",
             [](py::object self, py::args a, py::kwargs k) { return referent(self, true, a, k); })
        .def("__enter__",
             [](py::object self) {
                 SyncManager& sm = self.cast<SyncManager&>();
                 if (sm.state == SyncManager::State::Initial) start(sm);
                 if (sm.state == SyncManager::State::Shutdown)
                     raiseObject(processError("Manager has shut down"));
                 return self;
             })
        .def("__exit__", [](SyncManager& self, py::args) { shutdown(self); })
        .def_property_readonly("_process", [](SyncManager& self) { return self.process; });
    for (std::string_view name : kNotYet) {
        const std::string n(name);
        cls.def(n.c_str(), [n](py::args, py::kwargs) {
            py::object err = py::module_::import("builtins")
                                 .attr("NotImplementedError")(
                                     "Manager()." + n +
                                     "() is not supported by Forkscope yet (Manager().Queue() is)");
            err.attr("_forkscope_unsupported") = true;
            raiseObject(err);
        });
    }
    cls.attr("__module__") = "multiprocessing.managers";
    m.def(
        "Manager",
        [cls]() {
            py::object manager = cls();
            start(manager.cast<SyncManager&>());
            return manager;
        },
        "Returns a started SyncManager: a server process, and the shared objects it makes.");
    m.def("_manager_server", &serve);
    // Not a name of CPython's multiprocessing: reached through Manager() only.
    py::delattr(m, "SyncManager");
}

} // namespace forkscope::runtime

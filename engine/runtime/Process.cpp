#include "engine/runtime/Process.h"

#include "engine/channel/Message.h"
#include "engine/runtime/InterpreterFork.h"
#include "engine/runtime/Manager.h"
#include "engine/runtime/Pool.h"
#include "engine/runtime/ProcessContext.h"
#include "engine/runtime/StdStreams.h"

#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstring>
#include <memory>
#include <poll.h>
#include <string>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utility>

namespace forkscope::runtime {

namespace {

// Child of Process in C++ only so that each Python-visible class has its own type name,
// which repr() and default names show.
struct ChildProcess : Process {};
struct MainProcess : Process {};
struct ParentProcess : Process {};

// CPython's module globals, per process. Deliberately never destroyed: they hold Python
// objects, and C++ static destructors run after the interpreter is gone.
struct State {
    py::object current;
    // parent_process(): made on first use from parentName and parentPid, since a child that
    // never asks would pay for a Python object (and the pages it writes) for nothing.
    py::object parent = py::none();
    std::optional<std::string> parentName;
    pid_t parentPid = 0;
    std::vector<py::object> children; // in start order, so active_children() is stable
    int counter = 0;                  // itertools.count(1) in CPython
    bool exiting = false;
};
State& state() {
    static State* s = new State();
    return *s;
}

// Names a child looks up, interned once in the main process (bindProcessTypes): made in each
// child instead, every one would be written to memory the child shares with its parent.
struct Names {
    PyObject* threading;
    PyObject* shutdown;
    PyObject* run;
    py::object emptyDict;        // what a started Process keeps for kwargs
    PyObject* baseRun = nullptr; // BaseProcess.run as its class holds it (borrowed: never freed)
};
Names* g_names = nullptr; // never destroyed: see State

Process& impl(py::handle self) {
    return self.cast<Process&>();
}

bool isCurrent(py::handle self) {
    return self.is(state().current);
}

void checkClosed(const Process& p) {
    if (p.closed) raise(PyExc_ValueError, "process object is closed");
}

std::string nameOf(py::handle self) {
    const Process& p = impl(self);
    if (p.name) return *p.name;
    // type(self).__name__ as the type holds it (_PyType_Name, as Lock's repr takes it): the
    // attribute lookup made a new string for the name each time, which the interpreter's
    // method cache cannot match, so that every start() missed it and wrote to the cache.
    return identityName(_PyType_Name(Py_TYPE(self.ptr())), self);
}

int toExitCode(int status) {
    if (WIFSIGNALED(status)) return -WTERMSIG(status);
    return WEXITSTATUS(status);
}

// os.waitpid with CPython's EINTR handling: retry unless a signal handler raised.
std::optional<int> waitpidChecked(pid_t pid, int flags, int* status) {
    for (;;) {
        pid_t r;
        int err;
        {
            py::gil_scoped_release nogil;
            r = waitpid(pid, status, flags);
            err = errno;
        }
        if (r >= 0) return r;
        if (err == EINTR) {
            if (PyErr_CheckSignals() != 0) throw py::error_already_set();
            continue;
        }
        return std::nullopt; // ECHILD: not (or no longer) ours, as Popen.poll treats it
    }
}

// Popen.poll: reaps the child if it has exited (flags WNOHANG) or waits for it (0).
std::optional<int> poll(Process& p, int flags) {
    if (!p.returncode) {
        int status = 0;
        std::optional<int> r;
        {
            std::optional<BlockedOn> blocked;
            if (flags == 0) blocked.emplace(channel::WaitReason::Join);
            r = waitpidChecked(p.pid, flags, &status);
        }
        if (r && *r == p.pid) {
            p.returncode = toExitCode(status);
            // The engine may not have met a child that was this quick; it hears it from us.
            channel::send(context().controlFd,
                          {channel::MessageType::Reaped, p.pid, status, getpid(), 0, {}, {}});
            if (p.pidfd >= 0) close(p.pidfd);
            p.pidfd = -1;
        }
    }
    return p.returncode;
}

// True once the child has exited (a zombie or gone), waiting at most `seconds` of lesson time.
bool waitForExit(Process& p, double seconds) {
    BlockedOn blocked(channel::WaitReason::Join);
    const int64_t deadline =
        channel::monotonicNs() + static_cast<int64_t>(realSeconds(seconds) * 1e9);
    for (;;) {
        const int64_t left = deadline - channel::monotonicNs();
        const int ms = left <= 0 ? 0 : static_cast<int>(std::ceil(static_cast<double>(left) / 1e6));
        int r;
        int err;
        if (p.pidfd >= 0) {
            pollfd pfd{p.pidfd, POLLIN, 0};
            py::gil_scoped_release nogil;
            r = ::poll(&pfd, 1, ms);
            err = errno;
        } else {
            // No pidfd (old kernel): look, then sleep a little, until the deadline.
            siginfo_t info{};
            r = waitid(P_PID, static_cast<id_t>(p.pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
                        info.si_pid == p.pid
                    ? 1
                    : 0;
            err = errno;
            if (r == 0 && ms > 0) {
                py::gil_scoped_release nogil;
                usleep(static_cast<useconds_t>(std::min(ms, 5) * 1000));
                continue;
            }
        }
        if (r > 0) return true;
        if (r == 0) return false;
        if (err == EINTR) {
            if (PyErr_CheckSignals() != 0) throw py::error_already_set();
            continue;
        }
        return true; // the pidfd is unusable: let waitpid say what happened
    }
}

std::optional<int> popenWait(Process& p, const py::object& timeout) {
    if (p.returncode) return p.returncode;
    if (!timeout.is_none()) {
        const double t = py::cast<double>(timeout);
        if (!waitForExit(p, t)) return std::nullopt;
        return poll(p, t == 0.0 ? WNOHANG : 0);
    }
    return poll(p, 0);
}

void discardChild(py::handle self) {
    auto& children = state().children;
    for (auto it = children.begin(); it != children.end(); ++it) {
        if (it->is(self)) {
            children.erase(it);
            return;
        }
    }
}

// process._cleanup: forget (and reap) the children that have finished.
void cleanup() {
    auto children = state().children; // poll() may discard
    for (auto& child : children) {
        Process& p = impl(child);
        if (p.pid && poll(p, WNOHANG)) discardChild(child);
    }
}

void sendSignal(Process& p, int sig) {
    if (p.returncode) return;
    if (kill(p.pid, sig) != 0 && errno != ESRCH) {
        PyErr_SetFromErrno(PyExc_OSError);
        throw py::error_already_set();
    }
}

void requirePopen(const Process& p, const char* method) {
    if (!p.pid)
        raise(PyExc_AttributeError,
              std::string("'NoneType' object has no attribute '") + method + "'");
}

int bootstrap(const py::object& self, Process& p);

// BaseProcess.run: self._target(*self._args, **self._kwargs) if there is a target.
void runTarget(const Process& p) {
    const int truth = PyObject_IsTrue(p.target.ptr());
    if (truth < 0) throw py::error_already_set();
    if (!truth) return;
    // CPython's CALL_FUNCTION_EX hands the tuple and dict to PyObject_Call as they are;
    // pybind11's unpacking would build new ones first, in a child each a page more to copy.
    PyObject* r = PyObject_Call(p.target.ptr(), p.args.ptr(), p.kwargs.ptr());
    if (!r) throw py::error_already_set();
    Py_DECREF(r);
}

// Whether self.run() would call BaseProcess.run: not overridden by the class or the instance.
// Both lookups only read; the class's is answered from the interpreter's method cache, which
// start() fills before the fork so that the child finds the entry there.
bool runIsBase(PyObject* self) {
    if (_PyType_Lookup(Py_TYPE(self), g_names->run) != g_names->baseRun) return false;
    PyObject** dict = _PyObject_GetDictPtr(self);
    if (!dict || !*dict) return true;
    PyObject* own = PyDict_GetItemWithError(*dict, g_names->run); // borrowed
    if (!own && PyErr_Occurred()) throw py::error_already_set();
    return !own;
}

void start(py::object self) {
    Process& p = impl(self);
    checkClosed(p);
    if (p.pid) raise(PyExc_AssertionError, "cannot start a process twice");
    if (p.parentPid != getpid())
        raise(PyExc_AssertionError, "can only start a process object created by current process");
    if (impl(state().current).daemon)
        raise(PyExc_AssertionError, "daemonic processes are not allowed to have children");
    cleanup();
    StdStreams::flushBeforeFork();

    ProcessContext& ctx = context();
    ctx.pendingHow = channel::SpawnHow::Process;
    ctx.pendingName = nameOf(self);
    // The parent's word on the birth, made before the fork: once it has forked, each page the
    // parent writes (a heap block for the text, say) is one to copy while the child lives.
    // Only the child's pid is filled in after.
    auto bornMessage = [](pid_t child, std::string name) {
        return channel::Message{channel::MessageType::Born,
                                child,
                                getpid(),
                                static_cast<int32_t>(channel::SpawnHow::Process),
                                0,
                                std::move(name),
                                {}};
    };
    char born[256];
    const std::size_t bornSize =
        channel::encode(bornMessage(0, ctx.pendingName), born, sizeof born);
    (void)_PyType_Lookup(Py_TYPE(self.ptr()), g_names->run); // cached for the child: see runIsBase
    const pid_t pid = forkInterpreter();
    if (pid == 0) {
        announceForkedChild();
        _exit(bootstrap(self, p));
    }
    ctx.pendingHow = channel::SpawnHow::Fork;
    ctx.pendingName.clear();
    if (pid < 0) throw py::error_already_set();
    p.pid = pid;
    p.pidfd = static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
    // The child introduces itself too, but it may be killed before it gets the chance (a
    // daemon terminated at exit): the parent vouches for its birth at once. The pidfd goes
    // along, so that the engine need not search the machine's processes for the child's.
    if (bornSize > 0) {
        channel::setPid(born, pid);
        channel::sendEncoded(ctx.controlFd, born, bornSize, p.pidfd);
    } else { // a name too long for the buffer
        channel::send(ctx.controlFd, bornMessage(pid, nameOf(self)), p.pidfd);
    }
    // CPython drops these in the parent once started, so the target's objects do not live on
    // for as long as the Process object does.
    p.target = py::none();
    p.args = py::tuple();
    p.kwargs = g_names->emptyDict; // shared, never filled: no new dict written after the fork
    state().children.push_back(self);
}

// Process._bootstrap, in the child. `p` is `self`'s C++ side, known to start() already.
int bootstrap(const py::object& self, Process& p) {
    State& st = state();
    st.parentName = p.parentName;
    st.parentPid = p.parentPid.value_or(0);
    // The process this one was forked from is kept, not freed as CPython frees it here:
    // freeing it writes to a dozen pages shared with the parent (its dict, pybind11's table
    // of instances), each then copied for this child alone, a twentieth of a start+join. A
    // script sees the difference only in a finalizer it attached to current_process().
    st.current.release();
    st.current = self;
    st.parent = py::none();
    st.children.clear();
    st.counter = 0;

    int exitcode = 1;
    try {
        try {
            // BaseProcess.run is called directly: through pybind11's dispatcher the call
            // writes to the heap and the dispatcher's own tables, pages each child would copy.
            // Another run() is looked up as a method call does, without a bound method object.
            if (runIsBase(self.ptr()))
                runTarget(p);
            else if (PyObject* r = PyObject_CallMethodNoArgs(self.ptr(), g_names->run))
                Py_DECREF(r);
            else
                throw py::error_already_set();
            exitcode = 0;
        } catch (py::error_already_set&) {
            exitFunction(); // `finally: util._exit_function()`
            throw;
        }
        exitFunction();
    } catch (py::error_already_set& e) {
        if (e.matches(PyExc_SystemExit)) {
            py::object code = e.value().attr("code");
            if (code.is_none())
                exitcode = 0;
            else if (PyLong_Check(code.ptr()))
                exitcode = code.cast<int>();
            else {
                py::module_::import("sys").attr("stderr").attr("write")(py::str(code) +
                                                                        py::str("\n"));
                exitcode = 1;
            }
        } else {
            exitcode = 1;
            py::module_::import("sys").attr("stderr").attr("write")("Process " + nameOf(self) +
                                                                    ":\n");
            e.restore();
            // The traceback, as traceback.print_exc() shows it, through sys.excepthook, which
            // also reports the error to the engine.
            PyErr_Print();
        }
    }
    // threading._shutdown(), if threading was imported. The interpreter's module table is read
    // directly: an import statement's machinery would write to dozens of objects shared with
    // the parent, each a page to copy in every child.
    if (PyObject* threading = PyDict_GetItem(PyImport_GetModuleDict(), g_names->threading)) {
        if (PyObject* r = PyObject_CallMethodNoArgs(threading, g_names->shutdown))
            Py_DECREF(r);
        else
            PyErr_Clear();
    }
    StdStreams::flushAtChildExit();
    return exitcode;
}

ChildProcess* makeProcess(py::object group, py::object target, py::object name, py::object args,
                          py::object kwargs, py::object daemon) {
    if (!group.is_none()) raise(PyExc_AssertionError, "group argument must be None for now");
    State& st = state();
    const Process& cur = impl(st.current);
    auto p = std::make_unique<ChildProcess>();
    p->identity = cur.identity;
    p->identity.push_back(++st.counter);
    p->daemon = cur.daemon;
    p->parentPid = getpid();
    p->parentName = nameOf(st.current);
    p->target = target;
    p->args = py::tuple(args);
    p->kwargs = py::dict(kwargs);
    if (!name.is_none() && PyObject_IsTrue(name.ptr())) p->name = py::str(name).cast<std::string>();
    if (!daemon.is_none()) p->daemon = PyObject_IsTrue(daemon.ptr()) != 0;
    return p.release();
}

std::string repr(py::object self) {
    Process& p = impl(self);
    std::optional<int> exitcode;
    std::string status;
    if (isCurrent(self))
        status = "started";
    else if (p.closed)
        status = "closed";
    else if (p.parentPid != getpid())
        status = "unknown";
    else if (!p.pid)
        status = "initial";
    else {
        exitcode = poll(p, WNOHANG);
        status = exitcode ? "stopped" : "started";
    }
    std::string out = "<" + py::str(py::type::of(self).attr("__name__")).cast<std::string>();
    out += " name=" + py::repr(py::str(nameOf(self))).cast<std::string>();
    if (p.pid && p.kind == Process::Kind::Child) out += " pid=" + std::to_string(p.pid);
    out += " parent=" + (p.parentPid ? std::to_string(*p.parentPid) : std::string("None"));
    out += " " + status;
    if (exitcode) {
        // CPython's _exitcode_to_name: -SIGTERM rather than -15.
        const char* sig = *exitcode < 0 ? sigabbrev_np(-*exitcode) : nullptr;
        out += " exitcode=" + (sig ? std::string("-SIG") + sig : std::to_string(*exitcode));
    }
    if (p.daemon) out += " daemon";
    return out + ">";
}

} // namespace

Process::~Process() {
    if (pidfd >= 0) close(pidfd);
}

py::object currentProcess() {
    return state().current;
}
py::object parentProcess() {
    State& st = state();
    if (st.parent.is_none() && st.parentName) {
        auto parent = py::cast(new ParentProcess(), py::return_value_policy::take_ownership);
        Process& pp = impl(parent);
        pp.kind = Process::Kind::Parent;
        pp.name = st.parentName;
        pp.pid = st.parentPid;
        st.parent = parent;
    }
    return st.parent;
}

py::list activeChildren() {
    cleanup();
    py::list out;
    for (auto& c : state().children)
        out.append(c);
    return out;
}

std::string identityName(const std::string& prefix, py::handle process) {
    const Process& p = impl(process);
    std::string n = prefix + '-';
    for (std::size_t i = 0; i < p.identity.size(); ++i) {
        if (i) n += ':';
        n += std::to_string(p.identity[i]);
    }
    return n;
}

py::object forkProcessClass() {
    static py::object* cls = nullptr; // never destroyed: see State
    if (!cls) {
        py::object process = py::module_::import("multiprocessing").attr("Process");
        py::dict body;
        body["__module__"] = "multiprocessing.context";
        cls = new py::object(py::reinterpret_borrow<py::object>(reinterpret_cast<PyObject*>(
            &PyType_Type))("ForkProcess", py::make_tuple(process), body));
    }
    return *cls;
}

void exitFunction() {
    State& st = state();
    if (st.exiting) return;
    st.exiting = true;
    // CPython's pool finalizers run first (util._run_finalizers(0)): pools left running are
    // terminated before the remaining children are joined.
    terminateLeftoverPools();
    shutdownLeftoverManagers(); // exitpriority 0: after the pools, before the children are joined
    if (st.children.empty()) return; // most Process children: no list to make and walk
    for (auto& child : activeChildren()) {
        Process& p = impl(child);
        if (p.daemon) sendSignal(p, SIGTERM);
    }
    for (auto& child : activeChildren())
        child.attr("join")();
}

void bindProcessTypes(py::module_& m) {
    py::class_<Process> base(m, "BaseProcess", py::dynamic_attr());
    base.def("run", [](py::object self) { runTarget(impl(self)); })
        .def("start", &start)
        .def(
            "join",
            [](py::object self, py::object timeout) {
                Process& p = impl(self);
                checkClosed(p);
                if (p.parentPid != getpid())
                    raise(PyExc_AssertionError, "can only join a child process");
                if (!p.pid) raise(PyExc_AssertionError, "can only join a started process");
                if (popenWait(p, timeout)) discardChild(self);
            },
            py::arg("timeout") = py::none())
        .def("is_alive",
             [](py::object self) {
                 Process& p = impl(self);
                 checkClosed(p);
                 if (isCurrent(self)) return true;
                 if (p.parentPid != getpid())
                     raise(PyExc_AssertionError, "can only test a child process");
                 if (!p.pid) return false;
                 if (!poll(p, WNOHANG)) return true;
                 discardChild(self);
                 return false;
             })
        .def("terminate",
             [](py::object self) {
                 Process& p = impl(self);
                 checkClosed(p);
                 requirePopen(p, "terminate");
                 sendSignal(p, SIGTERM);
             })
        .def("kill",
             [](py::object self) {
                 Process& p = impl(self);
                 checkClosed(p);
                 requirePopen(p, "kill");
                 sendSignal(p, SIGKILL);
             })
        .def("close",
             [](py::object self) {
                 Process& p = impl(self);
                 if (p.pid) {
                     if (!poll(p, WNOHANG))
                         raise(PyExc_ValueError,
                               "Cannot close a process while it is still running. "
                               "You should first call join() or terminate().");
                 }
                 discardChild(self);
                 p.closed = true;
             })
        .def_property(
            "name", [](py::object self) { return nameOf(self); },
            [](py::object self, py::object name) {
                if (!PyUnicode_Check(name.ptr()))
                    raise(PyExc_AssertionError, "name must be a string");
                impl(self).name = name.cast<std::string>();
                if (isCurrent(self))
                    channel::send(context().controlFd, {channel::MessageType::Name,
                                                        context().pid,
                                                        0,
                                                        0,
                                                        0,
                                                        impl(self).name.value(),
                                                        {}});
            })
        .def_property(
            "daemon", [](py::object self) { return impl(self).daemon; },
            [](py::object self, py::object value) {
                Process& p = impl(self);
                if (p.pid) raise(PyExc_AssertionError, "process has already started");
                p.daemon = PyObject_IsTrue(value.ptr()) != 0;
            })
        .def_property_readonly("pid",
                               [](py::object self) -> py::object {
                                   Process& p = impl(self);
                                   checkClosed(p);
                                   if (isCurrent(self)) return py::int_(getpid());
                                   if (!p.pid) return py::none();
                                   return py::int_(p.pid);
                               })
        .def_property_readonly("ident", [](py::object self) { return self.attr("pid"); })
        .def_property_readonly("exitcode",
                               [](py::object self) -> py::object {
                                   Process& p = impl(self);
                                   checkClosed(p);
                                   if (!p.pid) return py::none();
                                   auto code = poll(p, WNOHANG);
                                   return code ? py::object(py::int_(*code))
                                               : py::object(py::none());
                               })
        .def_property_readonly("_identity",
                               [](py::object self) {
                                   py::tuple t(impl(self).identity.size());
                                   for (std::size_t i = 0; i < impl(self).identity.size(); ++i)
                                       t[i] = impl(self).identity[i];
                                   return t;
                               })
        .def("__repr__", &repr);

    py::class_<ChildProcess, Process>(m, "Process", py::dynamic_attr())
        .def(py::init(&makeProcess), py::arg("group") = py::none(), py::arg("target") = py::none(),
             py::arg("name") = py::none(), py::arg("args") = py::tuple(),
             py::arg("kwargs") = py::dict(), py::kw_only(), py::arg("daemon") = py::none());
    py::class_<MainProcess, Process>(m, "_MainProcess", py::dynamic_attr());
    py::class_<ParentProcess, Process>(m, "_ParentProcess", py::dynamic_attr())
        .def_property_readonly("pid", [](py::object self) { return impl(self).pid; })
        .def("is_alive",
             [](py::object self) { return kill(impl(self).pid, 0) == 0 || errno == EPERM; })
        .def(
            "join",
            [](py::object self, py::object timeout) {
                // The parent is not our child: wait for it to go away, as CPython waits on a
                // pipe the parent holds.
                BlockedOn blocked(channel::WaitReason::Join);
                const double limit = timeout.is_none() ? -1 : py::cast<double>(timeout);
                const int64_t start = channel::monotonicNs();
                while (kill(impl(self).pid, 0) == 0 && getppid() == impl(self).pid) {
                    if (limit >= 0 && static_cast<double>(channel::monotonicNs() - start) / 1e9 >=
                                          realSeconds(limit))
                        return;
                    py::gil_scoped_release nogil;
                    usleep(5000);
                }
            },
            py::arg("timeout") = py::none());

    g_names =
        new Names{PyUnicode_InternFromString("threading"), PyUnicode_InternFromString("_shutdown"),
                  PyUnicode_InternFromString("run"), py::dict()};
    g_names->baseRun =
        PyDict_GetItem(reinterpret_cast<PyTypeObject*>(base.ptr())->tp_dict, g_names->run);
    State& st = state();
    auto main = py::cast(new MainProcess(), py::return_value_policy::take_ownership);
    Process& mp = impl(main);
    mp.kind = Process::Kind::Main;
    mp.name = "MainProcess";
    st.current = main;
}

} // namespace forkscope::runtime

#include "engine/runtime/ForkscopeModule.h"

#include "engine/runtime/InterpreterFork.h"
#include "engine/runtime/Process.h"
#include "engine/runtime/ProcessContext.h"
#include "engine/runtime/PyUtil.h"

#include <frameobject.h>
#include <pybind11/embed.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <unordered_map>

namespace forkscope::runtime {

namespace {

// Code objects compiled from one file share one filename object, so identity answers "is this
// the script?" almost always; the string comparison runs once per new filename object.
struct ScriptMatcher {
    PyObject* script = nullptr; // owned
    PyObject* lastYes = nullptr;
    PyObject* lastNo = nullptr;

    bool matches(PyObject* filename) {
        if (filename == lastYes) return true;
        if (filename == lastNo) return false;
        const bool yes = PyUnicode_Compare(filename, script) == 0;
        if (PyErr_Occurred()) PyErr_Clear();
        (yes ? lastYes : lastNo) = filename;
        return yes;
    }
};
ScriptMatcher g_matcher;
py::object g_realSleep;
py::object g_realForkExec;
py::object g_realWait;
py::object g_realWaitpid;
py::object g_realWait3;
py::object g_realWait4;

// Lines are sampled, not traced. With a trace function installed, CPython 3.11 runs every
// line through it and makes a frame object for every call: a tight loop runs three times
// slower, which would falsify every lesson about CPU-bound work. Instead, after each look at
// /proc the engine sends channel::sampleSignal() to the processes that ran since the previous
// one; CPython runs the Python-level handler below in the main thread, between two bytecodes
// (and restarts a system call the signal interrupted, PEP 475), and the handler notes the
// script line the process is on, a blocking call's line included. The trace function is only
// installed while the run is paused: then every line must stop at the gate.
int traceLine(PyObject*, PyFrameObject* frame, int what, PyObject*);

void noteLine() {
    ProcessContext& ctx = context();
    channel::Slot* slot = ctx.mySlot();
    if (!slot || !g_matcher.script) return; // before the hooks know which file is the script
    for (PyFrameObject* f = PyEval_GetFrame(); f;) { // borrowed, then new references
        PyCodeObject* code = PyFrame_GetCode(f);
        const bool ours = g_matcher.matches(code->co_filename);
        Py_DECREF(code);
        if (ours) {
            slot->line.store(PyFrame_GetLineNumber(f), std::memory_order_relaxed);
            if (f != PyEval_GetFrame()) Py_DECREF(f);
            return;
        }
        PyFrameObject* back = PyFrame_GetBack(f);
        if (f != PyEval_GetFrame()) Py_DECREF(f);
        f = back;
    }
}

// Breakpoints. A tracer that saw every line of every frame would make the run as slow as
// tracing does (above), for the sake of a few lines. So, while breakpoints are armed, the
// tracer stays installed but turns line events off (frame.f_trace_lines) in every frame that
// cannot reach one: frames of other files, and frames of the script whose code object has
// none of the breakpoint lines. Only the functions that hold a breakpoint pay per line.
struct BreakNotes {
    PyObject* linesName = nullptr; // "f_trace_lines", interned
    uint32_t generation = 0;       // of the breakpoint set the notes below were made for
    std::unordered_map<PyObject*, bool> codeHasBreak; // code objects held (a script's are few)

    bool holdsBreak(PyCodeObject* code, const channel::SharedState& shared) {
        const uint32_t gen = shared.breakGeneration.load(std::memory_order_acquire);
        if (gen != generation) {
            generation = gen;
            for (auto& [c, has] : codeHasBreak)
                Py_DECREF(c);
            codeHasBreak.clear();
        }
        auto* key = reinterpret_cast<PyObject*>(code);
        if (auto it = codeHasBreak.find(key); it != codeHasBreak.end()) return it->second;
        bool has = false;
        // co_lines(): (start, end, line) for each run of bytecode; line is None for none.
        if (PyObject* it = PyObject_CallMethod(key, "co_lines", nullptr)) {
            PyObject* iter = PyObject_GetIter(it);
            Py_DECREF(it);
            while (PyObject* t = iter ? PyIter_Next(iter) : nullptr) {
                PyObject* line =
                    PyTuple_Check(t) && PyTuple_GET_SIZE(t) == 3 ? PyTuple_GET_ITEM(t, 2) : nullptr;
                if (line && PyLong_Check(line) &&
                    shared.isBreakLine(static_cast<int>(PyLong_AsLong(line))))
                    has = true;
                Py_DECREF(t);
                if (has) break;
            }
            Py_XDECREF(iter);
        }
        if (PyErr_Occurred()) {
            PyErr_Clear();
            has = true; // cannot tell: keep watching its lines
        }
        Py_INCREF(key);
        codeHasBreak.emplace(key, has);
        return has;
    }

    void setLines(PyFrameObject* frame, bool on) {
        if (!linesName) linesName = PyUnicode_InternFromString("f_trace_lines");
        if (PyObject_SetAttr(reinterpret_cast<PyObject*>(frame), linesName,
                             on ? Py_True : Py_False) != 0)
            PyErr_Clear();
    }
};
BreakNotes g_breaks;

bool tracerWanted(const channel::SharedState& shared) {
    return shared.paused.load(std::memory_order_acquire) ||
           shared.breakArmed.load(std::memory_order_acquire);
}

// Whether a frame of the script needs its line events: always while paused (every line stops
// at the gate) or when nothing is armed (the tracer is on its way out at the next line, and
// the first script line must be seen); otherwise only if its code holds a breakpoint.
bool wantsLines(PyCodeObject* code, const channel::SharedState& shared) {
    if (shared.paused.load(std::memory_order_acquire) ||
        !shared.breakArmed.load(std::memory_order_acquire))
        return true;
    return g_breaks.holdsBreak(code, shared);
}

uint32_t g_watchedGeneration = 0;

// The tracer was just installed, the run paused, or the breakpoints changed: frames already
// running got no call event, and one of them may have had its line events turned off.
void watchRunningFrames(const channel::SharedState& shared) {
    g_watchedGeneration = shared.breakGeneration.load(std::memory_order_acquire);
    for (PyFrameObject* f = PyEval_GetFrame(); f;) { // borrowed, then new references
        PyCodeObject* code = PyFrame_GetCode(f);
        if (g_matcher.matches(code->co_filename)) g_breaks.setLines(f, wantsLines(code, shared));
        Py_DECREF(code);
        PyFrameObject* back = PyFrame_GetBack(f);
        if (f != PyEval_GetFrame()) Py_DECREF(f);
        f = back;
    }
}

void sampleHandler(py::args) {
    noteLine();
    if (!g_matcher.script) return;
    const channel::SharedState& shared = *context().shared;
    if (!tracerWanted(shared)) return;
    const bool installed = PyThreadState_Get()->c_tracefunc == &traceLine;
    if (installed && !shared.paused.load(std::memory_order_acquire) &&
        g_watchedGeneration == shared.breakGeneration.load(std::memory_order_acquire))
        return; // nothing new: leave the frames as their call events set them
    PyEval_SetTrace(&traceLine, nullptr);
    watchRunningFrames(shared);
}

// Runs before a line CPython executes while armed, and at each call. Only lines of the
// learner's script count: their number goes to the shared slot (the engine samples it), a
// breakpoint line pauses the whole run, and, while the run is paused, the process waits at
// the gate until the engine lets it take the line.
int traceLine(PyObject*, PyFrameObject* frame, int what, PyObject*) {
    if (what != PyTrace_LINE && what != PyTrace_CALL) return 0;
    ProcessContext& ctx = context();
    channel::SharedState& shared = *ctx.shared;
    PyCodeObject* code = PyFrame_GetCode(frame);
    const bool ours = g_matcher.matches(code->co_filename);
    if (what == PyTrace_CALL) { // a new frame, or a generator resumed
        g_breaks.setLines(frame, ours && wantsLines(code, shared));
        Py_DECREF(code);
        return 0;
    }
    if (!ours) {
        Py_DECREF(code);
        return 0;
    }
    channel::Slot* slot = ctx.mySlot();
    const int line = PyFrame_GetLineNumber(frame);
    if (slot) slot->line.store(line, std::memory_order_relaxed);
    if (slot && shared.breakArmed.load(std::memory_order_acquire) && shared.isBreakLine(line) &&
        shared.takeBreak(line)) {
        const bool wasPaused = shared.paused.exchange(1, std::memory_order_acq_rel) != 0;
        channel::send(ctx.controlFd,
                      {channel::MessageType::Break, ctx.pid, line, wasPaused ? 1 : 0, 0, {}, {}});
    }
    if (slot && shared.paused.load(std::memory_order_acquire)) {
        channel::send(ctx.controlFd, {channel::MessageType::Gate, ctx.pid, line, 0, 0, {}, {}});
        Py_BEGIN_ALLOW_THREADS shared.gate(ctx.slot);
        Py_END_ALLOW_THREADS if (shared.paused.load(std::memory_order_acquire)) {
            Py_DECREF(code);
            return 0; // still stepping
        }
    }
    if (!tracerWanted(shared))
        PyEval_SetTrace(nullptr, nullptr); // resumed: back to sampling
    else if (!wantsLines(code, shared))
        g_breaks.setLines(frame, false); // lines on since a pause
    Py_DECREF(code);
    return 0;
}

// multiprocessing.current_process().name, without importing multiprocessing: a script that
// never imported it is its main process, and importing it in each child of os.fork() took
// that child over two milliseconds.
std::string currentProcessName() {
    const py::object current = currentProcess();
    if (!current) return "MainProcess";
    try {
        return py::str(current.attr("name"));
    } catch (py::error_already_set&) {
        return "MainProcess";
    }
}

// os.fork, announcing the child from C: an at-fork hook registered with os.register_at_fork
// would do the same, but CPython copies its list of hooks and calls each through the call
// machinery, writing to objects shared with the parent, each a page every child copies.
// Hooks a script registers still run (see InterpreterFork.h), before the child announces
// itself. The name is the parent's current_process().name, as an os.fork child's is: taken
// before the fork, so that the child need not look it up.
PyObject* forkAndAnnounce(PyObject*, PyObject*) {
    if (PySys_Audit("os.fork", nullptr) < 0) return nullptr;
    ProcessContext& ctx = context();
    try {
        ctx.pendingName = currentProcessName();
    } catch (...) {
        ctx.pendingName = "MainProcess"; // out of memory: a wrong name is better than no child
    }
    ctx.pendingHow = channel::SpawnHow::Fork;
    const pid_t pid = forkInterpreter();
    if (pid == 0) {
        announceForkedChild();
    } else {
        ctx.pendingName.clear();
        if (pid < 0) return nullptr;
    }
    return PyLong_FromLong(pid);
}
PyMethodDef g_forkDef{"fork", &forkAndAnnounce, METH_NOARGS,
                      "Fork a child process.\n\nReturn 0 to child process and PID of child to "
                      "parent process."};

// time.sleep, scaled by the run's speed. The real time.sleep does the sleeping, so the process
// is in the same system call as under python3; only its length changes.
py::object scaledSleep(py::object seconds) {
    if (!PyFloat_Check(seconds.ptr()) && !PyLong_Check(seconds.ptr())) return g_realSleep(seconds);
    const double s = py::cast<double>(seconds);
    if (!(s > 0)) return g_realSleep(seconds); // zero, negative (ValueError) or NaN: as CPython
    BlockedOn blocked(channel::WaitReason::Sleep);
    return g_realSleep(realSeconds(s));
}

// _posixsubprocess.fork_exec forks and execs in C, where no at-fork hook runs, and the child
// may be gone before the engine's next look: the parent says at once that it was born.
py::object forkExec(py::args args) {
    py::object pid = g_realForkExec(*args);
    std::string name = "subprocess";
    try {
        py::sequence argv = args[0];
        if (py::len(argv) > 0) {
            name = py::str(py::module_::import("os").attr("fsdecode")(argv[0]));
            if (const auto slash = name.rfind('/'); slash != std::string::npos)
                name.erase(0, slash + 1);
        }
    } catch (py::error_already_set&) {
    }
    const ProcessContext& ctx = context();
    // Only the parent can name the child by a pidfd at once (it cannot have been reaped yet);
    // the engine would otherwise search the machine's processes for it.
    const int pidfd = static_cast<int>(syscall(SYS_pidfd_open, pid.cast<int>(), 0));
    channel::send(ctx.controlFd,
                  {channel::MessageType::Born,
                   pid.cast<int>(),
                   ctx.pid,
                   static_cast<int32_t>(channel::SpawnHow::Fork),
                   0,
                   name,
                   {}},
                  pidfd);
    if (pidfd >= 0) close(pidfd);
    return pid;
}

// os.wait, waitpid, wait3 and wait4 are the real calls. A child one of them reaps is told to
// the engine with its status at once: the engine may never have looked at a child that lived
// and died between two of its looks, and once reaped, /proc has nothing left to say.
template <py::object* Real> py::object reportingWait(py::args args, py::kwargs kwargs) {
    py::object result = (*Real)(*args, **kwargs);
    const auto pidAndStatus = result.cast<py::tuple>();
    const int pid = pidAndStatus[0].cast<int>();
    const int status = pidAndStatus[1].cast<int>();
    if (pid > 0 && (WIFEXITED(status) || WIFSIGNALED(status))) {
        const ProcessContext& ctx = context();
        channel::send(ctx.controlFd,
                      {channel::MessageType::Reaped, pid, status, ctx.pid, 0, {}, {}});
    }
    return result;
}

void excepthook(py::handle type, py::handle value, py::handle tb) {
    const ProcessContext& ctx = context();
    const ExceptionSite site = describeException(type.ptr(), value.ptr(), tb.ptr(), ctx.script);
    channel::ErrorWhat what = channel::ErrorWhat::Exception;
    if (PyErr_GivenExceptionMatches(type.ptr(), PyExc_SyntaxError))
        what = channel::ErrorWhat::Syntax;
    else if (py::hasattr(value, "_forkscope_unsupported"))
        what = channel::ErrorWhat::Unsupported;
    else if (PyErr_GivenExceptionMatches(type.ptr(), PyExc_MemoryError))
        what = channel::ErrorWhat::Limit;
    sendError(what, site.file, site.line, site.message);
    py::module_::import("sys").attr("__excepthook__")(type, value, tb);
}

} // namespace

void noteCurrentLine() {
    noteLine();
}

PyObject* initForkscopeModule() {
    static PyModuleDef def{PyModuleDef_HEAD_INIT,
                           "_forkscope",
                           nullptr,
                           -1,
                           nullptr,
                           nullptr,
                           nullptr,
                           nullptr,
                           nullptr};
    try {
        auto m = py::reinterpret_steal<py::module_>(PyModule_Create(&def));
        if (!m) return nullptr;
        m.doc() = "Forkscope's hooks inside the run's processes.";
        m.add_object("fork", py::reinterpret_steal<py::object>(
                                 PyCFunction_NewEx(&g_forkDef, nullptr, m.attr("__name__").ptr())));
        m.def("sleep", &scaledSleep, py::arg("seconds"),
              "time.sleep at the run's speed (the real call, scaled)");
        m.def("excepthook", &excepthook);
        m.def("fork_exec", &forkExec);
        m.def("wait", &reportingWait<&g_realWait>);
        m.def("waitpid", &reportingWait<&g_realWaitpid>);
        m.def("wait3", &reportingWait<&g_realWait3>);
        m.def("wait4", &reportingWait<&g_realWait4>);
        m.def("_sample", &sampleHandler);
        return m.release().ptr();
    } catch (py::error_already_set& e) {
        e.restore();
        return nullptr;
    }
}

bool installHooks() {
    try {
        ProcessContext& ctx = context();
        g_matcher.script = PyUnicode_FromString(ctx.script.c_str());
        auto fs = py::module_::import("_forkscope");
        auto time = py::module_::import("time");
        g_realSleep = time.attr("sleep");
        time.attr("sleep") = fs.attr("sleep");
        auto os = py::module_::import("os");
        os.attr("fork") = fs.attr("fork");
        for (auto [name, real] :
             {std::pair{"wait", &g_realWait}, std::pair{"waitpid", &g_realWaitpid},
              std::pair{"wait3", &g_realWait3}, std::pair{"wait4", &g_realWait4}}) {
            *real = os.attr(name);
            os.attr(name) = fs.attr(name);
        }
        py::module_::import("sys").attr("excepthook") = fs.attr("excepthook");
        auto posixsubprocess = py::module_::import("_posixsubprocess");
        g_realForkExec = posixsubprocess.attr("fork_exec");
        posixsubprocess.attr("fork_exec") = fs.attr("fork_exec");
        // subprocess binds fork_exec when it is imported; normally that is after this point.
        py::dict modules = py::module_::import("sys").attr("modules");
        if (modules.contains("subprocess"))
            modules["subprocess"].attr("_fork_exec") = fs.attr("fork_exec");
        // _signal, the C module under signal: signal.py imports enum, which brings functools,
        // collections and more, a sixth of the lesson process's memory, and each page of it
        // one more for every fork to copy. python3 does not import them before the script.
        py::module_ signal = py::module_::import("_signal");
        signal.attr("signal")(channel::sampleSignal(), fs.attr("_sample"));
        // CPython's shutdown puts its handlers back to the default, which for a real-time
        // signal is to terminate: ignore it first (atexit runs before that).
        py::module_::import("atexit").attr("register")(
            signal.attr("signal"), channel::sampleSignal(), signal.attr("SIG_IGN"));
        // Traced until the first script line: it is always seen, and held with --step.
        PyEval_SetTrace(&traceLine, nullptr);
        return true;
    } catch (py::error_already_set& e) {
        e.restore();
        return false;
    }
}

} // namespace forkscope::runtime

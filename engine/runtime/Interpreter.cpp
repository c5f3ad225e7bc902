#include "engine/image/HugeData.h"
#include "engine/runtime/ArenaCache.h"
#include "engine/runtime/ForkscopeModule.h"
#include "engine/runtime/Multiprocessing.h"
#include "engine/runtime/ProcessContext.h"
#include "engine/runtime/Runtime.h"

#include <Python.h>
#include <cstdio>
#include <filesystem>
#include <malloc.h>
#include <stdlib.h>
#include <unistd.h>
#include <vector>

namespace forkscope::runtime {

namespace {

bool failed(PyStatus status, PyConfig* config) {
    if (!PyStatus_Exception(status)) return false;
    PyConfig_Clear(config);
    if (PyStatus_IsExit(status)) return true;
    std::fprintf(stderr, "forkscope: cannot start Python: %s\n",
                 status.err_msg ? status.err_msg : "unknown error");
    return true;
}

// stdout is a socket, so CPython would buffer it in blocks; a learner watches it live.
bool lineBufferStdio() {
    for (const char* name : {"stdout", "stderr"}) {
        PyObject* stream = PySys_GetObject(name);
        if (!stream) continue;
        PyObject* kwargs = Py_BuildValue("{s:O}", "line_buffering", Py_True);
        PyObject* method = PyObject_GetAttrString(stream, "reconfigure");
        PyObject* empty = PyTuple_New(0);
        PyObject* r = method && kwargs && empty ? PyObject_Call(method, empty, kwargs) : nullptr;
        Py_XDECREF(empty);
        Py_XDECREF(method);
        Py_XDECREF(kwargs);
        if (!r) return false;
        Py_DECREF(r);
    }
    return true;
}

// sys.exit(), or a SystemExit that reaches the top, ends in Py_Exit: it finalizes the
// interpreter and calls exit(), which would run the C++ destructors of this process's statics
// (this process is a fork of the engine), the py::objects among them after the interpreter is
// gone: a fatal error, SIGABRT, where python3 exits with the script's status. The process
// leaves as it does when Py_RunMain returns (Sandbox: _exit), once C stdio is flushed.
void leaveWithoutDestructors(int status, void*) {
    std::fflush(nullptr);
    _exit(status);
}

} // namespace

int runMain(const Config& config) {
    // Registered after every static's destructor, so it runs before them all. Processes the
    // script forks inherit it.
    on_exit(&leaveWithoutDestructors, nullptr);
    ProcessContext& ctx = context();
    ctx.shared = config.shared;
    ctx.arena = config.arena;
    ctx.controlFd = config.controlFd;
    // CPython makes the script's path absolute for its code objects and __file__ (config's
    // run_filename); its lines are recognised by that path.
    ctx.script = std::filesystem::absolute(config.script).string();
    announceSelf(channel::SpawnHow::Main, "MainProcess");

    // Builtin modules are found before the standard library's, so this multiprocessing is
    // the one `import multiprocessing` gets.
    PyImport_AppendInittab("_forkscope", &initForkscopeModule);
    PyImport_AppendInittab("multiprocessing", &initMultiprocessingModule);

    // Memory a lesson process frees stays in it for its next allocation, as the arenas do
    // (ArenaCache.h): glibc would otherwise give back a big block (a map chunk's result list,
    // a pickled chunk) at once and fault its pages in again for the next one.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    ArenaCache::install();
    PyConfig pyConfig;
    PyConfig_InitPythonConfig(&pyConfig);
    // Behave as `/usr/bin/python3 -u SCRIPT` does, whatever the environment says: a pyenv or
    // a PYTHONPATH on the machine must not change what a lesson does.
    pyConfig.use_environment = 0;
    pyConfig.user_site_directory = 0;
    // Line-buffered output, as on a terminal: each line appears when it is printed (see
    // lineBufferStdio below), and a fork copies a half-written line as a terminal would.
    pyConfig.write_bytecode = 0; // no __pycache__ in the lessons folder
    pyConfig.parse_argv = 0;
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(config.script.c_str()));
    for (const auto& a : config.args)
        argv.push_back(const_cast<char*>(a.c_str()));
    if (failed(PyConfig_SetBytesString(&pyConfig, &pyConfig.program_name, "/usr/bin/python3"),
               &pyConfig) ||
        failed(PyConfig_SetBytesString(&pyConfig, &pyConfig.executable, "/usr/bin/python3"),
               &pyConfig) ||
        failed(PyConfig_SetBytesString(&pyConfig, &pyConfig.run_filename, config.script.c_str()),
               &pyConfig) ||
        failed(PyConfig_SetBytesArgv(&pyConfig, static_cast<Py_ssize_t>(argv.size()), argv.data()),
               &pyConfig))
        return 1;
    if (failed(Py_InitializeFromConfig(&pyConfig), &pyConfig)) return 1;
    PyConfig_Clear(&pyConfig);

    if (!lineBufferStdio() || !installHooks()) {
        PyErr_Print();
        return 1;
    }
    // Once the interpreter has made most of what every fork will copy, and before the script
    // starts, not at its first fork (engine/image/HugeData.h says why). Every process of the
    // run is forked from this one and shares the result.
    image::moveDataToHugePages();
    // Runs the script as python3 does (sys.path[0], __main__, SystemExit, atexit, flushing)
    // and finalizes the interpreter.
    return Py_RunMain();
}

} // namespace forkscope::runtime

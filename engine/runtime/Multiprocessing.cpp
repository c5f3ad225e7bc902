#include "engine/runtime/Multiprocessing.h"

#include "engine/runtime/Lock.h"
#include "engine/runtime/ManagedQueue.h"
#include "engine/runtime/ManagedReferent.h"
#include "engine/runtime/Manager.h"
#include "engine/runtime/Pool.h"
#include "engine/runtime/Process.h"
#include "engine/runtime/PyUtil.h"
#include "engine/runtime/Queue.h"

#include <array>
#include <string_view>

namespace forkscope::runtime {

namespace {

// Names CPython's multiprocessing has that ours does not have yet: asking for one is an
// ImportError that says so, rather than an AttributeError that looks like a typo.
constexpr std::array kNotYet = {
    "Pipe",
    "Condition",
    "Semaphore",
    "BoundedSemaphore",
    "Event",
    "Barrier",
    "JoinableQueue",
    "SimpleQueue",
    "RawValue",
    "RawArray",
    "Value",
    "Array",
    "get_logger",
    "log_to_stderr",
    "allow_connection_pickling",
    "set_executable",
    "set_forkserver_preload",
    "get_context",
    "get_all_start_methods",
    "reducer",
    "SUBDEBUG",
    "SUBWARNING",
    "pool",
    "queues",
    "managers",
    "connection",
    "synchronize",
    "shared_memory",
    "dummy",
    "context",
    "process",
    "util",
    "sharedctypes",
    "heap",
    "reduction",
    "spawn",
    "popen_fork",
    "resource_tracker",
    "forkserver",
};

py::object moduleGetattr(const std::string& name) {
    for (std::string_view n : kNotYet) {
        if (n == name) {
            py::object err = py::module_::import("builtins")
                                 .attr("ImportError")("multiprocessing." + name +
                                                          " is not supported by Forkscope yet",
                                                      py::arg("name") = "multiprocessing");
            err.attr("_forkscope_unsupported") = true;
            PyErr_SetObject(PyExc_ImportError, err.ptr());
            throw py::error_already_set();
        }
    }
    raise(PyExc_AttributeError, "module 'multiprocessing' has no attribute '" + name + "'");
}

void defineExceptions(py::module_& m) {
    // The same hierarchy as multiprocessing.context, so `except multiprocessing.TimeoutError`
    // reads the same in a lesson as in CPython.
    auto processError = py::exception<std::exception>(m, "ProcessError");
    py::exception<std::exception>(m, "BufferTooShort", processError.ptr());
    py::exception<std::exception>(m, "TimeoutError", processError.ptr());
    py::exception<std::exception>(m, "AuthenticationError", processError.ptr());
}

} // namespace

PyObject* initMultiprocessingModule() {
    static PyModuleDef def{PyModuleDef_HEAD_INIT,
                           "multiprocessing",
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
        m.doc() = "Forkscope's multiprocessing: CPython's API on native, observable primitives.";
        bindProcessTypes(m);
        bindPoolTypes(m);
        bindQueueType(m);
        bindLockTypes(m);
        bindManagedQueueType(m);
        bindManagedReferentTypes(m);
        bindManagerTypes(m);
        defineExceptions(m);
        m.def("current_process", &currentProcess, "The Process object of this process.");
        m.def("parent_process", &parentProcess,
              "The parent's Process object, None in the main process.");
        m.def("active_children", &activeChildren,
              "Started children still alive (finished ones are reaped).");
        m.def("cpu_count", []() -> py::object {
            py::object n = py::module_::import("os").attr("cpu_count")();
            if (n.is_none()) raise(PyExc_NotImplementedError, "cannot determine number of cpus");
            return n;
        });
        m.def("freeze_support", []() {});
        m.def(
            "get_start_method", [](py::object) { return "fork"; }, py::arg("allow_none") = false);
        m.def(
            "set_start_method",
            [](const std::string& method, py::object) {
                if (method != "fork")
                    raise(PyExc_ValueError,
                          "Forkscope runs processes with the 'fork' start method only");
            },
            py::arg("method"), py::arg("force") = false);
        m.def("_exit_function", &exitFunction);
        m.def("__getattr__", &moduleGetattr);
        // CPython's multiprocessing.util registers the same at import.
        py::module_::import("atexit").attr("register")(m.attr("_exit_function"));
        return m.release().ptr();
    } catch (py::error_already_set& e) {
        e.restore();
        return nullptr;
    }
}

} // namespace forkscope::runtime

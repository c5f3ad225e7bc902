#pragma once
// Small helpers over pybind11 for behaving exactly as CPython's own code does.

#include <pybind11/pybind11.h>
#include <string>

namespace forkscope::runtime {

namespace py = pybind11;

// Raises `type(message)` in Python, as `raise type(message)` would.
[[noreturn]] void raise(PyObject* type, const std::string& message);

// Where an uncaught exception happened, in the learner's file when the traceback passes
// through it (the innermost such frame), else the innermost frame.
struct ExceptionSite {
    std::string file;
    int line = 0;
    std::string message; // "TypeName: text", as the traceback's last line says it
};
ExceptionSite describeException(PyObject* type, PyObject* value, PyObject* traceback,
                                const std::string& script);

} // namespace forkscope::runtime

#include "engine/runtime/PyUtil.h"

namespace forkscope::runtime {

void raise(PyObject* type, const std::string& message) {
    PyErr_SetString(type, message.c_str());
    throw py::error_already_set();
}

ExceptionSite describeException(PyObject* type, PyObject* value, PyObject* traceback,
                                const std::string& script) {
    ExceptionSite site;
    py::gil_scoped_acquire gil;
    try {
        const auto typeName = py::handle(type).attr("__name__").cast<std::string>();
        const std::string text = value ? py::str(value).cast<std::string>() : std::string();
        site.message = text.empty() ? typeName : typeName + ": " + text;
        if (value && PyErr_GivenExceptionMatches(type, PyExc_SyntaxError)) {
            // The error is in the source, not in a frame: SyntaxError carries its own place.
            py::handle v(value);
            if (!v.attr("filename").is_none()) site.file = py::str(v.attr("filename"));
            if (!v.attr("lineno").is_none()) site.line = v.attr("lineno").cast<int>();
            return site;
        }
        std::string lastFile;
        int lastLine = 0;
        for (py::handle tb(traceback); tb && !tb.is_none(); tb = tb.attr("tb_next")) {
            const py::handle code = tb.attr("tb_frame").attr("f_code");
            const auto file = code.attr("co_filename").cast<std::string>();
            const int line = tb.attr("tb_lineno").cast<int>();
            lastFile = file;
            lastLine = line;
            if (file == script) {
                site.file = file;
                site.line = line;
            }
        }
        if (site.file.empty()) {
            site.file = lastFile;
            site.line = lastLine;
        }
    } catch (py::error_already_set&) {
        // Describing must never fail the process: what we have is what we report.
    }
    return site;
}

void flushStdStreams() {
    // Interned by the first call, which a process makes before it forks (Process.start): a
    // child flushing at its end then allocates nothing, in memory it shares with its parent.
    static PyObject* const sysName = PyUnicode_InternFromString("sys");
    static PyObject* const streamNames[] = {PyUnicode_InternFromString("stdout"),
                                            PyUnicode_InternFromString("stderr")};
    static PyObject* const flushName = PyUnicode_InternFromString("flush");
    PyObject* sys = PyDict_GetItem(PyImport_GetModuleDict(), sysName); // borrowed
    PyObject* sysDict = sys && PyModule_Check(sys) ? PyModule_GetDict(sys) : nullptr;
    for (PyObject* name : streamNames) {
        // Without sys in the module table (a script removed it), the interpreter's own.
        PyObject* stream = sysDict ? PyDict_GetItem(sysDict, name)
                                   : PySys_GetObject(PyUnicode_AsUTF8(name)); // borrowed
        if (!stream || stream == Py_None) continue;
        PyObject* r = PyObject_CallMethodNoArgs(stream, flushName);
        if (r)
            Py_DECREF(r);
        else
            PyErr_Clear();
    }
}

} // namespace forkscope::runtime

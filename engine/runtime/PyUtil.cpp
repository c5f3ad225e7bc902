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

} // namespace forkscope::runtime

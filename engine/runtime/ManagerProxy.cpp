#include "engine/runtime/ManagerProxy.h"

#include <cstdio>

namespace forkscope::runtime {

std::string hexAddress(const void* p) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%lx", reinterpret_cast<unsigned long>(p));
    return buf;
}

void raiseManagerGone() {
    PyErr_SetObject(PyExc_BrokenPipeError, py::make_tuple(32, "Broken pipe").ptr());
    throw py::error_already_set();
}

void addRebuildFunction(py::module_& m, PyMethodDef& def) {
    py::object fn = py::reinterpret_steal<py::object>(
        PyCFunction_NewEx(&def, m.ptr(), m.attr("__name__").ptr()));
    if (!fn) throw py::error_already_set();
    m.attr(def.ml_name) = fn;
}

void hideProxyType(py::module_& m, const char* name) {
    new py::object(m.attr(name)); // never freed
    py::delattr(m, name);
}

} // namespace forkscope::runtime

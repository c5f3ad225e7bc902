#include "engine/runtime/FunctionPickles.h"

namespace forkscope::runtime {

namespace {
py::object pickleFunction(const char* name) {
    static auto* pickle = new py::object(py::module_::import("pickle")); // never freed
    return pickle->attr(name);
}
} // namespace

bool FunctionPickles::reusable(py::handle func, py::object* module, py::object* name) {
    if (!PyFunction_Check(func.ptr())) return false;
    PyObject* qualname = reinterpret_cast<PyFunctionObject*>(func.ptr())->func_qualname;
    PyObject* modname = reinterpret_cast<PyFunctionObject*>(func.ptr())->func_module;
    if (!qualname || !modname || !PyUnicode_Check(qualname) || !PyUnicode_Check(modname))
        return false;
    if (PyUnicode_FindChar(qualname, '.', 0, PyUnicode_GET_LENGTH(qualname), 1) != -1) return false;
    PyObject* m = PyImport_GetModule(modname); // sys.modules only: no import
    if (!m) {
        PyErr_Clear();
        return false;
    }
    *module = py::reinterpret_steal<py::object>(m);
    *name = py::reinterpret_borrow<py::object>(qualname);
    return stillNamed(py::reinterpret_borrow<py::object>(func), *module, *name);
}

bool FunctionPickles::stillNamed(const py::object& func, const py::object& module,
                                 const py::object& name) {
    PyObject* v = PyObject_GetAttr(module.ptr(), name.ptr());
    if (!v) {
        PyErr_Clear();
        return false;
    }
    Py_DECREF(v); // only its identity is compared
    return v == func.ptr();
}

const std::string& FunctionPickles::dump(py::handle func) {
    if (dumped_ && dumped_.ptr() == func.ptr() && stillNamed(dumped_, dumpedModule_, dumpedName_))
        return dumpedBytes_;
    py::bytes b = pickleFunction("dumps")(func, -1);
    dumpedBytes_ = std::string(b);
    py::object module, name;
    if (reusable(func, &module, &name)) {
        dumped_ = py::reinterpret_borrow<py::object>(func);
        dumpedModule_ = std::move(module);
        dumpedName_ = std::move(name);
    } else {
        dumped_ = py::object();
    }
    return dumpedBytes_;
}

py::object FunctionPickles::load(std::string_view bytes) {
    if (loaded_ && bytes == loadedBytes_ && stillNamed(loaded_, loadedModule_, loadedName_))
        return loaded_;
    py::object func = pickleFunction("loads")(py::bytes(bytes.data(), bytes.size()));
    py::object module, name;
    if (reusable(func, &module, &name)) {
        loaded_ = func;
        loadedModule_ = std::move(module);
        loadedName_ = std::move(name);
        loadedBytes_.assign(bytes.data(), bytes.size());
    } else {
        loaded_ = py::object();
    }
    return func;
}

} // namespace forkscope::runtime

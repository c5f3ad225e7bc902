#pragma once
// The pickle of a Pool task's function, made once and reused while the task function stays
// the same. pickle.dumps of a function looks its module up through the import machinery
// (importlib's _handle_fromlist, in Python) and pickle.loads does the same to find it again:
// about 2 us on each side per task, more than a tiny task's whole work.
//
// Reuse never changes what a script sees: a plain module-level function is reused only while
// its module still names it (as pickle itself checks), and anything else (a method, a partial,
// a builtin, a lambda with its PicklingError) is pickled every time.

#include "engine/runtime/PyUtil.h"

#include <string>
#include <string_view>

namespace forkscope::runtime {

class FunctionPickles {
public:
    // The pickle of `func`; throws (error_already_set) as pickle.dumps does.
    const std::string& dump(py::handle func);
    // The function a pickle made by dump() names; throws as pickle.loads does.
    py::object load(std::string_view bytes);

private:
    // A plain function that its module names by its __qualname__ (no dots: not nested).
    static bool reusable(py::handle func, py::object* module, py::object* name);
    static bool stillNamed(const py::object& func, const py::object& module,
                           const py::object& name);

    py::object dumped_, dumpedModule_, dumpedName_;
    std::string dumpedBytes_;
    py::object loaded_, loadedModule_, loadedName_;
    std::string loadedBytes_;
};

} // namespace forkscope::runtime

#pragma once

#include <Python.h>

namespace forkscope::runtime {

// The `_forkscope` module's init function, registered with PyImport_AppendInittab.
PyObject* initForkscopeModule();

// After Py_Initialize: line tracing (with the step gate), the scaled time.sleep, the fork
// hook that announces children, and the excepthook that reports uncaught errors.
// Returns false with a Python error set on failure.
bool installHooks();

// Notes the script line this process is on in its slot. Needs the GIL.
void noteCurrentLine();

} // namespace forkscope::runtime

#define Py_BUILD_CORE 1
#include "engine/runtime/InterpreterHooks.h"

#include <Python.h>
#include <internal/pycore_interp.h>

int forkscope_interpreter_fork_hooks(void) {
    const PyInterpreterState* interp = PyInterpreterState_Main();
    return interp->before_forkers != NULL || interp->after_forkers_parent != NULL ||
           interp->after_forkers_child != NULL;
}

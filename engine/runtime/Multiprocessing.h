#pragma once

#include <Python.h>

namespace forkscope::runtime {

// Init function of the builtin `multiprocessing` module that replaces CPython's.
PyObject* initMultiprocessingModule();

} // namespace forkscope::runtime

#pragma once
// What the proxies of a Manager's shared objects (ManagedQueue, ManagedReferent) have in
// common: CPython's look and behaviour of a proxy whose server is gone, and how a proxy type
// and its pickle's rebuild function are registered.

#include "engine/runtime/PyUtil.h"

#include <string>

namespace forkscope::runtime {

// "0x7f..." as repr() shows an address.
std::string hexAddress(const void* p);

// What a CPython proxy raises once its manager has shut down: the server's end is closed.
[[noreturn]] void raiseManagerGone();

// Registers `def` as a plain builtin of `m` (not a pybind11 function, whose pickle would name
// a capsule), so that pickle finds a proxy's rebuild function by name.
void addRebuildFunction(py::module_& m, PyMethodDef& def);

// Takes the proxy type `name` back out of `m` (it is not a name of CPython's multiprocessing:
// scripts reach it through a Manager) while keeping it alive, since pybind11 forgets a type
// once it is collected.
void hideProxyType(py::module_& m, const char* name);

} // namespace forkscope::runtime

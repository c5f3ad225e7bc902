#pragma once
// Manager().list() and Manager().dict(): proxies of a list or a dict that CPython 3.11 keeps in
// the manager's server process, and which every call reaches through a pickled request. Here
// the value lives pickled in the arena, under a robust process-shared mutex: a call takes the
// mutex, rebuilds the value, runs the method on it, and stores it again if the method changes
// it. What a learner sees is what CPython's ListProxy and DictProxy show: the same methods,
// arguments and results that are copies (so `d["k"].append(1)` changes nothing, as in CPython),
// dict views returned as lists, the referent's exceptions, and `==` comparing identities.
// The engine does not report their operations; queues are what the lessons watch.

#include "engine/runtime/PyUtil.h"

#include <cstdint>

namespace forkscope::runtime {

// Registers ListProxy and DictProxy (in multiprocessing.managers) and the function that
// rebuilds one from its pickle.
void bindManagedReferentTypes(py::module_& m);

// A new managed list or dict (`isDict`) holding `initial`, owned by `manager`. Returns the
// proxy and, in `*token`, what the manager keeps to tell it that it shut down.
py::object makeManagedReferent(py::handle manager, bool isDict, py::handle initial,
                               uint64_t* token);

// The manager behind the value of `token` shut down: its proxies now raise BrokenPipeError.
void markManagedReferentGone(uint64_t token) noexcept;

} // namespace forkscope::runtime

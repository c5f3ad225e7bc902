#pragma once
// multiprocessing.Manager(): a SyncManager as CPython 3.11 has it where a learner can see it.
// Manager() starts a server process, a child of the caller named SyncManager-N (N from the
// same counter as Process-N), listed by active_children(), which lives until shutdown():
// called by hand, by the end of a `with` block, when the manager is garbage collected, or at
// exit before the remaining children are joined (CPython's finalizer). Its Queue() is a
// ManagedQueue, its list() and dict() ManagedReferents; the other managed types raise
// NotImplementedError saying that Forkscope does not support them yet.
//
// The server serves nothing: the managed queue lives in the arena, where the engine sees it.
// The process is there because it is there in CPython, and a lesson about managers shows it.

#include "engine/runtime/PyUtil.h"

namespace forkscope::runtime {

// Registers Manager() and the manager's server function in `m`.
void bindManagerTypes(py::module_& m);

// At exit: shuts down the managers this process started and has not shut down.
void shutdownLeftoverManagers();

} // namespace forkscope::runtime

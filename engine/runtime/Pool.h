#pragma once
// multiprocessing.Pool, rebuilt in C++ on our Process, pipes and one handler thread.
//
// CPython's Pool forks every worker inside Pool(), names them ForkPoolWorker-N, makes them
// daemonic, and runs three threads in the parent: one feeds tasks, one collects results and
// runs callbacks, one replaces workers that retired (maxtasksperchild). Ours does the same
// with one thread: each worker has a task pipe and a result pipe, the thread hands the oldest
// task to an idle worker (so tasks start in FIFO order, at most one per worker), reads results,
// runs callbacks in completion order, and replaces retired workers. Everything that touches
// Python state runs with the GIL held, which is also what serialises the thread and the
// methods the script calls.

#include "engine/runtime/PyUtil.h"

namespace forkscope::runtime {

// Registers Pool, ApplyResult (AsyncResult), MapResult, IMapIterator and
// IMapUnorderedIterator in `m`.
void bindPoolTypes(py::module_& m);

// At interpreter exit: terminate the pools the script left running, so that no handler
// thread outlives the interpreter (CPython does it with a finalizer).
void terminateLeftoverPools();

} // namespace forkscope::runtime

#pragma once
// multiprocessing.Lock and RLock on the arena's lock (engine/shm/ShmLock.h), as CPython 3.11's
// multiprocessing.synchronize has them wherever a learner can see it: acquire(block=True,
// timeout=None) with SemLock's rules (None waits for ever, a negative timeout is 0, a timeout
// with block=False is ignored), release() raising ValueError("semaphore or lock released too
// many times") on a free Lock and AssertionError on an RLock held by someone else, use as a
// context manager, and the same reprs.
//
// One difference, on purpose: when a holder dies, the next acquirer takes the lock over (the
// engine reports `recover`), where CPython's waiters would wait for ever. A script asks for
// CPython's behaviour with `multiprocessing._forkscope_robust_locks = False`, which applies to
// the locks it makes afterwards.

#include "engine/runtime/PyUtil.h"

namespace forkscope::runtime {

// Registers Lock and RLock in `m` (their __module__ is multiprocessing.synchronize), and the
// `_forkscope_robust_locks` switch.
void bindLockTypes(py::module_& m);

} // namespace forkscope::runtime

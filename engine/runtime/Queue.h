#pragma once
// multiprocessing.Queue on the arena's queue (engine/shm/ShmQueue.h), behaving as CPython
// 3.11's multiprocessing.queues.Queue does wherever a learner can see it: the same methods,
// arguments, exceptions (queue.Full, queue.Empty) and messages. What differs is what cannot
// be seen but can bite: no feeder thread, so a put is in the queue when put() returns (qsize()
// and empty() are exact at once), a process never hangs at exit flushing a queue, and a
// process killed in the middle of a put or get leaves the queue whole.

#include "engine/runtime/PyUtil.h"

namespace forkscope::runtime {

// Registers Queue in `m` (its __module__ is multiprocessing.queues, as CPython's).
void bindQueueType(py::module_& m);

} // namespace forkscope::runtime

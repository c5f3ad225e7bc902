#pragma once
// Manager().Queue(): the proxy of a queue.Queue that CPython 3.11 keeps in the manager's server
// process. Here the items live in an arena queue (engine/shm/ShmQueue.h), like a plain
// multiprocessing.Queue's, so the engine shows every put and get and the queue's contents the
// same way; what a learner sees through the proxy is queue.Queue's API and rules (put/get with
// block and timeout, the nowait forms, qsize, empty, full, task_done, join; queue.Full and
// queue.Empty; ValueError for a negative timeout; a pickling error raised by put() itself).
//
// Unlike a plain Queue it pickles (by its queue's number), so it can be a Pool task's argument
// or travel through another queue; and once its manager has shut down, using it raises
// BrokenPipeError, as CPython's proxy does when its server is gone.

#include "engine/runtime/PyUtil.h"

#include <cstdint>

namespace forkscope::runtime {

// Registers the proxy type (AutoProxy[Queue], in multiprocessing.managers) and the function
// that rebuilds one from its pickle.
void bindManagedQueueType(py::module_& m);

// A new managed queue of `maxsize` (queue.Queue's: <= 0 is unbounded) owned by `manager`.
// Returns the proxy and, in `*token`, what the manager keeps to tell the queue it shut down.
py::object makeManagedQueue(py::handle manager, py::handle maxsize, uint64_t* token);

// The manager behind the queue of `token` shut down: its proxies now raise BrokenPipeError.
void markManagedQueueGone(uint64_t token) noexcept;

} // namespace forkscope::runtime

#pragma once
// Pool task events through the op log, as queue and lock operations go: a tiny task is a few
// microseconds of work, and a socket message per submit, start and done (a system call in the
// process and another in the engine, each) would cost more than the task.

#include "engine/shm/ShmQueue.h"

#include <string_view>

namespace forkscope::shm {

enum class TaskStep : uint8_t { Submit = 1, Start = 2, Done = 3, Error = 4 };

// A task's steps are numbered in its own order (submit 1, start 2, done or error 3), so that
// the engine, which reads the parent's ring and the worker's separately, puts a start after
// its submit. The record holds the pool (object), the task (a), the step (b) and the first
// bytes of the function's name. False when the process has no ring: the caller says it
// another way.
bool logTask(Arena& arena, const Actor& me, uint32_t pool, uint32_t task, TaskStep step,
             std::string_view func, bool* notify) noexcept;

} // namespace forkscope::shm

#pragma once
// CPython's object allocator takes memory from the system 1 MiB at a time (an arena) and
// gives an arena back as soon as it is empty. A Pool worker or a queue consumer empties and
// refills arenas all the time (a map chunk's 12,500 ints, a result list, a batch of items),
// and each time the fresh arena's pages fault in again: 2 to 3 us per 4 KiB page in a
// virtual machine, a third of a chunk's time. This keeps a few emptied arenas for the next
// request instead, their pages still in place.

#include "engine/runtime/PyUtil.h"

#include <cstddef>

namespace forkscope::runtime {

class ArenaCache {
public:
    // Makes the cache CPython's arena allocator; before the interpreter starts, so that every
    // process of the run (each a fork) has it.
    static void install() noexcept;

private:
    static void* alloc(void* ctx, std::size_t size) noexcept;
    static void release(void* ctx, void* ptr, std::size_t size) noexcept;
};

} // namespace forkscope::runtime

#pragma once
// Asymmetric fences between the run's processes: the frequent side of a handshake (a lock's
// release, which checks for sleepers right after freeing the word) needs only a compiler
// barrier, and the rare side (a process about to sleep on that word) pays for both with
// membarrier(MEMBARRIER_CMD_GLOBAL_EXPEDITED), which makes every CPU running a registered
// process execute a full barrier. On x86 the full fence the frequent side would otherwise need
// between its store and its load costs as much as the rest of an uncontended release.
//
// Each process of the run registers (registerForFences) before it touches a lock; a process
// whose registration failed, or a kernel without membarrier, gets full fences on both sides.

namespace forkscope::shm {

// Registers this process for heavyFence()'s barriers: at its start, and again in a child after
// fork (registration is per address space; a child inherits it, and asking again is cheap).
void registerForFences() noexcept;

// The frequent side, between a store and a load that must not be reordered.
void lightFenceSlow() noexcept;
extern bool g_fencesRegistered;
inline void lightFence() noexcept {
    if (g_fencesRegistered)
        __atomic_signal_fence(__ATOMIC_SEQ_CST);
    else
        lightFenceSlow();
}

// The rare side: after it, every registered process's stores before its last light fence are
// visible here, or its loads after that fence see this process's stores before this call.
// False when membarrier failed: the caller must then not sleep for long on what it read.
bool heavyFence() noexcept;

} // namespace forkscope::shm

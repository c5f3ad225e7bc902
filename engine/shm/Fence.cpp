#include "engine/shm/Fence.h"

#include <atomic>
#include <linux/membarrier.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace forkscope::shm {

bool g_fencesRegistered = false;

namespace {
bool g_heavyWorks = true; // until membarrier says otherwise

long membarrier(int cmd) noexcept {
    return syscall(__NR_membarrier, cmd, 0, 0);
}
} // namespace

void registerForFences() noexcept {
    // Fails (ENOSYS, EINVAL) where the kernel cannot do it: no query needed first.
    g_fencesRegistered = membarrier(MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED) == 0;
}

void lightFenceSlow() noexcept {
    std::atomic_thread_fence(std::memory_order_seq_cst);
}

bool heavyFence() noexcept {
    std::atomic_thread_fence(std::memory_order_seq_cst);
    // Without it a registered process's light fence orders nothing: once it fails, the caller
    // sleeps in short slices instead, which bounds what a missed wake-up can cost.
    if (g_heavyWorks && membarrier(MEMBARRIER_CMD_GLOBAL_EXPEDITED) != 0) g_heavyWorks = false;
    return g_heavyWorks;
}

} // namespace forkscope::shm

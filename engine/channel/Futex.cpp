#include "engine/channel/Futex.h"

#include <cerrno>
#include <climits>
#include <ctime>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace forkscope::channel {

static_assert(sizeof(std::atomic<uint32_t>) == sizeof(uint32_t) &&
                  std::atomic<uint32_t>::is_always_lock_free,
              "futex words must be plain 32-bit integers");

int futexWait(std::atomic<uint32_t>* word, uint32_t expected, int64_t timeoutNs) noexcept {
    timespec ts{};
    timespec* tsp = nullptr;
    if (timeoutNs >= 0) {
        ts.tv_sec = static_cast<time_t>(timeoutNs / 1000000000);
        ts.tv_nsec = static_cast<long>(timeoutNs % 1000000000);
        tsp = &ts;
    }
    // Not FUTEX_PRIVATE: the word lives in MAP_SHARED memory used by several processes.
    const long r = syscall(SYS_futex, reinterpret_cast<uint32_t*>(word), FUTEX_WAIT, expected, tsp,
                           nullptr, 0);
    if (r == 0 || errno == EAGAIN) return 0;
    return errno;
}

void futexWakeAll(std::atomic<uint32_t>* word) noexcept {
    syscall(SYS_futex, reinterpret_cast<uint32_t*>(word), FUTEX_WAKE, INT_MAX, nullptr, nullptr, 0);
}

} // namespace forkscope::channel

#pragma once
// Shared-memory futexes: the one blocking primitive that works between unrelated processes of
// the run without a server, and whose waiters the engine can see (/proc shows them sleeping).

#include <atomic>
#include <cstdint>

namespace forkscope::channel {

// Sleeps while *word == expected, for at most timeoutNs (negative: no limit). Returns 0 when
// woken or when the word had already changed, ETIMEDOUT or EINTR otherwise.
int futexWait(std::atomic<uint32_t>* word, uint32_t expected, int64_t timeoutNs = -1) noexcept;
void futexWakeAll(std::atomic<uint32_t>* word) noexcept;

} // namespace forkscope::channel

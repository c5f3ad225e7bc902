#pragma once

#include <chrono>
#include <thread>

namespace forkscope::proc::test {

// Polls `done` every millisecond until it holds or `timeout` passes; returns its last value. Live
// tests wait for the kernel this way because a state change has no event to wait on.
template <typename Predicate>
bool waitUntil(Predicate done, std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return done();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
}

} // namespace forkscope::proc::test

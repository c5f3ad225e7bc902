#include "TestChild.h"

#include <cerrno>
#include <csignal>
#include <sys/wait.h>
#include <utility>

namespace forkscope::proc::test {

TestChild::~TestChild() {
    if (pid_ > 0) {
        ::kill(pid_, SIGKILL);
        reap();
    }
}

TestChild::TestChild(TestChild&& other) noexcept : pid_(std::exchange(other.pid_, -1)) {}

int TestChild::reap() {
    if (pid_ <= 0) return -1;
    int status = 0;
    pid_t r = 0;
    do {
        r = ::waitpid(pid_, &status, 0);
    } while (r < 0 && errno == EINTR);
    pid_ = -1;
    return r < 0 ? -1 : status;
}

} // namespace forkscope::proc::test

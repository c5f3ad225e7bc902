#include "ReadyPipe.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

namespace forkscope::proc::test {

ReadyPipe::ReadyPipe() {
    if (::pipe2(fds_, O_CLOEXEC) != 0) fds_[0] = fds_[1] = -1;
}

ReadyPipe::~ReadyPipe() {
    for (const int fd : fds_)
        if (fd >= 0) ::close(fd);
}

void ReadyPipe::signal() const {
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(fds_[1], &byte, 1);
}

bool ReadyPipe::wait() const {
    pollfd p{fds_[0], POLLIN, 0};
    if (::poll(&p, 1, 5000) != 1) return false;
    char byte = 0;
    return ::read(fds_[0], &byte, 1) == 1;
}

} // namespace forkscope::proc::test

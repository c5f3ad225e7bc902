#include "tests/support/ChildProcess.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdexcept>
#include <sys/wait.h>
#include <system_error>
#include <unistd.h>
#include <utility>

extern char** environ;

namespace forkscope::testing {
namespace {

using Clock = std::chrono::steady_clock;

[[noreturn]] void throwErrno(int error, const char* what) {
    throw std::system_error(error, std::generic_category(), what);
}

void closeFd(int& fd) noexcept {
    if (fd >= 0) ::close(fd);
    fd = -1;
}

// A close-on-exec pipe whose two ends are above 2, so that dup2() onto 0, 1 or 2 in the
// child never meets one of them already sitting there.
std::array<int, 2> makePipe() {
    std::array<int, 2> fds{-1, -1};
    if (::pipe2(fds.data(), O_CLOEXEC) != 0) throwErrno(errno, "pipe2");
    for (int& fd : fds) {
        if (fd > 2) continue;
        const int moved = ::fcntl(fd, F_DUPFD_CLOEXEC, 3);
        const int error = errno;
        ::close(fd);
        fd = moved;
        if (moved < 0) {
            for (int& other : fds)
                closeFd(other);
            throwErrno(error, "fcntl(F_DUPFD_CLOEXEC)");
        }
    }
    return fds;
}

void setNonBlocking(int fd) {
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags < 0 || ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) != 0) throwErrno(errno, "fcntl");
}

// Writing to a pipe whose reader has gone raises SIGPIPE, which would end the test program.
// While this guard lives, SIGPIPE is blocked in this thread; a SIGPIPE that our own write
// raised is then taken off the pending set, one that was pending before is left alone.
class SigpipeGuard {
public:
    SigpipeGuard() noexcept {
        sigemptyset(&pipeOnly_);
        sigaddset(&pipeOnly_, SIGPIPE);
        sigset_t pending;
        sigemptyset(&pending);
        ::sigpending(&pending);
        wasPending_ = sigismember(&pending, SIGPIPE) == 1;
        ::pthread_sigmask(SIG_BLOCK, &pipeOnly_, &previous_);
    }
    ~SigpipeGuard() { ::pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }
    SigpipeGuard(const SigpipeGuard&) = delete;
    SigpipeGuard& operator=(const SigpipeGuard&) = delete;

    void discardOurs() noexcept {
        if (wasPending_) return;
        const timespec zero{};
        while (::sigtimedwait(&pipeOnly_, nullptr, &zero) == SIGPIPE) {
        }
    }

private:
    sigset_t pipeOnly_{};
    sigset_t previous_{};
    bool wasPending_ = false;
};

// Appends what can be read from fd now, in at most maxReads reads; closes it (and sets it to
// -1) at end of file.
void readAvailable(int& fd, std::string& into, int maxReads = 16) {
    std::array<char, 65536> buffer{};
    for (int reads = 0; fd >= 0 && reads < maxReads; ++reads) {
        const ssize_t n = ::read(fd, buffer.data(), buffer.size());
        if (n > 0) {
            into.append(buffer.data(), static_cast<std::size_t>(n));
        } else if (n == 0) {
            closeFd(fd);
        } else if (errno == EINTR) {
            continue;
        } else if (errno == EAGAIN) {
            return;
        } else {
            closeFd(fd);
        }
    }
}

} // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& argv, RunOptions options)
    : newSession_(options.newSession), stdinText_(std::move(options.stdinText)) {
    if (argv.empty()) throw std::invalid_argument("ChildProcess: empty argv");

    std::vector<char*> args;
    args.reserve(argv.size() + 1);
    for (const std::string& arg : argv)
        args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);

    auto in = makePipe();
    std::array<int, 2> out{-1, -1};
    std::array<int, 2> err{-1, -1};
    auto closePipes = [&] {
        for (auto* fds : {&in, &out, &err}) {
            for (int& fd : *fds)
                closeFd(fd);
        }
    };
    try {
        out = makePipe();
        err = makePipe();
        setNonBlocking(in[1]);
        setNonBlocking(out[0]);
        setNonBlocking(err[0]);
    } catch (...) {
        closePipes();
        throw;
    }

    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    ::posix_spawn_file_actions_init(&actions);
    ::posix_spawnattr_init(&attributes);
    ::posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
    ::posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    ::posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
    if (!options.workingDirectory.empty()) {
        ::posix_spawn_file_actions_addchdir_np(&actions, options.workingDirectory.c_str());
    }
    // The child starts with no blocked signals and default actions for all of them, whatever
    // the test program has set up for itself.
    sigset_t none;
    sigset_t all;
    sigemptyset(&none);
    sigfillset(&all);
    ::posix_spawnattr_setsigmask(&attributes, &none);
    ::posix_spawnattr_setsigdefault(&attributes, &all);
    short flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF;
    if (newSession_) flags |= POSIX_SPAWN_SETSID;
    ::posix_spawnattr_setflags(&attributes, flags);

    const int spawnError =
        ::posix_spawnp(&pid_, args[0], &actions, &attributes, args.data(), environ);
    ::posix_spawn_file_actions_destroy(&actions);
    ::posix_spawnattr_destroy(&attributes);
    if (spawnError != 0) {
        pid_ = -1;
        closePipes();
        throw std::system_error(spawnError, std::generic_category(),
                                "cannot start " + argv.front());
    }

    closeFd(in[0]);
    closeFd(out[1]);
    closeFd(err[1]);
    stdinFd_ = in[1];
    stdoutFd_ = out[0];
    stderrFd_ = err[0];
    if (stdinText_.empty()) closeFd(stdinFd_);

    if (options.timeoutSeconds > 0) {
        hasDeadline_ = true;
        deadline_ = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                       std::chrono::duration<double>(options.timeoutSeconds));
    }
}

ChildProcess::~ChildProcess() {
    killAndReap();
    closeAll();
}

ChildProcess::ChildProcess(ChildProcess&& other) noexcept
    : pid_(other.pid_), reaped_(other.reaped_), waited_(other.waited_),
      newSession_(other.newSession_), stdinFd_(other.stdinFd_), stdoutFd_(other.stdoutFd_),
      stderrFd_(other.stderrFd_), stdinText_(std::move(other.stdinText_)),
      stdinWritten_(other.stdinWritten_), deadline_(other.deadline_),
      hasDeadline_(other.hasDeadline_), result_(std::move(other.result_)) {
    other.release();
}

ChildProcess& ChildProcess::operator=(ChildProcess&& other) noexcept {
    if (this != &other) {
        killAndReap();
        closeAll();
        pid_ = other.pid_;
        reaped_ = other.reaped_;
        waited_ = other.waited_;
        newSession_ = other.newSession_;
        stdinFd_ = other.stdinFd_;
        stdoutFd_ = other.stdoutFd_;
        stderrFd_ = other.stderrFd_;
        stdinText_ = std::move(other.stdinText_);
        stdinWritten_ = other.stdinWritten_;
        deadline_ = other.deadline_;
        hasDeadline_ = other.hasDeadline_;
        result_ = std::move(other.result_);
        other.release();
    }
    return *this;
}

void ChildProcess::release() noexcept {
    pid_ = -1;
    reaped_ = true;
    stdinFd_ = stdoutFd_ = stderrFd_ = -1;
}

bool ChildProcess::sendSignal(int sig) noexcept {
    if (pid_ <= 0 || reaped_) return false;
    return ::kill(pid_, sig) == 0;
}

bool ChildProcess::sendSignalToGroup(int sig) noexcept {
    // While the leader is unreaped its pid cannot be reused, so the group is surely ours.
    if (pid_ <= 0 || reaped_ || !newSession_) return false;
    return ::kill(-pid_, sig) == 0;
}

void ChildProcess::collectStatus(int status) noexcept {
    reaped_ = true;
    if (WIFEXITED(status)) {
        result_.exitCode = WEXITSTATUS(status);
        result_.signal = 0;
    } else if (WIFSIGNALED(status)) {
        result_.exitCode = -1;
        result_.signal = WTERMSIG(status);
    }
}

void ChildProcess::killAndReap() noexcept {
    if (pid_ <= 0 || reaped_) return;
    if (newSession_) ::kill(-pid_, SIGKILL);
    ::kill(pid_, SIGKILL);
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0) {
        if (errno != EINTR) {
            reaped_ = true; // not our child any more (someone else reaped it): nothing to do
            return;
        }
    }
    collectStatus(status);
}

void ChildProcess::closeAll() noexcept {
    closeFd(stdinFd_);
    closeFd(stdoutFd_);
    closeFd(stderrFd_);
}

void ChildProcess::pump() {
    SigpipeGuard sigpipe;
    while (true) {
        if (!reaped_) {
            int status = 0;
            const pid_t got = ::waitpid(pid_, &status, WNOHANG);
            if (got == pid_) {
                collectStatus(status);
            } else if (got < 0 && errno != EINTR) {
                throwErrno(errno, "waitpid");
            }
        }
        if (reaped_) closeFd(stdinFd_); // nobody left to read it
        if (reaped_ && stdoutFd_ < 0 && stderrFd_ < 0) return;

        int waitMs = -1;
        if (hasDeadline_) {
            const auto left =
                std::chrono::ceil<std::chrono::milliseconds>(deadline_ - Clock::now()).count();
            if (left <= 0) {
                result_.timedOut = true;
                return;
            }
            waitMs = static_cast<int>(std::min<long long>(left, 1000 * 1000));
        }
        // Poll the pipes; while the child runs, wake up often enough to notice its exit even
        // if something else keeps its pipes open.
        if (!reaped_) waitMs = waitMs < 0 ? 10 : std::min(waitMs, 10);

        std::array<pollfd, 3> fds{};
        nfds_t count = 0;
        for (int fd : {stdoutFd_, stderrFd_}) {
            if (fd >= 0) fds[count++] = pollfd{fd, POLLIN, 0};
        }
        if (stdinFd_ >= 0) fds[count++] = pollfd{stdinFd_, POLLOUT, 0};
        if (::poll(fds.data(), count, waitMs) < 0) {
            if (errno == EINTR) continue;
            throwErrno(errno, "poll");
        }
        for (nfds_t k = 0; k < count; ++k) {
            if (fds[k].revents == 0) continue;
            if (fds[k].fd == stdoutFd_) {
                readAvailable(stdoutFd_, result_.out);
            } else if (fds[k].fd == stderrFd_) {
                readAvailable(stderrFd_, result_.err);
            } else if (fds[k].fd == stdinFd_) {
                const ssize_t n = ::write(stdinFd_, stdinText_.data() + stdinWritten_,
                                          stdinText_.size() - stdinWritten_);
                if (n > 0) {
                    stdinWritten_ += static_cast<std::size_t>(n);
                    if (stdinWritten_ == stdinText_.size()) closeFd(stdinFd_);
                } else if (n < 0 && errno != EAGAIN && errno != EINTR) {
                    if (errno == EPIPE) sigpipe.discardOurs();
                    closeFd(stdinFd_); // the child closed its stdin: it gets no more
                }
            }
        }
    }
}

RunResult ChildProcess::wait() {
    if (waited_ || pid_ <= 0) return result_;
    waited_ = true;
    try {
        pump();
    } catch (...) {
        killAndReap();
        closeAll();
        throw;
    }
    if (!reaped_) {
        killAndReap();
    } else if (result_.timedOut && newSession_) {
        // The child is gone but something of its group still holds the output open. The
        // group's id cannot have been reused while one of its members is alive.
        ::kill(-pid_, SIGKILL);
    }
    // Keep what was written before the end; do not wait for anything more.
    readAvailable(stdoutFd_, result_.out);
    readAvailable(stderrFd_, result_.err);
    closeAll();
    return result_;
}

RunResult runProcess(const std::vector<std::string>& argv, const RunOptions& options) {
    return ChildProcess(argv, options).wait();
}

} // namespace forkscope::testing

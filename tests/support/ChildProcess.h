#pragma once

#include <chrono>
#include <string>
#include <sys/types.h>
#include <vector>

namespace forkscope::testing {

// How a child run by ChildProcess ended.
struct RunResult {
    int exitCode = -1;     // the exit status if the child exited, else -1
    int signal = 0;        // the signal that killed the child, else 0
    bool timedOut = false; // the deadline passed: the child was killed (SIGKILL) or its
                           // output was still open; out/err hold what came before
    std::string out;
    std::string err;
};

struct RunOptions {
    std::string stdinText;        // written to the child's stdin, which is then closed
    double timeoutSeconds = 30.0; // from start to exit and end of output; <= 0: no limit
    bool newSession = false;      // setsid(): the child leads its own session and group, and a
                                  // timeout or the destructor kills the whole group
    std::string workingDirectory; // empty: the caller's
};

// One child process, run with its stdin, stdout and stderr on pipes. Move-only; whatever
// happens, the child is reaped: the destructor kills it (SIGKILL) if it is still running.
// Not thread-safe; use one object from one thread.
class ChildProcess {
public:
    // Starts argv[0] (searched in PATH when it has no slash) with the caller's environment.
    // Throws std::system_error if it cannot be started, std::invalid_argument on empty argv.
    explicit ChildProcess(const std::vector<std::string>& argv, RunOptions options = {});
    ~ChildProcess();

    ChildProcess(ChildProcess&& other) noexcept;
    ChildProcess& operator=(ChildProcess&& other) noexcept;
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    pid_t pid() const noexcept { return pid_; }
    bool reaped() const noexcept { return reaped_; }

    // Feeds stdin and collects stdout and stderr (polling all of them, so a chatty child can
    // never block on a full pipe) until the child has exited and both outputs are closed, or
    // until the deadline: then the child is killed with SIGKILL, by pid (and its group with
    // newSession). Always reaps. Later calls return the same result.
    RunResult wait();

    // Sends a signal to the child (by pid) while it has not been reaped; to its process
    // group when it was started with newSession. Returns false if nothing was signalled.
    bool sendSignal(int sig) noexcept;
    bool sendSignalToGroup(int sig) noexcept;

private:
    void pump();
    void collectStatus(int status) noexcept;
    void killAndReap() noexcept;
    void closeAll() noexcept;
    void release() noexcept;

    pid_t pid_ = -1;
    bool reaped_ = false;
    bool waited_ = false;
    bool newSession_ = false;
    int stdinFd_ = -1;
    int stdoutFd_ = -1;
    int stderrFd_ = -1;
    std::string stdinText_;
    std::size_t stdinWritten_ = 0;
    std::chrono::steady_clock::time_point deadline_{};
    bool hasDeadline_ = false;
    RunResult result_;
};

// Starts argv and waits for it: ChildProcess(argv, options).wait().
RunResult runProcess(const std::vector<std::string>& argv, const RunOptions& options = {});

} // namespace forkscope::testing

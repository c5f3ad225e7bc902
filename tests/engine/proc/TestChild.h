#pragma once

#include <csignal>
#include <sys/prctl.h>
#include <sys/types.h>
#include <unistd.h>

namespace forkscope::proc::test {

// A forked child for live tests. The child runs `body` and _exit()s with its result, so it never
// returns into Catch; the parent kills (SIGKILL) and reaps it on destruction unless the test
// reaped it already, so no test leaves a process behind, even when an assertion fails.
class TestChild {
public:
    template <typename Body> static TestChild spawn(Body body) {
        const pid_t parent = ::getpid();
        const pid_t pid = ::fork();
        if (pid == 0) {
            // If the test binary dies without running destructors, the child goes with it.
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (::getppid() != parent) ::_exit(126);
            // Catch installs handlers for SIGTERM, SIGSEGV...; in the child they would report a
            // test failure from the wrong process instead of letting the signal kill it.
            for (int sig = 1; sig < NSIG; ++sig)
                ::signal(sig, SIG_DFL);
            sigset_t none;
            sigemptyset(&none);
            ::sigprocmask(SIG_SETMASK, &none, nullptr);
            int code = 127;
            try {
                code = body();
            } catch (...) {
            }
            ::_exit(code);
        }
        return TestChild(pid);
    }

    ~TestChild();
    TestChild(TestChild&& other) noexcept;
    TestChild& operator=(TestChild&&) = delete;
    TestChild(const TestChild&) = delete;
    TestChild& operator=(const TestChild&) = delete;

    pid_t pid() const { return pid_; }
    bool started() const { return pid_ > 0; }
    // waitpid(); returns the wait status, or -1 if it was already reaped or waitpid failed.
    int reap();

private:
    explicit TestChild(pid_t pid) : pid_(pid) {}
    pid_t pid_ = -1;
};

} // namespace forkscope::proc::test

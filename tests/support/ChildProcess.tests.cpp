#include "tests/support/ChildProcess.h"

#include <catch2/catch.hpp>
#include <cerrno>
#include <chrono>
#include <signal.h>
#include <string>
#include <system_error>
#include <thread>
#include <unistd.h>
#include <utility>

using forkscope::testing::ChildProcess;
using forkscope::testing::RunOptions;
using forkscope::testing::runProcess;
using forkscope::testing::RunResult;

namespace {

RunOptions timeout(double seconds) {
    RunOptions options;
    options.timeoutSeconds = seconds;
    return options;
}

RunOptions input(std::string text) {
    RunOptions options;
    options.stdinText = std::move(text);
    return options;
}

RunResult sh(const std::string& command, RunOptions options = {}) {
    return runProcess({"/bin/sh", "-c", command}, options);
}

// True once no process has this pid, waiting up to two seconds for someone to reap it.
bool vanishes(pid_t pid) {
    for (int i = 0; i < 200; ++i) {
        if (::kill(pid, 0) != 0 && errno == ESRCH) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

} // namespace

TEST_CASE("ChildProcess reports the exit code", "[support]") {
    const RunResult ok = sh("exit 0");
    CHECK(ok.exitCode == 0);
    CHECK(ok.signal == 0);
    CHECK_FALSE(ok.timedOut);

    const RunResult three = sh("exit 3");
    CHECK(three.exitCode == 3);
    CHECK(three.signal == 0);
}

TEST_CASE("ChildProcess reports the signal that killed the child", "[support]") {
    const RunResult r = sh("kill -TERM $$");
    CHECK(r.exitCode == -1);
    CHECK(r.signal == SIGTERM);
    CHECK_FALSE(r.timedOut);
}

TEST_CASE("ChildProcess captures stdout and stderr separately", "[support]") {
    const RunResult r = sh("printf 'to out\\n'; printf 'to err\\n' >&2; printf 'more out'");
    CHECK(r.out == "to out\nmore out");
    CHECK(r.err == "to err\n");
}

TEST_CASE("ChildProcess does not deadlock on large output on both pipes", "[support]") {
    // Each stream gets far more than a pipe holds, stderr first: a runner that only read
    // stdout would block forever.
    const RunResult r = sh("head -c 400000 /dev/zero | tr '\\0' e >&2; "
                           "head -c 300000 /dev/zero | tr '\\0' o",
                           timeout(20));
    REQUIRE_FALSE(r.timedOut);
    CHECK(r.exitCode == 0);
    CHECK(r.err == std::string(400000, 'e'));
    CHECK(r.out == std::string(300000, 'o'));
}

TEST_CASE("ChildProcess feeds stdin", "[support]") {
    CHECK(runProcess({"cat"}, input("line one\nline two\n")).out == "line one\nline two\n");

    // More than a pipe holds, echoed back while it is still being written.
    std::string big;
    for (int i = 0; i < 50000; ++i)
        big += "0123456789abcdef\n";
    RunOptions options = input(big);
    options.timeoutSeconds = 20;
    const RunResult r = runProcess({"cat"}, options);
    CHECK_FALSE(r.timedOut);
    CHECK(r.out == big);

    // Without stdin text the child reads end of file at once.
    CHECK(runProcess({"cat"}).out.empty());
}

TEST_CASE("ChildProcess survives a child that does not read its stdin", "[support]") {
    const RunResult r = sh("exec 0<&-; echo closed", input(std::string(1 << 20, 'x')));
    CHECK(r.exitCode == 0);
    CHECK(r.out == "closed\n");
}

TEST_CASE("ChildProcess kills the child at the timeout", "[support]") {
    const auto start = std::chrono::steady_clock::now();
    const RunResult r = sh("echo before; sleep 30; echo after", timeout(0.3));
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    CHECK(r.timedOut);
    CHECK(r.signal == SIGKILL);
    CHECK(r.exitCode == -1);
    CHECK(r.out == "before\n");
    CHECK(took.count() < 5.0);
}

TEST_CASE("ChildProcess with a new session kills the whole group at the timeout", "[support]") {
    RunOptions options = timeout(0.5);
    options.newSession = true;
    ChildProcess child({"/bin/sh", "-c", "sleep 30 & echo $!; wait"}, options);
    CHECK(::getpgid(child.pid()) == child.pid());
    const RunResult r = child.wait();
    CHECK(r.timedOut);
    const pid_t background = static_cast<pid_t>(std::stol(r.out));
    CHECK(vanishes(background));
}

TEST_CASE("ChildProcess waits for output that outlives the child", "[support]") {
    const RunResult r = sh("(sleep 0.3; echo late) & echo early", timeout(10));
    CHECK_FALSE(r.timedOut);
    CHECK(r.exitCode == 0);
    CHECK(r.out == "early\nlate\n");
}

TEST_CASE("ChildProcess runs in the working directory asked for", "[support]") {
    RunOptions options;
    options.workingDirectory = "/tmp";
    CHECK(runProcess({"pwd"}, options).out == "/tmp\n");
}

TEST_CASE("ChildProcess kills and reaps in its destructor", "[support]") {
    pid_t pid = -1;
    {
        ChildProcess child({"sleep", "30"});
        pid = child.pid();
        REQUIRE(pid > 0);
        CHECK(::kill(pid, 0) == 0);
    }
    // Reaped by the destructor itself, so gone at once (no zombie left for anybody).
    CHECK(::kill(pid, 0) != 0);
    CHECK(errno == ESRCH);
}

TEST_CASE("ChildProcess can be moved", "[support]") {
    ChildProcess first({"/bin/sh", "-c", "echo moved"});
    const pid_t pid = first.pid();
    ChildProcess second(std::move(first));
    CHECK(second.pid() == pid);
    ChildProcess third({"true"});
    third = std::move(second);
    CHECK(third.pid() == pid);
    const RunResult r = third.wait();
    CHECK(r.out == "moved\n");
    CHECK(r.exitCode == 0);
    CHECK(third.reaped());
    // A second wait() gives the same result.
    CHECK(third.wait().out == "moved\n");
}

TEST_CASE("ChildProcess signals its child", "[support]") {
    ChildProcess child({"sleep", "30"});
    CHECK(child.sendSignal(SIGINT));
    CHECK_FALSE(child.sendSignalToGroup(SIGINT)); // not started with newSession
    const RunResult r = child.wait();
    CHECK(r.signal == SIGINT);
    CHECK_FALSE(child.sendSignal(SIGINT)); // reaped: nothing to signal
}

TEST_CASE("ChildProcess throws when the program cannot be started", "[support]") {
    CHECK_THROWS_AS(ChildProcess({"/nonexistent/forkscope-no-such-program"}), std::system_error);
    CHECK_THROWS_AS(ChildProcess({}), std::invalid_argument);
}

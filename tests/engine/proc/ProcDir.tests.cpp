#include "engine/proc/ProcDir.h"

#include "ReadyPipe.h"
#include "TestChild.h"
#include "WaitUntil.h"
#include "engine/proc/ProcRoot.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cerrno>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <type_traits>
#include <unistd.h>

using forkscope::proc::ProcDir;
using forkscope::proc::ProcRoot;
using forkscope::proc::TaskState;
using forkscope::proc::test::ReadyPipe;
using forkscope::proc::test::TestChild;
using forkscope::proc::test::waitUntil;

static_assert(!std::is_copy_constructible_v<ProcDir>);
static_assert(std::is_nothrow_move_constructible_v<ProcDir>);

namespace {

// The system call a blocked test child sits in, made directly so that no libc wrapper can pick
// another one (glibc's pause() may use ppoll, its nanosleep() uses clock_nanosleep).
#ifdef SYS_pause
constexpr long kBlockingSyscall = SYS_pause;
[[noreturn]] void blockForever() {
    for (;;)
        ::syscall(SYS_pause);
}
#else
constexpr long kBlockingSyscall = SYS_clock_nanosleep;
[[noreturn]] void blockForever() {
    for (;;) {
        timespec t{3600, 0};
        ::syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &t, nullptr);
    }
}
#endif

ProcDir openLive(pid_t pid) {
    const ProcRoot root = ProcRoot::open("/proc");
    REQUIRE(root.valid());
    ProcDir dir = root.process(pid);
    REQUIRE(dir.valid());
    REQUIRE(dir.pid() == pid);
    return dir;
}

bool stateIs(ProcDir& dir, TaskState state) {
    const auto s = dir.stat();
    return s && s->state == state;
}

} // namespace

TEST_CASE("A child blocked in a system call is Sleeping, in that system call", "[proc]") {
    ReadyPipe ready;
    const TestChild child = TestChild::spawn([&ready]() -> int {
        ::prctl(PR_SET_NAME, "a) (b c)");
        ready.signal();
        blockForever();
    });
    REQUIRE(child.started());
    REQUIRE(ready.wait());
    ProcDir dir = openLive(child.pid());

    REQUIRE(waitUntil([&] { return stateIs(dir, TaskState::Sleeping); }));
    const auto s = dir.stat();
    REQUIRE(s);
    CHECK(s->stateLetter == 'S');
    CHECK(s->pid == child.pid());
    CHECK(s->ppid == ::getpid());
    CHECK(s->comm == "a) (b c)"); // the last ')' rule, on a real line
    CHECK(s->numThreads == 1);
    CHECK(s->startTime > 0);

    CHECK(dir.comm() == "a) (b c)");

    const auto nr = dir.syscall();
    REQUIRE(nr);
    CHECK(*nr == kBlockingSyscall);

    const auto wchan = dir.wchan();
    REQUIRE(wchan);
    CHECK_FALSE(wchan->empty());

    const auto ns = dir.nsPids();
    REQUIRE_FALSE(ns.empty());
    CHECK(ns.back() == child.pid());
}

TEST_CASE("A child that exited is a Zombie with its exit code until reaped, then gone", "[proc]") {
    ProcRoot root = ProcRoot::open("/proc");
    REQUIRE(root.valid());
    TestChild child = TestChild::spawn([] { return 7; });
    REQUIRE(child.started());
    const pid_t pid = child.pid();
    ProcDir dir = openLive(pid);

    REQUIRE(waitUntil([&] { return stateIs(dir, TaskState::Zombie); }));
    const auto s = dir.stat();
    REQUIRE(s);
    CHECK(s->stateLetter == 'Z');
    CHECK(WIFEXITED(s->exitCode));
    CHECK(WEXITSTATUS(s->exitCode) == 7);
    CHECK(s->rss == 0); // a zombie holds no memory, only its entry in the process table
    const auto before = root.listPids();
    CHECK(std::binary_search(before.begin(), before.end(), pid));

    const int status = child.reap();
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 7);

    // The kept stat descriptor now belongs to a process that no longer exists...
    CHECK_FALSE(dir.stat());
    CHECK((dir.error() == ESRCH || dir.error() == ENOENT));
    // ...files not opened yet cannot be opened any more...
    CHECK_FALSE(dir.schedStat());
    CHECK((dir.error() == ESRCH || dir.error() == ENOENT));
    // ...and the directory itself is gone.
    const ProcDir again = root.process(pid);
    CHECK_FALSE(again.valid());
    CHECK(again.error() == ENOENT);
    const auto after = root.listPids();
    CHECK_FALSE(std::binary_search(after.begin(), after.end(), pid));
}

TEST_CASE("A child killed by a signal shows the signal in its exit code", "[proc]") {
    ReadyPipe ready;
    TestChild child = TestChild::spawn([&ready]() -> int {
        ready.signal();
        blockForever();
    });
    REQUIRE(child.started());
    REQUIRE(ready.wait());
    ProcDir dir = openLive(child.pid());
    REQUIRE(::kill(child.pid(), SIGTERM) == 0);

    REQUIRE(waitUntil([&] { return stateIs(dir, TaskState::Zombie); }));
    const auto s = dir.stat();
    REQUIRE(s);
    CHECK(WIFSIGNALED(s->exitCode));
    CHECK(WTERMSIG(s->exitCode) == SIGTERM);
}

TEST_CASE("A busy child is R and its CPU time grows", "[proc]") {
    const TestChild child = TestChild::spawn([]() -> int {
        volatile unsigned long spin = 0;
        for (;;)
            spin = spin + 1;
    });
    REQUIRE(child.started());
    ProcDir dir = openLive(child.pid());

    const auto first = dir.schedStat();
    REQUIRE(first);
    // 20 ms of CPU is far more than a child needs to reach its loop, and far less than it gets
    // in the time allowed even on a loaded machine.
    REQUIRE(waitUntil([&] {
        const auto now = dir.schedStat();
        return now && now->runNs > first->runNs + 20'000'000;
    }));
    const auto later = dir.schedStat();
    REQUIRE(later);
    CHECK(later->slices >= first->slices);

    const auto s = dir.stat();
    REQUIRE(s);
    CHECK(s->state == TaskState::Running);
    CHECK(s->utime + s->stime > 0);
    // Runnable tasks are not in a system call: the kernel prints "running".
    CHECK(dir.syscall() == -1L);
}

TEST_CASE("ProcDir of the calling process", "[proc]") {
    ProcDir self = openLive(::getpid());
    const auto ns = self.nsPids();
    REQUIRE_FALSE(ns.empty());
    CHECK(ns.back() == ::getpid());

    // The kernel reports the system call the reader itself is in: the pread of syscall.
    CHECK(self.syscall() == SYS_pread64);

    const auto s = self.stat();
    REQUIRE(s);
    CHECK(s->pid == ::getpid());
    CHECK(s->state == TaskState::Running);
    CHECK(s->ppid == ::getppid());
    CHECK(s->vsize > 0);
    CHECK(s->rss > 0);
}

TEST_CASE("ProcDir refuses pids that cannot exist and reads nothing when invalid", "[proc]") {
    const ProcRoot root = ProcRoot::open("/proc");
    REQUIRE(root.valid());
    ProcDir zero = root.process(0);
    CHECK_FALSE(zero.valid());
    CHECK(zero.error() == EINVAL);
    ProcDir negative = root.process(-5);
    CHECK_FALSE(negative.valid());

    ProcDir none;
    CHECK_FALSE(none.stat());
    CHECK(none.error() == EBADF);
    CHECK_FALSE(none.syscall());
    CHECK_FALSE(none.comm());
    CHECK(none.nsPids().empty());
}

TEST_CASE("ProcDir keeps reading after a move", "[proc]") {
    ProcDir a = openLive(::getpid());
    REQUIRE(a.stat()); // opens and keeps stat
    ProcDir b = std::move(a);
    CHECK_FALSE(a.valid()); // NOLINT(bugprone-use-after-move)
    CHECK(b.pid() == ::getpid());
    REQUIRE(b.stat());
    CHECK(b.stat()->pid == ::getpid());
}

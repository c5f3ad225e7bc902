#include "engine/proc/ProcRoot.h"

#include "TestChild.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cerrno>
#include <type_traits>
#include <unistd.h>

using forkscope::proc::ProcRoot;
using forkscope::proc::test::TestChild;

static_assert(!std::is_copy_constructible_v<ProcRoot>);
static_assert(std::is_nothrow_move_constructible_v<ProcRoot>);

TEST_CASE("ProcRoot lists the processes of a proc mount, sorted", "[proc]") {
    ProcRoot root = ProcRoot::open("/proc");
    REQUIRE(root.valid());
    const auto pids = root.listPids();
    CHECK(root.error() == 0);
    CHECK(std::is_sorted(pids.begin(), pids.end()));
    CHECK(std::adjacent_find(pids.begin(), pids.end()) == pids.end());
    CHECK(std::binary_search(pids.begin(), pids.end(), ::getpid()));
    CHECK(std::all_of(pids.begin(), pids.end(), [](int pid) { return pid > 0; }));
}

TEST_CASE("ProcRoot sees a child appear and disappear on the same descriptor", "[proc]") {
    ProcRoot root = ProcRoot::open("/proc");
    REQUIRE(root.valid());
    TestChild child = TestChild::spawn([] { return 0; });
    REQUIRE(child.started());
    const pid_t pid = child.pid();

    const auto with = root.listPids();
    CHECK(std::binary_search(with.begin(), with.end(), pid)); // a zombie until reaped
    child.reap();
    const auto without = root.listPids();
    CHECK_FALSE(std::binary_search(without.begin(), without.end(), pid));
    // Listing twice in a row rewinds: the second list is not empty.
    CHECK(std::binary_search(without.begin(), without.end(), ::getpid()));
}

TEST_CASE("ProcRoot opens a proc mount seen through a process's root", "[proc]") {
    // How the engine reaches the proc mounted in a run's PID namespace; here the namespace is
    // ours, so it must list the same calling process.
    ProcRoot root = ProcRoot::open("/proc/self/root/proc");
    REQUIRE(root.valid());
    const auto pids = root.listPids();
    CHECK(std::binary_search(pids.begin(), pids.end(), ::getpid()));
    auto self = root.process(::getpid());
    REQUIRE(self.valid());
    CHECK(self.stat()->pid == ::getpid());
}

TEST_CASE("ProcRoot reports failures as errno values", "[proc]") {
    ProcRoot missing = ProcRoot::open("/no/such/proc");
    CHECK_FALSE(missing.valid());
    CHECK(missing.error() == ENOENT);
    CHECK(missing.listPids().empty());

    ProcRoot notDir = ProcRoot::open("/proc/self/stat");
    CHECK_FALSE(notDir.valid());
    CHECK(notDir.error() == ENOTDIR);

    ProcRoot moved = ProcRoot::open("/proc");
    const int fd = moved.fd();
    ProcRoot owner = std::move(moved);
    CHECK(moved.fd() == -1); // NOLINT(bugprone-use-after-move)
    CHECK(owner.fd() == fd);
    CHECK_FALSE(owner.listPids().empty());
}

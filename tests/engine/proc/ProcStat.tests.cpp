#include "engine/proc/ProcStat.h"

#include <catch2/catch.hpp>
#include <sys/wait.h>

using forkscope::proc::parseStat;
using forkscope::proc::TaskState;

namespace {

// Real lines from a 6.1 kernel, with the comm edited where the test needs it.
constexpr const char* kSleeping =
    "4965 (a) b) S 4960 4965 4960 34816 4965 4194304 1063 0 0 0 12 3 0 0 20 0 1 0 873211 "
    "8781824 1321 18446744073709551615 94207301419008 94207302332597 140724853498864 0 0 0 "
    "65536 3686404 1266761467 1 0 0 17 5 0 0 0 0 0 94207302570384 94207302618148 "
    "94207330717696 140724853505683 140724853505689 140724853505689 140724853510126 0\n";

constexpr const char* kZombie =
    "5012 (worker) Z 4965 4965 4960 34816 4965 4227084 81 0 0 0 0 1 0 0 20 0 1 0 873404 0 0 "
    "18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 2 0 0 0 0 0 0 0 0 0 0 0 0 256\n";

} // namespace

TEST_CASE("parseStat reads a line whose comm holds spaces and parentheses", "[proc]") {
    const auto s = parseStat(kSleeping);
    REQUIRE(s);
    CHECK(s->pid == 4965);
    CHECK(s->comm == "a) b");
    CHECK(s->stateLetter == 'S');
    CHECK(s->state == TaskState::Sleeping);
    CHECK(s->ppid == 4960);
    CHECK(s->pgrp == 4965);
    CHECK(s->session == 4960);
    CHECK(s->utime == 12);
    CHECK(s->stime == 3);
    CHECK(s->numThreads == 1);
    CHECK(s->startTime == 873211);
    CHECK(s->vsize == 8781824);
    CHECK(s->rss == 1321);
    CHECK(s->processor == 5);
    CHECK(s->exitCode == 0);
}

TEST_CASE("parseStat splits at the last ')' even when comm looks like more fields", "[proc]") {
    const auto s = parseStat("77 (x) R 1 2 3 (y) S 9 9 9 4 5 6\n");
    REQUIRE(s);
    CHECK(s->comm == "x) R 1 2 3 (y");
    CHECK(s->state == TaskState::Sleeping);
    CHECK(s->ppid == 9);
    CHECK(s->utime == 0); // field 14 is not there
}

TEST_CASE("parseStat reads a zombie's exit code from field 52", "[proc]") {
    const auto s = parseStat(kZombie);
    REQUIRE(s);
    CHECK(s->state == TaskState::Zombie);
    CHECK(s->comm == "worker");
    CHECK(s->ppid == 4965);
    CHECK(s->vsize == 0);
    CHECK(s->processor == 2);
    CHECK(s->exitCode == 256);
    CHECK(WIFEXITED(s->exitCode));
    CHECK(WEXITSTATUS(s->exitCode) == 1);
}

TEST_CASE("parseStat leaves the fields an older kernel does not print at 0", "[proc]") {
    const auto s = parseStat("12 (old) D 1 12 12");
    REQUIRE(s);
    CHECK(s->state == TaskState::DiskSleep);
    CHECK(s->ppid == 1);
    CHECK(s->session == 12);
    CHECK(s->rss == 0);
    CHECK(s->exitCode == 0);
}

TEST_CASE("parseStat refuses what is not a stat line", "[proc]") {
    CHECK_FALSE(parseStat(""));
    CHECK_FALSE(parseStat("\n"));
    CHECK_FALSE(parseStat("garbage"));
    CHECK_FALSE(parseStat("1 2 3 4 5 6"));
    CHECK_FALSE(parseStat("4965 (comm S 1 2 3"));    // no ')'
    CHECK_FALSE(parseStat("4965 comm) S 1 2 3"));    // no '('
    CHECK_FALSE(parseStat(")( S 1 2 3"));            // ')' before '('
    CHECK_FALSE(parseStat("(comm) S 1 2 3"));        // no pid
    CHECK_FALSE(parseStat("x1 (comm) S 1 2 3"));     // pid not a number
    CHECK_FALSE(parseStat("4965(comm) S 1 2 3"));    // no space after the pid
    CHECK_FALSE(parseStat("4965 (comm) S"));         // truncated after the state
    CHECK_FALSE(parseStat("4965 (comm) S\n"));       // same, with the newline
    CHECK_FALSE(parseStat("4965 (comm)"));           // truncated after comm
    CHECK_FALSE(parseStat("4965 (comm) SS 1 2 3"));  // state is one letter
    CHECK_FALSE(parseStat("4965 (comm)  S 1 2 3"));  // empty field
    CHECK_FALSE(parseStat("4965 (comm) S 1 2 x 4")); // a field that is not a number
    CHECK_FALSE(parseStat("4965 (comm) S 1 2 3 4 5 6 7 8 9 10 -11")); // utime is unsigned
    CHECK_FALSE(parseStat("4965 (comm) S 99999999999 2 3"));          // ppid overflows int
}

TEST_CASE("parseStat never reads past a view that is not NUL-terminated", "[proc]") {
    // The view stops in the middle of field 4 of a longer buffer: only "4" may be seen.
    const std::string_view whole = "7 (c) S 42 9 9";
    const auto s = parseStat(whole.substr(0, 9));
    REQUIRE(s);
    CHECK(s->ppid == 4);
    CHECK(s->pgrp == 0);
}

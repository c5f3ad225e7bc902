// The lock: who holds it is in the word itself, and a dead holder's lock is taken over only if
// the lock is robust.

#include "engine/shm/ShmLock.h"

#include <catch2/catch.hpp>
#include <sys/wait.h>
#include <unistd.h>

using namespace forkscope::shm;

TEST_CASE("a lock knows its holder, and release by a non-holder is a Lock's right, not an RLock's",
          "[shm][lock]") {
    Arena* a = mapArena(64u << 20);
    REQUIRE(a);
    ShmLock* l = createLock(*a, false, true);
    REQUIRE(l);
    CHECK(tryTake(*l, 5, false).ok);
    CHECK(holderOf(*l) == 5);
    CHECK_FALSE(tryTake(*l, 6, false).ok);
    uint32_t count = 0;
    CHECK(release(*l, 6, 0, &count) == Released::Ok); // a semaphore: anyone may release
    CHECK(release(*l, 6, 0, &count) == Released::NotHeld);
    ShmLock* r = createLock(*a, true, true);
    REQUIRE(r);
    CHECK(r->id == l->id + 1);
    CHECK(tryTake(*r, 5, false).ok);
    r->ownerThread.store(42);
    r->count.store(1);
    CHECK(release(*r, 6, 42, &count) == Released::NotOwner);
    CHECK(release(*r, 5, 42, &count) == Released::Ok);
    unmapArena(a);
}

TEST_CASE("a dead holder's robust lock is taken over with its name, a non-robust one is not",
          "[shm][lock]") {
    Arena* a = mapArena(64u << 20);
    REQUIRE(a);
    ShmLock* robust = createLock(*a, false, true);
    ShmLock* plain = createLock(*a, false, false);
    const pid_t child = fork();
    if (child == 0) {
        tryTake(*robust, getpid(), false);
        tryTake(*plain, getpid(), false);
        _exit(0);
    }
    waitpid(child, nullptr, 0);
    CHECK(holderOf(*robust) == child);
    CHECK(prepareWait(*robust) != 0); // held: one would sleep
    markDeadHolder(*robust, child);
    markDeadHolder(*plain, child);
    CHECK(prepareWait(*robust) == 0); // takeable: one would try again at once
    const Taken t = tryTake(*robust, getpid(), false);
    CHECK(t.ok);
    CHECK(t.recoveredFrom == child);
    CHECK(holderOf(*robust) == getpid());
    CHECK_FALSE(tryTake(*plain, getpid(), false).ok);
    CHECK(prepareWait(*plain) != 0);
    unmapArena(a);
}

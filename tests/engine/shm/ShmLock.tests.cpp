// The lock: who holds it is in the word itself, and a dead holder's lock is taken over only if
// the lock is robust.

#include "engine/shm/ShmLock.h"

#include "engine/channel/Futex.h"

#include <catch2/catch.hpp>
#include <cerrno>
#include <sys/wait.h>
#include <unistd.h>

using namespace forkscope::shm;

TEST_CASE("a lock knows its holder, and release by a non-holder is a Lock's right, not an RLock's",
          "[shm][lock]") {
    Arena* a = mapArena(64u << 20);
    REQUIRE(a);
    ShmLock* l = createLock(*a, false, true);
    REQUIRE(l);
    CHECK(tryTake(*l, 5).ok);
    CHECK(holderOf(*l) == 5);
    CHECK_FALSE(tryTake(*l, 6).ok);
    uint32_t count = 0;
    CHECK(release(*l, 6, 0, &count) == Released::Ok); // a semaphore: anyone may release
    CHECK(release(*l, 6, 0, &count) == Released::NotHeld);
    ShmLock* r = createLock(*a, true, true);
    REQUIRE(r);
    CHECK(r->id == l->id + 1);
    CHECK(tryTake(*r, 5).ok);
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
        tryTake(*robust, getpid());
        tryTake(*plain, getpid());
        _exit(0);
    }
    waitpid(child, nullptr, 0);
    CHECK(holderOf(*robust) == child);
    CHECK(prepareWait(*robust) != 0); // held: one would sleep
    markDeadHolder(*robust, child);
    markDeadHolder(*plain, child);
    CHECK(prepareWait(*robust) == 0); // takeable: one would try again at once
    const Taken t = tryTake(*robust, getpid());
    CHECK(t.ok);
    CHECK(t.recoveredFrom == child);
    CHECK(holderOf(*robust) == getpid());
    CHECK_FALSE(tryTake(*plain, getpid()).ok);
    CHECK(prepareWait(*plain) != 0);
    unmapArena(a);
}

namespace {

// Takes `l` as a lesson process does: tries, and otherwise counts itself among the sleepers,
// fences, and sleeps on the word; a sleep that ends by its 2 s timeout, not by a release's
// wake-up or a change of the word, is counted in `missed`.
void take(ShmLock& l, int32_t me, int& missed) {
    for (;;) {
        if (tryTake(l, me).ok) return;
        l.sleepers.fetch_add(1, std::memory_order_seq_cst);
        heavyFence();
        if (const uint32_t w = prepareWait(l); w != 0) {
            if (forkscope::channel::futexWait(&l.word, w, 2'000'000'000) == ETIMEDOUT) ++missed;
        }
        l.sleepers.fetch_sub(1, std::memory_order_seq_cst);
    }
}

} // namespace

TEST_CASE("a release with a plain store wakes a process sleeping on the lock, every time",
          "[shm][lock]") {
    // The release only looks for sleepers through a light fence; the sleeper's heavy fence
    // (membarrier) is what makes one of the two see the other. Two processes hand the lock back
    // and forth, each holding it a little, so that the other is asleep on it most times.
    registerForFences();
    Arena* a = mapArena(64u << 20);
    REQUIRE(a);
    ShmLock* l = createLock(*a, false, true);
    auto* missedByChild = a->at<std::atomic<int>>(a->allocate(sizeof(std::atomic<int>)));
    missedByChild->store(0);
    constexpr int kTurns = 300;
    const pid_t child = fork();
    if (child == 0) {
        registerForFences();
        int missed = 0;
        for (int i = 0; i < kTurns; ++i) {
            take(*l, getpid(), missed);
            usleep(200);
            letGo(*l);
        }
        missedByChild->store(missed);
        _exit(0);
    }
    int missed = 0;
    for (int i = 0; i < kTurns; ++i) {
        take(*l, getpid(), missed);
        usleep(200);
        letGo(*l);
    }
    int status = 0;
    waitpid(child, &status, 0);
    CHECK(WIFEXITED(status));
    CHECK(missed == 0);
    CHECK(missedByChild->load() == 0);
    CHECK(holderOf(*l) == 0);
    unmapArena(a);
}

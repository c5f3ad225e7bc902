// The queue's commit points, tested the hard way: real processes putting and getting are
// SIGKILLed at arbitrary instructions, hundreds of times, and the queue must stay whole.

#include "engine/shm/ShmQueue.h"

#include <catch2/catch.hpp>
#include <csignal>
#include <cstring>
#include <random>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace forkscope::shm;

namespace {

struct ArenaGuard {
    Arena* a = mapArena(256u << 20);
    ~ArenaGuard() { unmapArena(a); }
};

Actor actorFor(Arena& a, int slot) {
    Actor me;
    me.slot = slot;
    me.pid = getpid();
    me.inflight = &a.inflight[slot];
    me.ring = a.ringFor(slot, me.pid);
    return me;
}

// Item n: its number, then a body whose length and bytes depend on n (some inline, some in a
// block of their own, some big enough that copying takes a while).
std::string item(uint32_t n) {
    static const std::size_t sizes[] = {4, 40, 300, 5000, 200000};
    std::string s(sizes[n % 5], static_cast<char>('a' + n % 26));
    std::memcpy(s.data(), &n, sizeof n);
    return s;
}

bool check(const std::string& s, uint32_t* n) {
    if (s.size() < sizeof *n) return false;
    std::memcpy(n, s.data(), sizeof *n);
    return s == item(*n);
}

char* reserveString(void* context, uint64_t len) {
    auto* s = static_cast<std::string*>(context);
    s->resize(len);
    return s->data();
}

QueueResult get(Arena& a, ShmQueue& q, const Actor& me, std::string* out) {
    bool notify = false;
    const QueueResult r = tryGet(a, q, me, &reserveString, out, &notify);
    if (r == QueueResult::Ok) delivered(me);
    return r;
}

void drainRing(Arena& a, int slot) {
    for (OpRing* r = a.at<OpRing>(a.rings[slot].load()); r;) {
        r->tail.store(r->head.load());
        const Offset next = r->nextRing.load();
        r = next ? a.at<OpRing>(next) : nullptr;
    }
}

} // namespace

TEST_CASE("putters killed at any moment never leave a partial item or a stuck queue",
          "[shm][queue]") {
    ArenaGuard g;
    REQUIRE(g.a);
    Arena& a = *g.a;
    ShmQueue* q = createQueue(a, 0);
    REQUIRE(q);
    const Actor me = actorFor(a, 0);
    std::mt19937 rng(12345);
    uint32_t next = 0; // the next number the queue should hand out
    int lostPuts = 0;
    for (int round = 0; round < 150; ++round) {
        const pid_t child = fork();
        if (child == 0) {
            const Actor them = actorFor(a, 1);
            for (uint32_t n = next;; ++n) {
                bool notify = false;
                drainRing(a, 1);
                while (tryPut(a, *q, them, item(n), &notify) == QueueResult::NoMemory) {
                }
            }
        }
        std::this_thread::sleep_for(
            std::chrono::microseconds(std::uniform_int_distribution<int>(0, 3000)(rng)));
        kill(child, SIGKILL);
        waitpid(child, nullptr, 0);
        // The engine's part, every other round: settle what the dead left unfinished. In the
        // other rounds the next process to lock the queue does it (EOWNERDEAD), and logs it.
        const bool engineSettles = round % 2 == 0;
        const bool wasPutting = a.inflight[1].stage.load() == static_cast<uint32_t>(Stage::Putting);
        if (engineSettles) {
            if (auto lost = settleDead(a, a.inflight[1], child, true)) {
                CHECK(lost->duringPut);
                ++lostPuts;
            }
        }
        // Everything in the queue is whole, in order, and nothing is missing but the tail.
        std::string s;
        while (get(a, *q, me, &s) == QueueResult::Ok) {
            uint32_t n = 0;
            REQUIRE(check(s, &n));
            REQUIRE(n == next);
            ++next;
        }
        if (!engineSettles && wasPutting) {
            CHECK(a.inflight[1].stage.load() == static_cast<uint32_t>(Stage::None));
            for (OpRing* ring = a.at<OpRing>(a.rings[0].load()); ring;) {
                for (uint64_t i = ring->tail.load(); i < ring->head.load();) {
                    const OpRecord& r = ring->at(i);
                    REQUIRE(r.cells >= 1);
                    if (r.op == static_cast<uint8_t>(OpKind::QueueLost)) {
                        CHECK(r.pid == child);
                        CHECK((r.flags & OpRecord::kLostPut) != 0);
                        ++lostPuts;
                    }
                    i += r.cells;
                }
                const Offset following = ring->nextRing.load();
                ring = following ? a.at<OpRing>(following) : nullptr;
            }
        }
        drainRing(a, 0);
    }
    INFO(next << " items in 150 rounds, " << lostPuts << " puts lost by a kill in the middle");
    CHECK(next > 150);
    // Still a working queue, and its memory came back (but for blocks leaked by a kill
    // between allocating one and recording it, which can only be a few).
    bool notify = false;
    REQUIRE(tryPut(a, *q, me, item(7), &notify) == QueueResult::Ok);
    std::string s;
    REQUIRE(get(a, *q, me, &s) == QueueResult::Ok);
    CHECK(s == item(7));
}

TEST_CASE("getters killed at any moment lose at most the item they were taking, and say so",
          "[shm][queue]") {
    ArenaGuard g;
    REQUIRE(g.a);
    Arena& a = *g.a;
    ShmQueue* q = createQueue(a, 0);
    REQUIRE(q);
    const Actor me = actorFor(a, 0);
    std::mt19937 rng(777);
    uint32_t put = 0;
    int lostGets = 0;
    for (int round = 0; round < 150; ++round) {
        for (int i = 0; i < 200; ++i) {
            bool notify = false;
            REQUIRE(tryPut(a, *q, me, item(put++), &notify) == QueueResult::Ok);
        }
        drainRing(a, 0);
        const uint64_t before = sizeOf(*q);
        const pid_t child = fork();
        if (child == 0) {
            const Actor them = actorFor(a, 1);
            std::string s;
            for (;;) {
                drainRing(a, 1);
                get(a, *q, them, &s);
            }
        }
        std::this_thread::sleep_for(
            std::chrono::microseconds(std::uniform_int_distribution<int>(0, 2000)(rng)));
        kill(child, SIGKILL);
        waitpid(child, nullptr, 0);
        const auto lost = settleDead(a, a.inflight[1], child, true);
        if (lost) {
            CHECK_FALSE(lost->duringPut);
            ++lostGets;
        }
        // What is left is a run of whole items in order, ending with the last one put.
        std::string s;
        uint32_t expected = 0;
        bool first = true;
        uint64_t left = 0;
        while (get(a, *q, me, &s) == QueueResult::Ok) {
            uint32_t n = 0;
            REQUIRE(check(s, &n));
            if (!first) REQUIRE(n == expected);
            first = false;
            expected = n + 1;
            ++left;
        }
        if (left) CHECK(expected == put);
        CHECK(left <= before);
        drainRing(a, 0);
    }
    INFO(lostGets << " items lost with their getter");
    CHECK(lostGets >= 0);
}

TEST_CASE("a bounded queue refuses a put when full and takes it once there is room",
          "[shm][queue]") {
    ArenaGuard g;
    REQUIRE(g.a);
    Arena& a = *g.a;
    ShmQueue* q = createQueue(a, 3);
    REQUIRE(q);
    const Actor me = actorFor(a, 0);
    bool notify = false;
    for (uint32_t n = 0; n < 3; ++n)
        REQUIRE(tryPut(a, *q, me, item(n), &notify) == QueueResult::Ok);
    CHECK(tryPut(a, *q, me, item(3), &notify) == QueueResult::Full);
    CHECK(sizeOf(*q) == 3);
    std::string s;
    REQUIRE(get(a, *q, me, &s) == QueueResult::Ok);
    CHECK(s == item(0));
    CHECK(tryPut(a, *q, me, item(3), &notify) == QueueResult::Ok);
    const auto snap = readQueue(a, *q, 16, 8);
    REQUIRE(snap);
    CHECK(snap->size == 3);
    CHECK(snap->capacity == 3);
    REQUIRE(snap->items.size() == 3);
    CHECK(snap->items[0].len == item(1).size());
    CHECK(snap->items[2].prefix == item(3).substr(0, 8));
    // Across many segments, the snapshot stays right.
    ShmQueue* big = createQueue(a, 0);
    for (uint32_t n = 0; n < 1000; ++n)
        REQUIRE(tryPut(a, *big, me, item(n), &notify) == QueueResult::Ok);
    for (uint32_t n = 0; n < 700; ++n)
        REQUIRE(get(a, *big, me, &s) == QueueResult::Ok);
    const auto snap2 = readQueue(a, *big, 5, 4);
    REQUIRE(snap2);
    CHECK(snap2->size == 300);
    uint32_t first = 0;
    std::memcpy(&first, snap2->items[0].prefix.data(), sizeof first);
    CHECK(first == 700);
}

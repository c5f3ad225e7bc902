// The queue's commit points, tested the hard way: real processes putting and getting are
// SIGKILLed at arbitrary instructions, hundreds of times, and the queue must stay whole.

#include "engine/shm/ShmQueue.h"

#include <catch2/catch.hpp>
#include <csignal>
#include <cstring>
#include <random>
#include <span>
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

Arena& arenaOf(const ArenaGuard& g) {
    REQUIRE(g.a);
    return *g.a;
}

Actor actorFor(Arena& a, int slot) {
    Actor me;
    me.slot = slot;
    me.pid = getpid();
    me.inflight = &a.inflight[slot];
    me.ring = a.ringFor(slot, me.pid);
    return me;
}

ShmQueue& queueIn(Arena& a, uint64_t maxsize) {
    ShmQueue* q = createQueue(a, maxsize);
    REQUIRE(q);
    return *q;
}

// An arena of its own with one queue in it, and this process as the actor in slot 0.
struct OneQueue {
    explicit OneQueue(uint64_t maxsize) : q(&queueIn(a, maxsize)) {}
    ArenaGuard guard;
    Arena& a = arenaOf(guard);
    ShmQueue* q;
    Actor me = actorFor(a, 0);
};

// Item n: its number, then a body whose length (one of `sizes`, by n) and bytes depend on n.
std::string numbered(uint32_t n, std::span<const std::size_t> sizes) {
    std::string s(sizes[n % sizes.size()], static_cast<char>('a' + n % 26));
    std::memcpy(s.data(), &n, sizeof n);
    return s;
}

// Item n: some inline, up to the last byte a slot holds, some in a block of their own, some
// big enough that copying takes a while.
std::string item(uint32_t n) {
    static const std::size_t sizes[] = {
        4, QueueSlot::kInline, QueueSlot::kInline + 1, 300, 5000, 200000};
    return numbered(n, sizes);
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
    OneQueue one(0);
    Arena& a = one.a;
    ShmQueue* q = one.q;
    const Actor& me = one.me;
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
        // The engine's part: mark the dead as no longer holding the putters' mutex and, every
        // other round, settle what it left unfinished. In the other rounds the next process to
        // take that mutex (here this one, putting the number that comes next) does it, and
        // logs it.
        markDeadHolder(*q, child);
        const bool engineSettles = round % 2 == 0;
        const bool wasPutting = a.inflight[1].stage.load() == static_cast<uint32_t>(Stage::Putting);
        if (engineSettles) {
            if (auto lost = settleDead(a, a.inflight[1], child, true)) {
                CHECK(lost->duringPut);
                ++lostPuts;
            }
        } else {
            bool notify = false;
            const auto inQueue = static_cast<uint32_t>(sizeOf(*q)); // what the dead finished
            REQUIRE(tryPut(a, *q, me, item(next + inQueue), &notify) == QueueResult::Ok);
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
    OneQueue one(0);
    Arena& a = one.a;
    ShmQueue* q = one.q;
    const Actor& me = one.me;
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
        markDeadHolder(*q, child); // as the engine does when it sees a process exit
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
    OneQueue one(3);
    Arena& a = one.a;
    ShmQueue* q = one.q;
    const Actor& me = one.me;
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

TEST_CASE("a putter and a getter at once hand every item over whole and in order, and a "
          "reader always sees whole, consecutive items",
          "[shm][queue]") {
    // Putters and getters take different mutexes: they meet only at head, tail, the spare
    // segment and the item slots, and the engine reads the queue while both work.
    OneQueue one(0);
    Arena& a = one.a;
    ShmQueue* q = one.q;
    const Actor& me = one.me;
    REQUIRE(a.ringFor(1, 0)); // the putter's, made now so that it is not counted below
    const uint64_t inUseBefore = a.bytesInUse.load();
    constexpr uint32_t kItems = 60000; // about five hundred segments
    // Items inline (up to a full slot) and in blocks of their own, numbered in order.
    auto body = [](uint32_t n) {
        static const std::size_t sizes[] = {4, QueueSlot::kInline, QueueSlot::kInline + 1, 300};
        return numbered(n, sizes);
    };
    const pid_t putter = fork();
    if (putter == 0) {
        const Actor them = actorFor(a, 1);
        for (uint32_t n = 0; n < kItems; ++n) {
            bool notify = false;
            drainRing(a, 1);
            if (tryPut(a, *q, them, body(n), &notify) != QueueResult::Ok) _exit(1);
        }
        _exit(0);
    }
    const pid_t reader = fork();
    if (reader == 0) {
        // As the engine reads: every snapshot it gets is a run of consecutive items.
        int snapshots = 0;
        while (sizeOf(*q) != 0 || q->tail.load() < kItems) {
            const auto snap = readQueue(a, *q, 256, 4);
            if (!snap) continue;
            ++snapshots;
            for (std::size_t i = 0; i < snap->items.size(); ++i) {
                uint32_t n = 0;
                if (snap->items[i].prefix.size() < sizeof n) _exit(2);
                std::memcpy(&n, snap->items[i].prefix.data(), sizeof n);
                if (n != snap->head + i || snap->items[i].len != body(n).size()) _exit(3);
            }
        }
        _exit(snapshots > 0 ? 0 : 4);
    }
    uint32_t expected = 0;
    std::string s;
    while (expected < kItems) {
        drainRing(a, 0);
        const QueueResult r = get(a, *q, me, &s);
        if (r == QueueResult::Empty) continue;
        REQUIRE(r == QueueResult::Ok);
        uint32_t n = 0;
        REQUIRE(s.size() >= sizeof n);
        std::memcpy(&n, s.data(), sizeof n);
        REQUIRE(n == expected);
        REQUIRE(s == body(n));
        ++expected;
    }
    int status = 0;
    REQUIRE(waitpid(putter, &status, 0) == putter);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    REQUIRE(waitpid(reader, &status, 0) == reader);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(sizeOf(*q) == 0);
    // Segments went back as the getter left them: what is in use is the current one and the
    // spare, not a thousand.
    CHECK(a.bytesInUse.load() <= inUseBefore + 2 * (sizeof(Segment) + 64));
}

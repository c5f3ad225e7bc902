// What the engine makes of the op rings, without processes: records are logged here as a lesson
// process logs them, in any order and any amount, and the watcher's events are checked.

#include "engine/observer/ArenaWatcher.h"

#include "engine/channel/SharedState.h"
#include "engine/shm/Arena.h"
#include "engine/shm/ShmQueue.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <functional>
#include <map>
#include <thread>
#include <variant>
#include <vector>

using namespace forkscope;

namespace {

class Run {
public:
    Run() { shared_->originNs.store(channel::monotonicNs()); }
    ~Run() {
        shm::unmapArena(arena_);
        channel::unmapSharedState(shared_);
    }
    Run(const Run&) = delete;
    Run& operator=(const Run&) = delete;

    // Process `slot` logs an acquire of `lock` numbered `seq` along the lock; `tag` (its
    // holder field) tells the events apart. False when the ring had no room: dropped.
    bool log(int slot, uint32_t seq, uint32_t tag, uint32_t lock = 1) {
        return record(slot, shm::OpKind::LockAcquire, 1, seq, tag, lock);
    }
    // A put into queue 1 that left its tail at `tail`, of an item of `cells` - 1 cells, stamped
    // `stamp` (0: now). Queue events are tagged with the size the watcher replays.
    bool put(int slot, uint8_t cells, uint32_t tail, uint64_t stamp = 0) {
        return record(slot, shm::OpKind::QueuePut, cells, 0, tail, 1, stamp);
    }
    // A get from queue 1 that left its head at `head`.
    bool get(int slot, uint32_t head, uint64_t stamp = 0) {
        return record(slot, shm::OpKind::QueueGet, 1, 0, head, 1, stamp);
    }
    // Queue 1 in the arena, for its capacity and its real positions; without it the records
    // are all the watcher knows of it.
    shm::ShmQueue& queue(uint64_t maxsize) {
        shm::ShmQueue* q = shm::createQueue(*arena_, maxsize);
        REQUIRE(q);
        REQUIRE(q->id == 1);
        return *q;
    }
    // What the next collect finds: operations that did not fit in the slot's ring.
    void drop(int slot) { rings_.at(slot)->dropped.fetch_add(1); }

    observer::ArenaWatcher& watcher() { return watcher_; }
    // Runs as each lock or queue event goes out, before the next: the engine's time to send it.
    void onEvent(std::function<void()> f) { onEvent_ = std::move(f); }
    // The tags of the lock and queue events so far, in the order they went out.
    const std::vector<uint32_t>& tags() const { return tags_; }

private:
    bool record(int slot, shm::OpKind op, uint8_t cells, uint32_t seq, uint32_t tag,
                uint32_t object, uint64_t stamp = 0) {
        shm::OpRing*& ring = rings_[slot];
        if (!ring) ring = arena_->ringFor(slot, 100 + slot);
        shm::OpRecord* r = arena_->beginOp(ring, cells);
        if (!r) return false;
        r->stamp = stamp ? stamp : shm::stampNow();
        r->objSeq = seq;
        r->object = object;
        r->pid = 100 + slot;
        r->a = tag;
        r->b = 0;
        r->op = static_cast<uint8_t>(op);
        r->flags = 0;
        // A pickled int (protocol 2 BININT1), padded with STOPs.
        r->prefixLen = static_cast<uint8_t>((cells - 1u) * sizeof(shm::OpRecord));
        std::memset(r->prefix(), '.', r->prefixLen);
        if (r->prefixLen >= 4) std::memcpy(r->prefix(), "\x80\x02K\x07", 4);
        ring->commit();
        return true;
    }

    shm::Arena* arena_ = shm::mapArena(64u << 20);
    channel::SharedState* shared_ = channel::mapSharedState();
    std::map<int, shm::OpRing*> rings_;
    std::vector<uint32_t> tags_;
    std::function<void()> onEvent_;
    observer::ArenaWatcher watcher_{
        arena_, shared_, [this](protocol::Event&& e) {
            const char* tag = e.kind() == protocol::EventKind::Lock    ? "holder"
                              : e.kind() == protocol::EventKind::Queue ? "size"
                                                                       : nullptr;
            if (!tag) return;
            tags_.push_back(static_cast<uint32_t>(std::get<long long>(*e.get(tag))));
            if (onEvent_) onEvent_();
        }};
};

std::vector<uint32_t> oneTo(uint32_t n) {
    std::vector<uint32_t> v;
    for (uint32_t i = 1; i <= n; ++i)
        v.push_back(i);
    return v;
}

} // namespace

TEST_CASE("a lock's operations go out in the lock's own order, whatever order they were logged "
          "in",
          "[lock][watcher]") {
    Run run;
    SECTION("across processes") {
        // Each process's records are in its order, merged by time: 5, 3, 1, 4, 2.
        run.log(0, 5, 5);
        run.log(1, 3, 3);
        run.log(2, 1, 1);
        run.log(0, 4, 4);
        run.log(1, 2, 2);
        run.watcher().drain();
        CHECK(run.tags() == oneTo(5));
    }
    SECTION("many, swapped in pairs, and all reversed") {
        for (uint32_t i = 1; i <= 20000; i += 2) {
            run.log(0, i + 1, i + 1);
            run.log(1, i, i);
        }
        for (uint32_t i = 40000; i > 20000; --i)
            run.log(2, i, i);
        run.watcher().drain();
        CHECK(run.tags() == oneTo(40000));
    }
}

TEST_CASE("an operation whose predecessor does not come waits for it a while, then goes",
          "[lock][watcher]") {
    Run run;
    run.log(0, 1, 1);
    run.log(0, 3, 3);
    run.log(0, 5, 5);
    run.watcher().drain();
    CHECK(run.tags() == std::vector<uint32_t>{1});
    run.log(1, 2, 2); // 3 no longer waits; 5 still does
    run.watcher().drain();
    CHECK(run.tags() == std::vector<uint32_t>{1, 2, 3});
    std::this_thread::sleep_for(std::chrono::milliseconds(80));
    run.watcher().drain(); // 4 is not coming
    CHECK(run.tags() == std::vector<uint32_t>{1, 2, 3, 5});
    run.log(0, 4, 4); // late: out at once
    run.log(0, 7, 7);
    run.log(1, 6, 6);
    run.watcher().drain();
    CHECK(run.tags() == std::vector<uint32_t>{1, 2, 3, 5, 4, 6, 7});
}

TEST_CASE("an operation read while the engine is long busy sending still waits for its "
          "predecessor, logged just after that read",
          "[lock][watcher]") {
    // A lock handed over between the engine's reads of its two holders' rings: the second
    // holder's acquire is read, the first holder's release only at the next read. The engine
    // reads the rings every 128 records while it sends a backlog; this backlog (lock 2) takes
    // it longer than the gap wait to send.
    Run run;
    for (uint32_t i = 1; i <= 300; ++i)
        run.log(0, i, 1000 + i, 2);
    bool first = true;
    run.onEvent([&] {
        if (!first) return;
        first = false;
        run.log(1, 2, 2); // lock 1's second operation, read by the engine's next read
        std::this_thread::sleep_for(std::chrono::milliseconds(80));
    });
    run.watcher().drain();
    REQUIRE(run.tags().size() == 300); // lock 1's second waits for its first
    run.log(0, 1, 1);
    run.watcher().drain();
    const std::vector<uint32_t> lock1(run.tags().begin() + 300, run.tags().end());
    CHECK(lock1 == std::vector<uint32_t>{1, 2});
}

TEST_CASE("after operations were dropped, nothing waits for them", "[lock][watcher]") {
    Run run;
    run.log(0, 1, 1);
    run.drop(0); // 2 and 3 were not logged
    run.log(0, 4, 4);
    run.log(0, 5, 5);
    run.watcher().drain();
    CHECK(run.tags() == std::vector<uint32_t>{1, 4, 5});
}

TEST_CASE("a long backlog goes out whole and in order, batch by batch, as the rings fill",
          "[lock][watcher]") {
    Run run;
    uint32_t seq = 0;
    bool allLogged = true;
    // More than a first ring holds between two looks, so that rings chain, and looks that
    // leave part of the backlog for the next.
    for (int round = 0; round < 12; ++round) {
        for (int i = 0; i < 25000; ++i) {
            ++seq;
            allLogged = run.log(round % 3, seq, seq, 7) && allLogged;
        }
        run.watcher().pump();
    }
    while (run.watcher().pump()) {
    }
    run.watcher().drain();
    CHECK(allLogged);
    CHECK(run.tags() == oneTo(seq));
}

TEST_CASE("while the run logs fast the engine sends a few operations a pump and leaves the rest "
          "in the rings, then sends everything, in order, once the run pauses",
          "[lock][watcher]") {
    Run run;
    uint32_t seq = 0;
    auto logMore = [&](int n) {
        for (int i = 0; i < n; ++i) {
            ++seq;
            REQUIRE(run.log(i % 2, seq, seq, 7));
        }
    };
    logMore(1000);
    run.watcher().pump(); // reads the thousand, sends a few
    const std::size_t first = run.tags().size();
    CHECK(first > 0);
    CHECK(first < 1000);
    logMore(1000); // still logging: the new ones stay in the rings
    for (int i = 0; i < 5; ++i) {
        run.watcher().pump();
        logMore(10);
    }
    CHECK(run.tags().size() < 1000);
    std::vector<uint32_t> sent = oneTo(seq);
    sent.resize(run.tags().size());
    CHECK(run.tags() == sent); // the first ones, in order
    // The run pauses: the next pumps read the rings and send the rest.
    for (int i = 0; i < 100 && run.tags().size() < seq; ++i)
        run.watcher().pump();
    CHECK(run.tags() == oneTo(seq));
}

TEST_CASE("records of every length cross from one chunk of the backlog to the next whole",
          "[queue][watcher]") {
    Run run;
    uint32_t seq = 0;
    bool allLogged = true;
    for (int round = 0; round < 6; ++round) {
        for (int i = 0; i < 20000; ++i) {
            ++seq;
            allLogged = run.put(0, static_cast<uint8_t>(1 + seq % 4), seq) && allLogged;
        }
        run.watcher().pump();
    }
    run.watcher().drain();
    CHECK(allLogged);
    CHECK(run.tags() == oneTo(seq));
}

TEST_CASE("a queue's operations go out in the order of their stamps, each side in the order of "
          "its positions, and its sizes are replayed from those",
          "[queue][watcher]") {
    // A putter (slot 0) and a getter (slot 1) at once; the getter's records are read first.
    Run run;
    run.queue(0);
    const uint64_t t0 = shm::stampNow();
    CHECK(run.get(1, 1, t0 + 30));
    CHECK(run.get(1, 2, t0 + 50));
    CHECK(run.get(1, 3, t0 + 60));
    CHECK(run.put(0, 1, 1, t0 + 10));
    CHECK(run.put(0, 1, 2, t0 + 20));
    CHECK(run.put(0, 1, 3, t0 + 40));
    run.watcher().drain();
    // put, put, get, put, get, get
    CHECK(run.tags() == std::vector<uint32_t>{1, 2, 1, 2, 1, 0});
}

TEST_CASE("a get goes after the put of its item, and in a full queue a put after the get that "
          "made room, whatever their stamps say",
          "[queue][watcher]") {
    // A process stopped between its operation and its stamp stamps late.
    Run run;
    run.queue(1);
    const uint64_t t0 = shm::stampNow();
    CHECK(run.put(0, 1, 1, t0 + 30)); // the putter stamped late
    CHECK(run.get(1, 1, t0 + 10));
    CHECK(run.put(0, 1, 2, t0 + 40));
    CHECK(run.get(1, 2, t0 + 50)); // the getter stamped late
    CHECK(run.put(0, 1, 3, t0 + 45));
    run.watcher().drain();
    // put, get, put, get, put: never below empty, never above maxsize
    CHECK(run.tags() == std::vector<uint32_t>{1, 0, 1, 0, 1});
}

TEST_CASE("an operation waits for one of the other side that the queue shows done and whose "
          "record has not been read yet, a while",
          "[queue][watcher]") {
    Run run;
    shm::ShmQueue& q = run.queue(0);
    const uint64_t t0 = shm::stampNow();
    // Two puts and a get are done; the getter has not logged its get yet.
    q.tail.store(2);
    q.head.store(1);
    CHECK(run.put(0, 1, 1, t0 + 10));
    CHECK(run.put(0, 1, 2, t0 + 30));
    run.watcher().drain();
    // The first put goes (the get needs it); the second might have come after the get.
    CHECK(run.tags() == std::vector<uint32_t>{1});
    SECTION("it comes") {
        CHECK(run.get(1, 1, t0 + 20));
        run.watcher().drain();
        CHECK(run.tags() == std::vector<uint32_t>{1, 0, 1});
    }
    SECTION("it does not come") {
        std::this_thread::sleep_for(std::chrono::milliseconds(80));
        run.watcher().drain();
        CHECK(run.tags() == std::vector<uint32_t>{1, 2});
        CHECK(run.get(1, 1, t0 + 20)); // late: it goes when it comes
        run.watcher().drain();
        CHECK(run.tags() == std::vector<uint32_t>{1, 2, 1});
    }
}

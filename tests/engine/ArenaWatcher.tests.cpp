// What the engine makes of the op rings, without processes: records are logged here as a lesson
// process logs them, in any order and any amount, and the watcher's events are checked.

#include "engine/observer/ArenaWatcher.h"

#include "engine/channel/SharedState.h"
#include "engine/shm/Arena.h"

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
    // The same for a put into `queue` of an item of `cells` - 1 cells; `tag` is the queue's
    // tail after it (the events' tags are then the sizes the watcher replays).
    bool put(int slot, uint8_t cells, uint32_t seq, uint32_t tag, uint32_t queue = 1) {
        return record(slot, shm::OpKind::QueuePut, cells, seq, tag, queue);
    }
    // A get from `queue` that left its head at `head`.
    bool get(int slot, uint32_t seq, uint32_t head, uint32_t queue = 1) {
        return record(slot, shm::OpKind::QueueGet, 1, seq, head, queue);
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
                uint32_t object) {
        shm::OpRing*& ring = rings_[slot];
        if (!ring) ring = arena_->ringFor(slot, 100 + slot);
        shm::OpRecord* r = arena_->beginOp(ring, cells);
        if (!r) return false;
        r->stamp = shm::stampNow();
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

TEST_CASE("records of every length cross from one chunk of the backlog to the next whole",
          "[queue][watcher]") {
    Run run;
    uint32_t seq = 0;
    bool allLogged = true;
    for (int round = 0; round < 6; ++round) {
        for (int i = 0; i < 20000; ++i) {
            ++seq;
            allLogged = run.put(0, static_cast<uint8_t>(1 + seq % 4), seq, seq) && allLogged;
        }
        run.watcher().pump();
    }
    run.watcher().drain();
    CHECK(allLogged);
    CHECK(run.tags() == oneTo(seq));
}

TEST_CASE("a queue's sizes are replayed from the positions its operations left, in the order "
          "they took effect",
          "[queue][watcher]") {
    // A putter (slot 0) and a getter (slot 1) at once; the getter's records come first, though
    // each get took an item the putter had put.
    Run run;
    CHECK(run.get(1, 3, 1));
    CHECK(run.get(1, 5, 2));
    CHECK(run.get(1, 6, 3));
    CHECK(run.put(0, 1, 1, 1));
    CHECK(run.put(0, 1, 2, 2));
    CHECK(run.put(0, 1, 4, 3));
    run.watcher().drain();
    // put, put, get, put, get, get
    CHECK(run.tags() == std::vector<uint32_t>{1, 2, 1, 2, 1, 0});
}

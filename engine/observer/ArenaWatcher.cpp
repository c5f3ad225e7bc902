#include "engine/observer/ArenaWatcher.h"

#include "engine/shm/PickleRepr.h"
#include "engine/shm/ShmLock.h"
#include "engine/shm/ShmQueue.h"

#include <algorithm>
#include <cstring>

namespace forkscope::observer {

namespace ev = protocol::events;

namespace {

constexpr std::size_t kShownItems = 16;   // a queue-state lists at most this many items
constexpr std::size_t kStatePrefix = 256; // bytes of each item read to show it
constexpr std::size_t kReprChars = 80;
// An operation whose predecessor on the same object has not shown up (its process is between
// the operation and its record, or died there, or its ring overflowed) waits until the rings
// have been read this long after it came without the predecessor in them.
constexpr int64_t kGapWaitNs = 50'000'000;
// Operations emitted per look, between which the engine reads the rings and its other inputs.
constexpr std::size_t kPumpBatch = 2048;
// While a look reads this many cells or more, a pump sends only this many records (paced()),
// unless more than kMaxPacedCells wait: memory is worth more than the run's speed.
constexpr std::size_t kPacedBatch = 64;
constexpr std::size_t kMaxPacedCells = std::size_t{1} << 20; // 32 MiB of records
// A paced pump reads a process's ring all the same once this part of it is unread (or once
// it has chained another), so that the ring goes round again instead of filling: a writer
// whose ring filled chained a fresh one, and each 4 KiB page of that cost it a page fault of
// 3.5-4.7 us on this KVM guest (about 30 ns a record, on the writer's time), against about
// 25 ns a record for the engine to copy it out. A flood of 100,000 queue items moved 4-13%
// more per second (medians of paired runs); the first quarter of a first ring takes the
// busiest writer about 2 ms to log.
constexpr uint64_t kReadRingPart = 4;
constexpr std::size_t kCollectEvery = 128;

enum Family { QueueFamily = 0, LockFamily = 1, TaskFamily = 2 };

Family familyOf(uint16_t op) {
    const auto k = static_cast<shm::OpKind>(op);
    if (k == shm::OpKind::Task) return TaskFamily;
    return k == shm::OpKind::QueuePut || k == shm::OpKind::QueueGet || k == shm::OpKind::QueueLost
               ? QueueFamily
               : LockFamily;
}

constexpr uint32_t kLastTaskStep = 3; // done or error

std::pair<uint64_t, int64_t> clockPair() {
    const uint64_t a = shm::stampNow();
    const int64_t ns = channel::monotonicNs();
    const uint64_t b = shm::stampNow();
    return {a + (b - a) / 2, ns};
}

} // namespace

ArenaWatcher::ArenaWatcher(shm::Arena* arena, channel::SharedState* shared, Sink sink)
    : arena_(arena), shared_(shared), sink_(std::move(sink)) {
    std::tie(stamp0_, ns0_) = clockPair();
}

double ArenaWatcher::now() const {
    return channel::scenarioSeconds(*shared_);
}

double ArenaWatcher::secondsOf(uint64_t stamp) {
    double ns;
    if (shm::kStampIsNs)
        ns = static_cast<double>(stamp);
    else
        ns = static_cast<double>(ns0_) +
             (static_cast<double>(stamp) - static_cast<double>(stamp0_)) * nsPerStamp_;
    const double elapsed =
        ns - static_cast<double>(shared_->originNs.load(std::memory_order_acquire));
    return std::max(0.0, elapsed * 1e-9 * shared_->speed.load(std::memory_order_acquire));
}

std::string ArenaWatcher::itemRepr(const char* prefix, std::size_t have, uint32_t len) const {
    return shm::pickleRepr(std::string_view(prefix, have), have >= len, kReprChars);
}

QueueReplay& ArenaWatcher::replayOf(uint32_t queue) {
    // A queue's operations are logged after it is published, and so read after it is known;
    // an id never seen gets a replay of its own all the same.
    if (queue >= replays_.size()) replays_.resize(queue + 1);
    return replays_[queue];
}

void ArenaWatcher::refreshObjects() {
    const uint32_t count = std::min<uint32_t>(arena_->objectCount.load(std::memory_order_acquire),
                                              static_cast<uint32_t>(shm::Arena::kMaxObjects));
    for (; scanned_ < count; ++scanned_)
        unready_.push_back(scanned_);
    std::erase_if(unready_, [this](uint32_t i) {
        const auto kind =
            static_cast<shm::ObjectKind>(arena_->objects[i].kind.load(std::memory_order_acquire));
        if (kind == shm::ObjectKind::None) return false;
        const shm::Offset off = arena_->objects[i].offset;
        if (kind == shm::ObjectKind::Queue) {
            queues_.push_back(off);
            const auto& q = *arena_->at<shm::ShmQueue>(off);
            QueueReplay& replay = replayOf(q.id);
            replay.attach(&q);
            replay.setCapacity(q.maxsize);
        } else
            locks_.push_back(off);
        return true;
    });
}

// An object's operations go out in its own order (objSeq; a queue's, QueueReplay): a record
// written a little after its operation (its process was preempted in between) must not come
// after the next operation on the same object, logged by another process.
void ArenaWatcher::emitInOrder(const shm::OpRecord& r, bool gapsExpected) {
    if (familyOf(r.op) == QueueFamily) {
        queueRecord(r, gapsExpected);
        return;
    }
    if (static_cast<shm::OpKind>(r.op) == shm::OpKind::LockRun) {
        // Acquires and releases taking turns, all at the run's stamp.
        const bool fromRelease = (r.flags & shm::OpRecord::kRunFromRelease) != 0;
        for (uint32_t i = 0; i < r.a; ++i) {
            shm::OpRecord op = r;
            const bool acquire = fromRelease == (i % 2 == 1);
            op.objSeq = r.objSeq + i;
            op.op =
                static_cast<uint8_t>(acquire ? shm::OpKind::LockAcquire : shm::OpKind::LockRelease);
            op.a = acquire ? static_cast<uint32_t>(r.pid) : 0;
            op.b = 0;
            op.flags = 0;
            op.cells = 1;
            emitInOrder(op, gapsExpected);
        }
        return;
    }
    if (r.objSeq == 0) { // not numbered: its time is its order
        emitOp(r);
        return;
    }
    // A lock's operations are numbered along the lock, a task's steps along the task.
    const Family family = familyOf(r.op);
    const Key key{static_cast<int>(family), r.object, family == TaskFamily ? r.a : 0};
    uint32_t& next = nextSeq_.try_emplace(key, 1).first->second;
    // After records were dropped the missing numbers never come: nothing is held for them.
    if (r.objSeq > next && !gapsExpected) {
        HeldOps& ops = held_[key];
        Held& h = ops.bySeq.emplace(r.objSeq, Held{})->second;
        // Timed from the read that brought it, not from now: emitting a long backlog takes a
        // while, and the predecessor is only looked for at the next read.
        h.sinceNs = lastCollectNs_;
        std::memcpy(h.cells, &r, r.cells * sizeof(shm::OpRecord));
        ++ops.since[lastCollectNs_];
        return;
    }
    emitOp(r);
    next = std::max(next, r.objSeq + 1);
    if (!held_.empty()) releaseHeld(key, false);
    // A finished task is numbered no further: forget it, or a long run's tasks would pile up.
    if (family == TaskFamily && r.objSeq >= kLastTaskStep && !held_.count(key)) nextSeq_.erase(key);
}

void ArenaWatcher::releaseHeld(const Key& key, bool all) {
    auto it = held_.find(key);
    if (it == held_.end()) return;
    auto& [bySeq, since] = it->second;
    uint32_t& next = nextSeq_[key];
    for (auto h = bySeq.begin(); h != bySeq.end() && (all || h->first <= next);
         h = bySeq.erase(h)) {
        emitOp(h->second.record());
        next = std::max(next, h->first + 1);
        const auto s = since.find(h->second.sinceNs);
        if (--s->second == 0) since.erase(s);
    }
    if (bySeq.empty()) held_.erase(it);
}

void ArenaWatcher::emitOp(const shm::OpRecord& r) {
    // A task's step is never before the event sent ahead of it (ArenaWatcher.h: noteSent);
    // queue and lock operations keep their exact time.
    const double exact = secondsOf(r.stamp);
    const bool task = static_cast<shm::OpKind>(r.op) == shm::OpKind::Task;
    const double t = task ? std::max(exact, floor_) : exact;
    const int id = static_cast<int>(r.object);
    const int count = r.flags & shm::OpRecord::kRLock ? static_cast<int>(r.b) : -1;
    switch (static_cast<shm::OpKind>(r.op)) {
    case shm::OpKind::QueuePut: // sent by emitQueueOp
    case shm::OpKind::QueueGet:
    case shm::OpKind::QueueLost:
        break;
    case shm::OpKind::LockWait:
        sink_(ev::lockOp(t, r.pid, id, "wait", static_cast<int>(r.a), 0, -1));
        break;
    case shm::OpKind::LockAcquire:
        sink_(ev::lockOp(t, r.pid, id, "acquire", static_cast<int>(r.a), 0, count));
        break;
    case shm::OpKind::LockRelease:
        sink_(ev::lockOp(t, r.pid, id, "release", static_cast<int>(r.a), 0, count));
        break;
    case shm::OpKind::Task: {
        static constexpr const char* kSteps[] = {"submit", "start", "done", "error"};
        if (r.b < 1 || r.b > 4) break;
        const std::size_t have =
            std::min<std::size_t>(r.prefixLen, (r.cells - 1u) * sizeof(shm::OpRecord));
        sink_(ev::task(t, r.pid, id, static_cast<int>(r.a), kSteps[r.b - 1],
                       std::string_view(r.prefix(), have)));
        break;
    }
    case shm::OpKind::LockRun: // expanded by emitInOrder
        break;
    case shm::OpKind::LockRecover:
        sink_(ev::lockOp(t, r.pid, id, "recover", static_cast<int>(r.a), static_cast<int>(r.b),
                         r.flags & shm::OpRecord::kRLock ? 1 : -1));
        break;
    }
}

void ArenaWatcher::queueRecord(const shm::OpRecord& r, bool gapsExpected) {
    QueueReplay& replay = replayOf(r.object);
    replay.add(r, lastCollectNs_, emitQueue_);
    if (gapsExpected) replay.advance(UINT64_MAX, lastCollectNs_, kGapWaitNs, true, emitQueue_);
    if (replay.holding()) waitingQueues_.insert(r.object);
}

void ArenaWatcher::advanceQueues(bool gapsExpected) {
    if (waitingQueues_.empty()) return;
    // Each backlog is in its process's order, so no record in them is stamped earlier than
    // the earliest of their first ones.
    uint64_t horizon = UINT64_MAX;
    for (const std::size_t slot : pending_)
        horizon = std::min(horizon, backlog_[slot].front().stamp);
    for (auto it = waitingQueues_.begin(); it != waitingQueues_.end();) {
        QueueReplay& replay = replays_[*it];
        replay.advance(horizon, lastCollectNs_, kGapWaitNs, gapsExpected, emitQueue_);
        it = replay.holding() ? std::next(it) : waitingQueues_.erase(it);
    }
}

// A queue operation, with the size its replay had after it.
void ArenaWatcher::emitQueueOp(const shm::OpRecord& r, long long size) {
    const double t = secondsOf(r.stamp);
    std::string item;
    if (r.flags & shm::OpRecord::kInt) {
        item = std::to_string(static_cast<int32_t>(r.b));
    } else {
        const std::size_t have =
            std::min<std::size_t>(r.prefixLen, (r.cells - 1u) * sizeof(shm::OpRecord));
        item = shm::pickleRepr(std::string_view(r.prefix(), have),
                               (r.flags & shm::OpRecord::kWhole) != 0, kReprChars);
    }
    const bool put = static_cast<shm::OpKind>(r.op) == shm::OpKind::QueuePut ||
                     (r.flags & shm::OpRecord::kLostPut);
    const int id = static_cast<int>(r.object);
    const auto capacity = static_cast<long long>(replayOf(r.object).capacity());
    if (static_cast<shm::OpKind>(r.op) == shm::OpKind::QueueLost)
        sink_(ev::queueLost(t, r.pid, id, put ? "put" : "get", std::move(item), size, capacity));
    else
        sink_(ev::queueOp(t, r.pid, id, put ? "put" : "get", std::move(item), size, capacity));
}

void ArenaWatcher::emitQueueStates(bool force) {
    for (const shm::Offset off : queues_) {
        const auto& q = *arena_->at<shm::ShmQueue>(off);
        const std::pair<uint64_t, uint64_t> at{q.head.load(std::memory_order_acquire),
                                               q.tail.load(std::memory_order_acquire)};
        auto it = shownAt_.find(off);
        if (!force && it != shownAt_.end() && it->second == at) continue;
        // Its contents after operations not sent yet would come before them.
        if (!force && replayOf(q.id).holding()) continue;
        auto snap = shm::readQueue(*arena_, q, kShownItems, kStatePrefix);
        if (!snap) continue; // changing right now: the next look shows it
        std::string items = "[";
        for (std::size_t i = 0; i < snap->items.size(); ++i) {
            if (i) items += ", ";
            const auto& item = snap->items[i];
            items += itemRepr(item.prefix.data(), item.prefix.size(), item.len);
        }
        if (snap->size > snap->items.size())
            items += snap->items.empty() ? "\xe2\x80\xa6" : ", \xe2\x80\xa6";
        items += "]";
        sink_(ev::queueState(now(), static_cast<int>(q.id), static_cast<long long>(snap->size),
                             static_cast<long long>(snap->capacity), std::move(items),
                             static_cast<int>(snap->items.size())));
        shownAt_[off] = {snap->head, snap->tail};
    }
}

void ArenaWatcher::appendRun(Backlog& out, const shm::OpRecord& run, uint32_t from) {
    if (run.a <= from) return;
    shm::OpRecord rest = run;
    rest.objSeq += from;
    rest.a -= from;
    if (from % 2) rest.flags ^= shm::OpRecord::kRunFromRelease;
    append(out, rest);
}

void ArenaWatcher::readOpenRun(std::size_t slot, shm::Offset ringOffset, const shm::OpRing& ring,
                               Backlog& out) {
    // A seqlock read: the writer is changing the run while runVersion is odd. A dead writer
    // may have left it odd; what it wrote is then as good as it gets (each field is one store).
    const bool writerDead = deadSlot_ == static_cast<int>(slot);
    const uint32_t v = ring.runVersion.load(std::memory_order_acquire);
    if ((v & 1) && !writerDead) return;
    if (!ring.runOpen) return;
    const uint64_t pos = ring.next - 1;
    if (pos < ring.head.load(std::memory_order_acquire) || pos >= ring.head + ring.capacity)
        return; // committed since: the next collect reads it as such
    shm::OpRecord run = ring.at(pos);
    // The count moves on while the run is open (ShmLock.h: logTurn), with one store.
    run.a = std::atomic_ref<uint32_t>(const_cast<uint32_t&>(ring.at(pos).a))
                .load(std::memory_order_acquire);
    std::atomic_thread_fence(std::memory_order_acquire);
    if (!writerDead && ring.runVersion.load(std::memory_order_relaxed) != v) return;
    if (static_cast<shm::OpKind>(run.op) != shm::OpKind::LockRun || run.cells != 1) return;
    OpenRun& seen = openRuns_[slot];
    const uint32_t from = seen.ring == ringOffset && seen.pos == pos ? seen.read : 0;
    appendRun(out, run, from);
    seen = {ringOffset, pos, std::max(from, run.a)};
}

// Copies every ring's new records out (padding and anything that is not a record left
// behind) and hands the ring's room back at once: formatting events costs the engine far more
// per operation than the operation costs a process, so a busy process would otherwise fill its
// ring while the engine formats, and chain a fresh one.
void ArenaWatcher::collect() {
    lastCollectNs_ = channel::monotonicNs();
    const std::size_t before = backlogCells_;
    if (!shm::kStampIsNs) {
        const auto [stamp, ns] = clockPair();
        if (ns - ns0_ > 1'000'000 && stamp > stamp0_)
            nsPerStamp_ = static_cast<double>(ns - ns0_) / static_cast<double>(stamp - stamp0_);
    }
    // Operations logged from now on take a fresh stamp (stampFor, engine/shm/ShmQueue.h).
    arena_->clockEpoch.fetch_add(1, std::memory_order_relaxed);
    refreshObjects();
    bool chained = false;
    for (std::size_t slot = 0; slot < shm::Arena::kMaxSlots; ++slot) {
        const shm::Offset off = arena_->rings[slot].load(std::memory_order_acquire);
        if (off == 0) continue;
        Backlog& backlog = backlog_[slot];
        // The slot's chain of rings, oldest first: each is read to its end before the next.
        shm::Offset ringOffset = off;
        for (auto* ring = arena_->at<shm::OpRing>(off); ring;) {
            // Read before head: once a ring has a successor its head moves no more.
            const shm::Offset next = ring->nextRing.load(std::memory_order_acquire);
            // Written only when it changes: the writer reads this line when its ring looks full.
            if (ring->dropped.load(std::memory_order_relaxed) != 0)
                droppedSeen_ += ring->dropped.exchange(0, std::memory_order_acq_rel);
            const uint64_t head = ring->head.load(std::memory_order_acquire);
            uint64_t at = ring->tail.load(std::memory_order_relaxed);
            if (head - at > ring->capacity) at = head; // impossible unless corrupt: skip
            while (at < head) {
                const shm::OpRecord& r = ring->at(at);
                // Anything that is not a record (only a bug could write one): the rest is skipped.
                if (r.cells == 0 || r.cells > 4 || at + r.cells > head) {
                    at = head;
                    break;
                }
                if (static_cast<shm::OpKind>(r.op) == shm::OpKind::LockRun) {
                    // Read in part while it was open: the rest.
                    OpenRun& seen = openRuns_[slot];
                    const bool partly = seen.ring == ringOffset && seen.pos == at;
                    appendRun(backlog, r, partly ? seen.read : 0);
                    if (partly) seen = {};
                } else if (r.op != shm::OpRecord::kPadding) {
                    if (familyOf(r.op) == QueueFamily) replayOf(r.object).noteRead(r);
                    append(backlog, r);
                }
                at += r.cells;
            }
            if (next == 0) readOpenRun(slot, ringOffset, *ring, backlog);
            if (at != ring->tail.load(std::memory_order_relaxed))
                ring->tail.store(at, std::memory_order_release);
            chained = chained || next != 0;
            ring = next ? arena_->at<shm::OpRing>(next) : nullptr;
            ringOffset = next;
        }
        if (!backlog.empty()) pending_.insert(slot);
    }
    if (chained) unchainRings();
    // After the rings: an operation a queue shows done but whose record was not read is one
    // whose record is still to come (QueueReplay).
    for (QueueReplay& replay : replays_)
        replay.observe();
    readByLook_ = backlogCells_ - before;
}

void ArenaWatcher::append(Backlog& backlog, const shm::OpRecord& r) {
    Chunk* last = backlog.empty() ? nullptr : backlog.chunks.back().get();
    if (!last || last->end + r.cells > kChunkCells) {
        if (spareChunks_.empty()) {
            // Not zeroed: its pages are touched only as records fill them.
            backlog.chunks.push_back(std::make_unique_for_overwrite<Chunk>());
        } else {
            backlog.chunks.push_back(std::move(spareChunks_.back()));
            spareChunks_.pop_back();
        }
        last = backlog.chunks.back().get();
        last->end = 0;
    }
    // A copy of a known size is a few moves; one of any size is a call to memcpy.
    shm::OpRecord* to = last->cells + last->end;
    switch (r.cells) {
    case 1:
        std::memcpy(to, &r, sizeof(shm::OpRecord));
        break;
    case 2:
        std::memcpy(to, &r, 2 * sizeof(shm::OpRecord));
        break;
    default:
        std::memcpy(to, &r, r.cells * sizeof(shm::OpRecord));
    }
    last->end += r.cells;
    backlogCells_ += r.cells;
}

// Past the first record of the backlog; a chunk emitted to its end goes back to the spares.
void ArenaWatcher::advance(Backlog& backlog) {
    backlogCells_ -= backlog.front().cells;
    backlog.next += backlog.front().cells;
    if (backlog.next < backlog.chunks[backlog.first]->end) return;
    spareChunks_.push_back(std::move(backlog.chunks[backlog.first]));
    ++backlog.first;
    backlog.next = 0;
    // The emptied entries go once they are half: a busy process's backlog is never empty.
    if (backlog.first * 2 >= backlog.chunks.size()) {
        backlog.chunks.erase(backlog.chunks.begin(),
                             backlog.chunks.begin() + static_cast<std::ptrdiff_t>(backlog.first));
        backlog.first = 0;
    }
}

// Emits up to `budget` collected operations, in the order they happened (each slot's are in
// its process's order; merged by time).
void ArenaWatcher::emitCollected(std::size_t budget) {
    const bool gaps = droppedSeen_ != droppedHeld_;
    droppedHeld_ = droppedSeen_;
    advanceQueues(gaps);
    for (std::size_t done = 0; done < budget && !pending_.empty(); ++done) {
        // A process that logs every few tens of nanoseconds fills its ring in about the time
        // the engine takes to format a few hundred events: read the rings between those.
        if (done % kCollectEvery == kCollectEvery - 1) {
            collect();
            advanceQueues(gaps);
        }
        Backlog* first = nullptr;
        std::size_t firstSlot = 0;
        for (const std::size_t slot : pending_) {
            Backlog& b = backlog_[slot];
            if (!first || b.front().stamp < first->front().stamp) {
                first = &b;
                firstSlot = slot;
            }
        }
        emitInOrder(first->front(), gaps);
        advance(*first);
        if (first->empty()) pending_.erase(firstSlot);
    }
}

void ArenaWatcher::settleHeldAndStates() {
    // What waited too long for an earlier operation goes out now: that one is not coming (its
    // process died between the operation and its record, or its ring was full). Measured to
    // the last read of the rings, not to now: after a long time spent sending, a predecessor
    // logged just after that read (a lock handed over between the reads of its two holders'
    // rings) has not been looked for yet.
    std::vector<Key> stale;
    for (const auto& [key, ops] : held_) {
        if (lastCollectNs_ - ops.since.begin()->first >= kGapWaitNs) stale.push_back(key);
    }
    for (const Key& key : stale)
        releaseHeld(key, true);
    advanceQueues(false);
    emitQueueStates(false);
}

void ArenaWatcher::drain() {
    if (!arena_) return;
    collect();
    emitCollected(SIZE_MAX);
    settleHeldAndStates();
}

ArenaWatcher::Unread ArenaWatcher::unread() const {
    Unread u;
    for (const auto& entry : arena_->rings) {
        // The slot's chain of rings: one that has a successor filled before it was read.
        for (shm::Offset off = entry.load(std::memory_order_acquire); off != 0;) {
            const auto* ring = arena_->at<shm::OpRing>(off);
            const uint64_t inRing = ring->head.load(std::memory_order_acquire) -
                                    ring->tail.load(std::memory_order_relaxed);
            u.cells += inRing;
            off = ring->nextRing.load(std::memory_order_acquire);
            u.filling = u.filling || off != 0 || inRing > ring->capacity / kReadRingPart;
        }
    }
    return u;
}

bool ArenaWatcher::pump() {
    if (!arena_) return false;
    if (paced_) {
        // While the run goes on logging fast, its records stay in the rings as long as they
        // can: the CPU the engine spends reading them is taken from the run, whose processes
        // may have all the CPUs. They are read once the run has logged nothing since the
        // last pump, or when a process's ring is filling (kReadRingPart).
        const Unread u = unread();
        const bool logging = u.cells != unreadAtLastPump_;
        unreadAtLastPump_ = u.cells;
        if (logging && !u.filling) {
            emitCollected(kPacedBatch);
            return !pending_.empty();
        }
    }
    collect();
    unreadAtLastPump_ = 0;
    paced_ = readByLook_ >= kPacedBatch && backlogCells_ <= kMaxPacedCells;
    emitCollected(paced_ ? kPacedBatch : kPumpBatch);
    // Queue contents only once the operations before them are out.
    if (pending_.empty()) settleHeldAndStates();
    return !pending_.empty();
}

// A ring read to its end that has a successor is done with: its writer moved on for good.
void ArenaWatcher::unchainRings() {
    for (auto& entry : arena_->rings) {
        for (shm::Offset off = entry.load(std::memory_order_acquire); off != 0;) {
            auto* ring = arena_->at<shm::OpRing>(off);
            const shm::Offset next = ring->nextRing.load(std::memory_order_acquire);
            if (next == 0 || ring->tail.load(std::memory_order_relaxed) !=
                                 ring->head.load(std::memory_order_acquire))
                break;
            entry.store(next, std::memory_order_release);
            arena_->reclaimLater(ring->block);
            off = next;
        }
    }
}

void ArenaWatcher::tick() {
    if (!arena_) return;
    pump();
    if (droppedSeen_ > droppedReported_) {
        const uint64_t n = droppedSeen_ - droppedReported_;
        droppedReported_ = droppedSeen_;
        sink_(ev::notice(now(), "ops-dropped",
                         std::to_string(n) +
                             " queue and lock operations were not shown: the run did them "
                             "faster than the engine could report them"));
    }
    arena_->notifyPending.store(0, std::memory_order_release);
}

void ArenaWatcher::onExit(int pid, int slot, bool afterExitEvent) {
    if (!arena_) return;
    deadSlot_ = slot;
    drain();
    deadSlot_ = -1;
    if (!afterExitEvent) return;
    if (slot >= 0 && static_cast<std::size_t>(slot) < shm::Arena::kMaxSlots) {
        shm::Inflight& f = arena_->inflight[slot];
        if (auto lost = shm::settleDead(*arena_, f, pid, true)) {
            // Its record, as the next taker of the queue's mutex would have logged it, goes
            // through the queue's replay: a get that took the item left no record of its own,
            // and the replay waits for one until told.
            shm::OpRecord cells[4] = {};
            shm::OpRecord& r = cells[0];
            r.stamp = shm::stampNow();
            r.object = lost->queue;
            r.pid = pid;
            r.op = static_cast<uint8_t>(shm::OpKind::QueueLost);
            r.flags = lost->duringPut ? shm::OpRecord::kLostPut : 0;
            r.a = static_cast<uint32_t>(lost->duringPut ? 0 : lost->headAfter);
            r.prefixLen = static_cast<uint8_t>(std::min<std::size_t>(
                {lost->prefix.size(), shm::OpRecord::kMaxPrefix, sizeof cells - sizeof r}));
            if (r.prefixLen == lost->itemLen) r.flags |= shm::OpRecord::kWhole;
            r.cells = static_cast<uint8_t>(1 + (r.prefixLen + 31) / 32);
            std::memcpy(r.prefix(), lost->prefix.data(), r.prefixLen);
            queueRecord(r, false);
        }
    }
    for (const shm::Offset off : locks_)
        shm::markDeadHolder(*arena_->at<shm::ShmLock>(off), pid);
    for (const shm::Offset off : queues_)
        shm::markDeadHolder(*arena_->at<shm::ShmQueue>(off), pid);
    emitQueueStates(false);
}

} // namespace forkscope::observer

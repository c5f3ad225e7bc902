#include "engine/shm/ShmQueue.h"

#include "engine/channel/Futex.h"
#include "engine/shm/ShortCopy.h"

#include <cstring>
#include <new>
#include <optional>

namespace forkscope::shm {

namespace {

Segment* segmentAt(Arena& a, Offset off) {
    return a.at<Segment>(off);
}

// The sequence counter the engine's reads check: odd while a get is under way.
void beginGet(ShmQueue& q) {
    q.getVersion.store(q.getVersion.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_release);
}
void endGet(ShmQueue& q) {
    q.getVersion.store(q.getVersion.load(std::memory_order_relaxed) + 1, std::memory_order_release);
}

// What the process is about to do, in its Inflight entry, for whoever sees it die: `stage`
// at `pos` of `q`, owning `block`, with the item's first bytes. The stage goes last: it is
// what makes the rest count.
void record(Inflight& f, const Arena& a, const ShmQueue& q, int32_t pid, Stage stage, uint64_t pos,
            Offset block, const char* item, uint32_t len) {
    f.pid = pid;
    f.queue = q.id;
    f.queueOffset = a.offsetOf(&q);
    f.pos = pos;
    f.block.store(block, std::memory_order_relaxed);
    f.itemLen = len;
    f.prefixLen = static_cast<uint8_t>(std::min<std::size_t>(len, sizeof f.prefix));
    copyShort(f.prefix, item, f.prefixLen);
    f.stage.store(static_cast<uint32_t>(stage), std::memory_order_release);
}

// The value of a pickled int that fits 32 bits, as FastPickle writes it (PROTO 4, BININT1,
// BININT2 or BININT, STOP), so that its record needs no cell for its bytes.
std::optional<int32_t> smallInt(const char* p, uint32_t len) {
    if (len < 5 || p[0] != '\x80' || p[1] != 4 || p[len - 1] != '.') return std::nullopt;
    const auto byte = [p](int i) {
        return static_cast<uint32_t>(static_cast<unsigned char>(p[i]));
    };
    switch (p[2]) {
    case 'K':
        if (len == 5) return static_cast<int32_t>(byte(3));
        break;
    case 'M':
        if (len == 6) return static_cast<int32_t>(byte(3) | byte(4) << 8);
        break;
    case 'J':
        if (len == 8)
            return static_cast<int32_t>(byte(3) | byte(4) << 8 | byte(5) << 16 | byte(6) << 24);
        break;
    }
    return std::nullopt;
}

// `have` bytes of the item are at `item`, of `len` in all. `position`: tail after a put, head
// after a get. `stamp`: taken after the operation committed, before its side's mutex is
// released (ShmQueue.h).
void logOp(const Actor& me, OpKind op, int32_t pid, const ShmQueue& q, uint64_t stamp,
           uint64_t position, const char* item, uint32_t have, uint32_t len, bool* notify, Arena& a,
           uint8_t flags = 0) {
    if (!me.ring) return;
    const std::optional<int32_t> number = have == len ? smallInt(item, len) : std::nullopt;
    const auto prefixLen =
        number ? uint8_t{0}
               : static_cast<uint8_t>(std::min<std::size_t>(have, OpRecord::kMaxPrefix));
    OpRecord* r = a.beginOp(me.ring, static_cast<uint8_t>(1 + (prefixLen + 31) / 32));
    if (!r) return;
    r->stamp = stamp;
    r->objSeq = 0;
    r->object = q.id;
    r->pid = pid;
    r->op = static_cast<uint8_t>(op);
    r->flags = static_cast<uint8_t>(flags | (number ? OpRecord::kInt : 0) |
                                    (number || prefixLen == len ? OpRecord::kWhole : 0));
    r->a = static_cast<uint32_t>(position);
    r->b = number ? static_cast<uint32_t>(*number) : 0;
    r->prefixLen = prefixLen;
    copyShort(r->prefix(), item, prefixLen);
    const bool halfway = me.ring->commit();
    if (a.shouldNotify() || halfway) *notify = true;
}

// A segment the getters have left behind: kept as the spare (the next one a put needs) or
// freed. The caller has already moved headSeg past it, and the putters have moved on.
void retire(Arena& a, ShmQueue& q, Offset seg) {
    Offset none = 0;
    if (!q.spareSeg.compare_exchange_strong(none, seg, std::memory_order_release,
                                            std::memory_order_relaxed))
        a.free(segmentAt(a, seg)->block);
}

// A fresh segment, line-aligned (Segment); 0 when the arena is full.
Offset newSegment(Arena& a) {
    Offset block = 0;
    const Offset seg = a.allocateLines(sizeof(Segment), &block);
    if (seg != 0) segmentAt(a, seg)->block = block;
    return seg;
}

// The segment that holds position `t`, linking a new one when the last is full. Idempotent,
// so that a put killed half-way through leaves something the next put simply continues.
Segment* segmentFor(Arena& a, ShmQueue& q, uint64_t t) {
    Segment* s = segmentAt(a, q.tailSeg.load(std::memory_order_relaxed));
    while (t >= s->base + Segment::kSlots) {
        Offset n = s->next;
        if (n == 0) {
            n = q.spareSeg.exchange(0, std::memory_order_acquire); // taken (a kill: leaked)
            if (n == 0) n = newSegment(a);
            if (n == 0) return nullptr;
            Segment* fresh = segmentAt(a, n);
            fresh->next = 0;
            fresh->base = s->base + Segment::kSlots;
            s->next = n; // linked
        }
        q.tailSeg.store(n, std::memory_order_release); // getters may retire s from now on
        s = segmentAt(a, n);
    }
    return s;
}

// The holder of one side's mutex died (`stage`: what it was doing): make the queue whole
// before anyone uses it.
void recover(Arena& a, ShmQueue& q, const Actor& me, Stage stage, bool* notify) {
    if (stage == Stage::Getting) {
        const uint32_t v = q.getVersion.load(std::memory_order_relaxed);
        if (v & 1) q.getVersion.store(v + 1, std::memory_order_release);
    }
    const Offset self = a.offsetOf(&q);
    for (auto& f : a.inflight) {
        if (f.stage.load(std::memory_order_acquire) != static_cast<uint32_t>(stage) ||
            f.queueOffset != self)
            continue;
        // Only the mutex's holder can be at this stage here: this is the dead one.
        if (auto lost = settleDead(a, f, f.pid, false)) {
            const uint64_t stamp = stampNow();
            const uint64_t position =
                lost->duringPut ? q.tail.load(std::memory_order_relaxed) : lost->headAfter;
            // Logged by us for the dead; the prefix is what it had recorded of the item.
            logOp(me, OpKind::QueueLost, lost->pid, q, stamp, position, lost->prefix.data(),
                  static_cast<uint32_t>(lost->prefix.size()), lost->itemLen, notify, a,
                  lost->duringPut ? OpRecord::kLostPut : 0);
        }
    }
}

// After a put (get) has committed: wakes the getters (putters) that sleep or are about to.
// The light fence pairs with the heavy one a sleeper puts between counting itself and its
// last look at the queue (engine/shm/Fence.h): either it sees our change, or we see it
// counted.
void wakeSleepers(std::atomic<uint32_t>& word, const std::atomic<uint32_t>& waiters) {
    lightFence();
    if (waiters.load(std::memory_order_relaxed) == 0) return;
    word.fetch_add(1, std::memory_order_seq_cst);
    channel::futexWakeAll(&word);
}

void lockSide(Arena& a, ShmQueue& q, ShmMutex& m, Stage stage, const Actor& me, bool* notify) {
    if (shm::lock(m, me.pid) == Took::FromDead) recover(a, q, me, stage, notify);
}

} // namespace

ShmQueue* createQueue(Arena& a, uint64_t maxsize) noexcept {
    Offset block = 0;
    const Offset qo = a.allocateLines(sizeof(ShmQueue), &block);
    const Offset so = qo ? newSegment(a) : 0;
    if (so == 0) {
        if (qo) a.free(block);
        return nullptr;
    }
    auto* q = new (a.at<ShmQueue>(qo)) ShmQueue();
    q->maxsize = maxsize;
    Segment* s = segmentAt(a, so);
    s->next = 0;
    s->base = 0;
    q->headSeg.store(so, std::memory_order_relaxed);
    q->tailSeg.store(so, std::memory_order_relaxed);
    q->id = a.newId(ObjectKind::Queue);
    if (!a.publish(ObjectKind::Queue, qo)) return nullptr; // the directory is full
    return q;
}

QueueResult tryPut(Arena& a, ShmQueue& q, const Actor& me, std::string_view pickled,
                   bool* notify) noexcept {
    const auto len = static_cast<uint32_t>(pickled.size());
    lockSide(a, q, q.putMutex, Stage::Putting, me, notify);
    const uint64_t t = q.tail.load(std::memory_order_relaxed);
    if (q.maxsize != 0 && t - q.knownHead >= q.maxsize) {
        q.knownHead = q.head.load(std::memory_order_acquire); // what the getters made room for
        if (t - q.knownHead >= q.maxsize) {
            shm::unlock(q.putMutex);
            return QueueResult::Full;
        }
    }
    Inflight* f = me.inflight;
    if (f) record(*f, a, q, me.pid, Stage::Putting, t, 0, pickled.data(), len);
    auto fail = [&] {
        if (f) f->stage.store(static_cast<uint32_t>(Stage::None), std::memory_order_release);
        shm::unlock(q.putMutex);
        return QueueResult::NoMemory;
    };
    Segment* s = segmentFor(a, q, t);
    if (!s) return fail();
    QueueSlot& slot = s->slots[t - s->base];
    if (QueueSlot::fitsInline(len)) {
        copyShort(slot.inl, pickled.data(), len);
    } else {
        const Offset b = a.allocate(len);
        if (b == 0) return fail();
        if (f) f->block.store(b, std::memory_order_release); // ours to free if we stop here
        std::memcpy(a.at<char>(b), pickled.data(), len);
        slot.block = b;
    }
    slot.len = len;
    q.tail.store(t + 1, std::memory_order_release); // commit: the item is in the queue
    const uint64_t stamp = stampNow();
    if (f) f->block.store(0, std::memory_order_relaxed);
    logOp(me, OpKind::QueuePut, me.pid, q, stamp, t + 1, pickled.data(), len, len, notify, a);
    if (f) f->stage.store(static_cast<uint32_t>(Stage::None), std::memory_order_release);
    shm::unlock(q.putMutex);
    wakeSleepers(q.putSeq, q.getWaiters);
    return QueueResult::Ok;
}

QueueResult tryGet(Arena& a, ShmQueue& q, const Actor& me, Reserve reserve, void* context,
                   bool* notify) noexcept {
    lockSide(a, q, q.getMutex, Stage::Getting, me, notify);
    const uint64_t h = q.head.load(std::memory_order_relaxed);
    if (h == q.knownTail) {
        q.knownTail = q.tail.load(std::memory_order_acquire); // what the putters have added
        if (h == q.knownTail) {
            shm::unlock(q.getMutex);
            return QueueResult::Empty;
        }
    }
    beginGet(q);
    Segment* s = segmentAt(a, q.headSeg.load(std::memory_order_relaxed));
    while (h >= s->base + Segment::kSlots) { // left behind by a get that was killed
        const Offset next = s->next;
        const Offset old = a.offsetOf(s);
        q.headSeg.store(next, std::memory_order_relaxed);
        if (q.tailSeg.load(std::memory_order_acquire) != old) retire(a, q, old);
        s = segmentAt(a, next);
    }
    QueueSlot& slot = s->slots[h - s->base];
    const uint32_t len = slot.len;
    const Offset b = QueueSlot::fitsInline(len) ? 0 : slot.block;
    const char* src = b ? a.at<char>(b) : slot.inl;
    Inflight* f = me.inflight;
    if (f) record(*f, a, q, me.pid, Stage::Getting, h, b, src, len);
    char* out = reserve(context, len);
    if (!out) {
        endGet(q);
        if (f) f->stage.store(static_cast<uint32_t>(Stage::None), std::memory_order_release);
        shm::unlock(q.getMutex);
        return QueueResult::NoMemory;
    }
    std::memcpy(out, src, len);
    q.head.store(h + 1, std::memory_order_release); // commit: the item has left the queue
    const uint64_t stamp = stampNow();
    if (b) {
        if (f)
            f->block.store(0,
                           std::memory_order_release); // then free: a kill leaks, never frees twice
        a.free(b);
    }
    // The putters have moved past a full segment once they linked the next one, unless one
    // was killed in between (then a later get retires it, above).
    if (h + 1 == s->base + Segment::kSlots && s->next != 0 &&
        q.tailSeg.load(std::memory_order_acquire) != a.offsetOf(s)) {
        const Offset old = a.offsetOf(s);
        q.headSeg.store(s->next, std::memory_order_relaxed);
        retire(a, q, old);
    }
    endGet(q);
    logOp(me, OpKind::QueueGet, me.pid, q, stamp, h + 1, out, len, len, notify, a);
    if (f) f->stage.store(static_cast<uint32_t>(Stage::Delivering), std::memory_order_release);
    shm::unlock(q.getMutex);
    wakeSleepers(q.getSeq, q.putWaiters);
    return QueueResult::Ok;
}

void delivered(const Actor& me) noexcept {
    if (me.inflight)
        me.inflight->stage.store(static_cast<uint32_t>(Stage::None), std::memory_order_release);
}

std::optional<QueueSnapshot> readQueue(const Arena& a, const ShmQueue& q, std::size_t maxItems,
                                       std::size_t prefixBytes) noexcept {
    try {
        for (int attempt = 0; attempt < 16; ++attempt) {
            const uint32_t v1 = q.getVersion.load(std::memory_order_acquire);
            if (v1 & 1) continue;
            QueueSnapshot snap;
            snap.capacity = q.maxsize;
            const uint64_t h = q.head.load(std::memory_order_relaxed);
            // Every slot below this tail was written before it, and no put writes there again.
            const uint64_t t = q.tail.load(std::memory_order_acquire);
            snap.head = h;
            snap.tail = t;
            bool ok = t >= h;
            snap.size = ok ? t - h : 0;
            Offset so = q.headSeg.load(std::memory_order_relaxed);
            int hops = 0;
            for (uint64_t p = h; ok && p < t && snap.items.size() < maxItems; ++p) {
                if (!a.holds(so, sizeof(Segment))) {
                    ok = false;
                    break;
                }
                const Segment* s = a.at<Segment>(so);
                while (ok && p >= s->base + Segment::kSlots) {
                    so = s->next;
                    ok = a.holds(so, sizeof(Segment)) && ++hops < 1024;
                    if (ok) s = a.at<Segment>(so);
                }
                if (!ok || p < s->base) {
                    ok = false;
                    break;
                }
                const QueueSlot& slot = s->slots[p - s->base];
                QueueSnapshot::Item item;
                item.len = slot.len;
                const std::size_t n = std::min<std::size_t>(slot.len, prefixBytes);
                if (QueueSlot::fitsInline(slot.len)) {
                    item.prefix.assign(slot.inl, n);
                } else if (a.holds(slot.block, n)) {
                    item.prefix.assign(a.at<char>(slot.block), n);
                } else {
                    ok = false;
                    break;
                }
                snap.items.push_back(std::move(item));
            }
            std::atomic_thread_fence(std::memory_order_acquire);
            if (ok && q.getVersion.load(std::memory_order_relaxed) == v1) return snap;
        }
    } catch (...) {
        // Out of memory in the engine: no snapshot this time.
    }
    return std::nullopt;
}

std::optional<Lost> settleDead(Arena& a, Inflight& f, int32_t pid, bool engine) noexcept {
    auto stage = static_cast<Stage>(f.stage.load(std::memory_order_acquire));
    if (f.pid != pid) return std::nullopt;
    Lost lost;
    lost.queue = f.queue;
    lost.pid = pid;
    lost.itemLen = f.itemLen;
    lost.headAfter = f.pos + 1;
    try {
        lost.prefix.assign(f.prefix, f.prefixLen);
    } catch (...) {
    }
    if (stage == Stage::Delivering) {
        uint32_t expected = static_cast<uint32_t>(Stage::Delivering);
        if (!f.stage.compare_exchange_strong(expected, static_cast<uint32_t>(Stage::None)))
            return std::nullopt;
        return lost; // it left the queue, and its getter died before it had it
    }
    if (stage != Stage::Putting && stage != Stage::Getting) return std::nullopt;
    if (!a.holds(f.queueOffset, sizeof(ShmQueue))) return std::nullopt;
    const auto& q = *a.at<ShmQueue>(f.queueOffset);
    // Read before claiming: whoever claims first reads the queue as the dead left it, since
    // nobody moves the dead's position before trying to claim (the next taker of its side's
    // mutex settles before anything else, and the other side moves only the other position).
    const bool committed = stage == Stage::Putting ? q.tail.load(std::memory_order_acquire) > f.pos
                                                   : q.head.load(std::memory_order_acquire) > f.pos;
    uint32_t expected = static_cast<uint32_t>(stage);
    if (!f.stage.compare_exchange_strong(expected, static_cast<uint32_t>(Stage::Resolving)))
        return std::nullopt;
    const bool isLost = stage == Stage::Putting ? !committed : committed;
    if (isLost) {
        if (const Offset b = f.block.exchange(0, std::memory_order_acq_rel)) {
            if (engine)
                a.reclaimLater(b);
            else
                a.free(b);
        }
    }
    lost.duringPut = stage == Stage::Putting;
    f.stage.store(static_cast<uint32_t>(Stage::None), std::memory_order_release);
    if (!isLost) return std::nullopt;
    return lost;
}

void markDeadHolder(ShmQueue& q, int32_t pid) noexcept {
    markDeadHolder(q.putMutex, pid);
    markDeadHolder(q.getMutex, pid);
}

} // namespace forkscope::shm

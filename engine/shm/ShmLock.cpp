#include "engine/shm/ShmLock.h"

#include "engine/channel/Futex.h"

#include <climits>
#include <linux/futex.h>
#include <new>
#include <sys/syscall.h>
#include <unistd.h>

namespace forkscope::shm {

namespace {
void wakeOne(std::atomic<uint32_t>* word) {
    syscall(SYS_futex, reinterpret_cast<uint32_t*>(word), FUTEX_WAKE, 1, nullptr, nullptr, 0);
}
} // namespace

ShmLock* createLock(Arena& a, bool recursive, bool robust) noexcept {
    const Offset off = a.allocate(sizeof(ShmLock));
    if (off == 0) return nullptr;
    auto* l = new (a.at<ShmLock>(off)) ShmLock();
    l->recursive = recursive ? 1 : 0;
    l->robust = robust ? 1 : 0;
    const ObjectKind kind = recursive ? ObjectKind::RLock : ObjectKind::Lock;
    l->id = a.newId(kind);
    if (!a.publish(kind, off)) return nullptr;
    return l;
}

Taken tryTake(ShmLock& l, int32_t pid, bool waited) noexcept {
    const uint32_t mine = static_cast<uint32_t>(pid) | (waited ? ShmLock::kWaiters : 0);
    uint32_t w = l.word.load(std::memory_order_relaxed);
    for (;;) {
        if (w == 0) {
            if (l.word.compare_exchange_weak(w, mine, std::memory_order_acquire,
                                             std::memory_order_relaxed))
                return {true, 0};
            continue;
        }
        if ((w & ShmLock::kDead) && l.robust) {
            // Whoever was waiting still is: keep the flag so that our release wakes them.
            const uint32_t take = mine | (w & ShmLock::kWaiters);
            if (l.word.compare_exchange_weak(w, take, std::memory_order_acquire,
                                             std::memory_order_relaxed))
                return {true, static_cast<int32_t>(w & ShmLock::kPidMask)};
            continue;
        }
        return {};
    }
}

uint32_t prepareWait(ShmLock& l) noexcept {
    uint32_t w = l.word.load(std::memory_order_relaxed);
    for (;;) {
        if (w == 0 || ((w & ShmLock::kDead) && l.robust)) return 0;
        if (w & ShmLock::kWaiters) return w;
        if (l.word.compare_exchange_weak(w, w | ShmLock::kWaiters, std::memory_order_relaxed))
            return w | ShmLock::kWaiters;
    }
}

Released release(ShmLock& l, int32_t pid, uint64_t thread, uint32_t* countAfter) noexcept {
    *countAfter = 0;
    if (l.recursive) {
        const uint32_t w = l.word.load(std::memory_order_relaxed);
        if ((w & ShmLock::kPidMask) != static_cast<uint32_t>(pid) ||
            l.ownerThread.load(std::memory_order_relaxed) != thread)
            return Released::NotOwner;
        const uint32_t c = l.count.load(std::memory_order_relaxed);
        if (c > 1) {
            l.count.store(c - 1, std::memory_order_relaxed);
            *countAfter = c - 1;
            return Released::Ok;
        }
    }
    l.count.store(0, std::memory_order_relaxed);
    l.ownerThread.store(0, std::memory_order_relaxed);
    uint32_t w = l.word.load(std::memory_order_relaxed);
    for (;;) {
        if ((w & ShmLock::kPidMask) == 0) return Released::NotHeld;
        if (l.word.compare_exchange_weak(w, 0, std::memory_order_release,
                                         std::memory_order_relaxed))
            break;
    }
    if (w & ShmLock::kWaiters) wakeOne(&l.word);
    return Released::Ok;
}

void logLock(Arena& a, const Actor& me, ShmLock& l, OpKind op, uint32_t holder, uint32_t extra,
             bool* notify) noexcept {
    // Acquires and releases are numbered by the holder, which alone may change the count
    // (handing the lock over orders the next holder's count after it): a plain increment
    // where an atomic one would cost more than the rest of an uncontended acquire. A wait,
    // by someone who does not hold the lock, is not numbered (0): its time orders it.
    uint32_t seq = 0;
    if (op != OpKind::LockWait) {
        seq = l.objSeq.load(std::memory_order_relaxed) + 1;
        l.objSeq.store(seq, std::memory_order_relaxed);
    }
    if (!me.ring) return;
    OpRecord* r = a.beginOp(me.ring, 1);
    if (!r) return;
    r->stamp = stampNow();
    r->objSeq = seq;
    r->object = l.id;
    r->pid = me.pid;
    r->op = static_cast<uint8_t>(op);
    r->flags = l.recursive ? OpRecord::kRLock : 0;
    r->a = holder;
    r->b = extra;
    r->prefixLen = 0;
    const bool halfway = me.ring->commit();
    if (a.shouldNotify() || halfway) *notify = true;
}

void markDeadHolder(ShmLock& l, int32_t pid) noexcept {
    uint32_t w = l.word.load(std::memory_order_acquire);
    while ((w & ShmLock::kPidMask) == static_cast<uint32_t>(pid) && !(w & ShmLock::kDead)) {
        if (l.word.compare_exchange_weak(w, w | ShmLock::kDead, std::memory_order_acq_rel)) {
            channel::futexWakeAll(&l.word);
            return;
        }
    }
}

} // namespace forkscope::shm

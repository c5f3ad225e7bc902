#include "engine/shm/ShmLock.h"

#include "engine/channel/Futex.h"

#include <climits>
#include <linux/futex.h>
#include <new>
#include <sys/syscall.h>
#include <unistd.h>

namespace forkscope::shm {

void wakeOneWaiter(std::atomic<uint32_t>& word) noexcept {
    syscall(SYS_futex, reinterpret_cast<uint32_t*>(&word), FUTEX_WAKE, 1, nullptr, nullptr, 0);
}

ShmLock* createLock(Arena& a, bool recursive, bool robust) noexcept {
    Offset block = 0; // locks live as long as the run: never freed
    const Offset off = a.allocateLines(sizeof(ShmLock), &block);
    if (off == 0) return nullptr;
    auto* l = new (a.at<ShmLock>(off)) ShmLock();
    l->recursive = recursive ? 1 : 0;
    l->robust = robust ? 1 : 0;
    const ObjectKind kind = recursive ? ObjectKind::RLock : ObjectKind::Lock;
    l->id = a.newId(kind);
    if (!a.publish(kind, off)) return nullptr;
    return l;
}

void startRun(Arena& a, const Actor& me, const ShmLock& l, bool acquire, uint32_t seq,
              bool* notify) noexcept {
    OpRecord* r = a.beginOp(me.ring, 1); // commits the open run
    if (!r) return;
    OpRing* ring = me.ring;
    ring->beginRunChange();
    r->stamp = stampFor(a, me);
    r->objSeq = seq;
    r->object = l.id;
    r->pid = me.pid;
    r->op = static_cast<uint8_t>(OpKind::LockRun);
    r->flags = acquire ? 0 : OpRecord::kRunFromRelease;
    r->a = 1;
    r->b = 0;
    r->prefixLen = 0;
    ring->runOpen = 1;
    ring->endRunChange();
    if (a.shouldNotify()) *notify = true;
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
    r->stamp = stampFor(a, me);
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
    markDeadInWord(l.word, pid);
}

} // namespace forkscope::shm

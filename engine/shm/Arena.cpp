#include "engine/shm/Arena.h"

#include <new>
#include <sys/mman.h>
#include <unistd.h>

namespace forkscope::shm {

namespace {

// Every block starts with this header; the caller's bytes follow it.
struct BlockHeader {
    uint32_t cls = 0;
    uint32_t state = 0; // kLive or kFree: a block freed twice is noticed, not corrupted
    Offset next = 0;    // the free list (or the reclaim list) while not in use
};
static_assert(sizeof(BlockHeader) == 16);
constexpr uint32_t kLive = 0x4c495645; // "LIVE"
constexpr uint32_t kFree = 0x46524545; // "FREE"
constexpr uint64_t kPage = 4096;
// Freed blocks this big give their pages back to the machine (a 10 MB item, gone from the
// queue, should not stay resident for the rest of the run).
constexpr uint64_t kReleaseBytes = 1 << 20;

// Four sizes per power of two, from 64 bytes: 64, 80, 96, 112, 128, 160...
uint64_t classSize(int c) {
    return static_cast<uint64_t>(4 + (c & 3)) << (c / 4 + 4);
}

int classOf(uint64_t n) {
    if (n <= 64) return 0;
    const int bits = 64 - __builtin_clzll(n - 1); // n <= 2^bits
    for (int c = std::max(0, 4 * bits - 27); c < Arena::kClasses; ++c) {
        if (classSize(c) >= n) return c;
    }
    return -1;
}

uint64_t roundUp(uint64_t v, uint64_t to) {
    return (v + to - 1) / to * to;
}

} // namespace

void Arena::releasePages(Offset block) noexcept {
    const uint64_t bytes = classSize(static_cast<int>(at<BlockHeader>(block)->cls));
    if (bytes < kReleaseBytes) return;
    const Offset from = roundUp(block + sizeof(BlockHeader), kPage),
                 to = (block + bytes) / kPage * kPage;
    if (to > from) madvise(base() + from, to - from, MADV_REMOVE);
}

void initRobustMutex(pthread_mutex_t* m) noexcept {
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
    pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST);
    pthread_mutex_init(m, &attr);
    pthread_mutexattr_destroy(&attr);
}

Arena* mapArena(uint64_t bytes) noexcept {
    const uint64_t header = roundUp(sizeof(Arena), kPage);
    bytes = roundUp(std::max<uint64_t>(bytes, header + (16u << 20)), kPage);
    // MAP_NORESERVE: the size is an upper bound, not a commitment; pages cost memory only once
    // a queue holds something there.
    void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                   MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) return nullptr;
    auto* a = new (p) Arena();
    a->size = bytes;
    a->dataStart = header;
    a->top.store(header, std::memory_order_relaxed);
    initRobustMutex(&a->allocMutex);
    return a;
}

void unmapArena(Arena* arena) noexcept {
    if (arena) munmap(arena, arena->size);
}

Offset Arena::allocate(uint64_t bytes) noexcept {
    const int c = classOf(bytes + sizeof(BlockHeader));
    if (c < 0) return 0;
    if (!lockRobust(&allocMutex, [] {})) return 0; // every change commits in one store
    // What the engine handed back (blocks of processes that died holding them).
    for (Offset r = reclaim.exchange(0, std::memory_order_acq_rel); r != 0;) {
        auto* h = at<BlockHeader>(r);
        const Offset next = h->next;
        if (h->state == kLive && h->cls < static_cast<uint32_t>(kClasses)) {
            releasePages(r);
            h->state = kFree;
            h->next = freeLists[h->cls];
            freeLists[h->cls] = r;
            bytesInUse.fetch_sub(classSize(static_cast<int>(h->cls)), std::memory_order_relaxed);
        }
        r = next;
    }
    Offset block = freeLists[c];
    if (block != 0) {
        freeLists[c] = at<BlockHeader>(block)->next; // commit: the block is ours
    } else {
        const Offset t = top.load(std::memory_order_relaxed);
        if (t + classSize(c) > size) {
            pthread_mutex_unlock(&allocMutex);
            return 0;
        }
        at<BlockHeader>(t)->cls = static_cast<uint32_t>(c);
        top.store(t + classSize(c), std::memory_order_relaxed); // commit
        block = t;
    }
    at<BlockHeader>(block)->state = kLive;
    pthread_mutex_unlock(&allocMutex);
    bytesInUse.fetch_add(classSize(c), std::memory_order_relaxed);
    return block + sizeof(BlockHeader);
}

void Arena::free(Offset payload) noexcept {
    if (payload < dataStart + sizeof(BlockHeader) || payload >= size) return;
    const Offset block = payload - sizeof(BlockHeader);
    auto* h = at<BlockHeader>(block);
    if (h->state != kLive || h->cls >= static_cast<uint32_t>(kClasses)) return;
    const uint64_t bytes = classSize(static_cast<int>(h->cls));
    releasePages(block); // before the block is on the free list, where others may take it
    if (!lockRobust(&allocMutex, [] {})) return;
    h->state = kFree;
    h->next = freeLists[h->cls];
    freeLists[h->cls] = block; // commit
    pthread_mutex_unlock(&allocMutex);
    bytesInUse.fetch_sub(bytes, std::memory_order_relaxed);
}

void Arena::reclaimLater(Offset payload) noexcept {
    if (payload < dataStart + sizeof(BlockHeader) || payload >= size) return;
    const Offset block = payload - sizeof(BlockHeader);
    auto* h = at<BlockHeader>(block);
    Offset head = reclaim.load(std::memory_order_acquire);
    do {
        h->next = head;
    } while (!reclaim.compare_exchange_weak(head, block, std::memory_order_acq_rel));
}

uint64_t Arena::capacityOf(Offset payload) const noexcept {
    const auto* h = at<BlockHeader>(payload - sizeof(BlockHeader));
    return classSize(static_cast<int>(h->cls)) - sizeof(BlockHeader);
}

uint32_t Arena::newId(ObjectKind kind) noexcept {
    auto& counter = kind == ObjectKind::Queue ? nextQueueId : nextLockId;
    return counter.fetch_add(1, std::memory_order_acq_rel) + 1;
}

bool Arena::publish(ObjectKind kind, Offset offset) noexcept {
    const uint32_t index = objectCount.fetch_add(1, std::memory_order_acq_rel);
    if (index >= kMaxObjects) return false;
    objects[index].offset = offset;
    objects[index].kind.store(static_cast<uint32_t>(kind), std::memory_order_release);
    return true;
}

namespace {
OpRing* makeRing(Arena& a, uint64_t capacity, int pid) {
    Offset block = 0;
    const Offset off = a.allocateLines(OpRing::bytesFor(capacity), &block);
    if (off == 0) return nullptr;
    auto* ring = new (a.at<OpRing>(off)) OpRing; // its cells stay as they are
    ring->block = block;
    ring->capacity = capacity;
    ring->pid = pid;
    return ring;
}
} // namespace

OpRing* Arena::ringFor(int slot, int pid) noexcept {
    if (slot < 0 || static_cast<std::size_t>(slot) >= kMaxSlots) return nullptr;
    Offset off = rings[slot].load(std::memory_order_acquire);
    if (off == 0) {
        OpRing* ring = makeRing(*this, OpRing::kFirstCells, pid);
        if (!ring) return nullptr;
        rings[slot].store(offsetOf(ring), std::memory_order_release);
        return ring;
    }
    // A slot's rings outlive its processes: the next one goes on where the last stopped.
    auto* ring = at<OpRing>(off);
    while (const Offset next = ring->nextRing.load(std::memory_order_acquire))
        ring = at<OpRing>(next);
    ring->pid = pid;
    return ring;
}

OpRecord* Arena::beginOp(OpRing*& ring, uint8_t n) noexcept {
    if (ring->runOpen) ring->closeRun();
    if (OpRecord* r = ring->begin(n)) return r;
    if (ring->capacity < OpRing::kMaxCells) {
        if (OpRing* bigger = makeRing(*this, ring->capacity * 2, ring->pid)) {
            // After the last record of the old ring: the engine reads that one to its end first.
            ring->nextRing.store(offsetOf(bigger), std::memory_order_release);
            ring = bigger;
            if (OpRecord* r = ring->begin(n)) return r;
        }
    }
    ring->dropped.fetch_add(1, std::memory_order_relaxed);
    return nullptr;
}

} // namespace forkscope::shm

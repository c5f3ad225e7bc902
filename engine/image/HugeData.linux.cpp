#include "engine/image/HugeData.h"

#include "engine/image/HugePages.h"

#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <sys/mman.h>
#include <unistd.h>
#include <utility>
#include <vector>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23 // Linux 5.14
#endif

namespace forkscope::image {
namespace {

// Smaller mappings are left where they are: a library's few pages of data cost fork little.
constexpr uintptr_t kSmallest = 128 << 10;
// Past this, the copy (a few milliseconds at the run's start) would cost more than it saves.
constexpr uintptr_t kLargest = 256 << 20;

struct Span {
    uintptr_t begin = 0, end = 0;
};

// Adjacent mappings joined, such as a program's data (a private mapping of its file) and its
// bss (anonymous).
struct Range {
    uintptr_t begin = 0, end = 0;
    // The parts that map a file: a page of them with no entry yet holds the file's contents,
    // which the kernel would read in at its first touch, not zeros.
    std::vector<Span> files;
};

// Whether a mapping's VmFlags (proc(5), /proc/pid/smaps) allow moving it: not the ones a fork
// leaves out or wipes (kept arenas, say), not hugetlbfs nor device memory.
bool movableFlags(const char* flags) {
    for (const char* f : {" dc", " wf", " ht", " io", " pf", " lo"})
        if (std::strstr(flags, f)) return false;
    return true;
}

// The private writable mappings worth moving, adjacent ones joined (the program's data and
// bss, say): /proc/self/smaps, for the VmFlags that /proc/self/maps does not show.
std::vector<Range> movableRanges() {
    std::vector<Range> ranges;
    std::FILE* f = std::fopen("/proc/self/smaps", "re");
    if (!f) return ranges;
    char line[512];
    Span current;
    bool candidate = false, file = false;
    while (std::fgets(line, sizeof line, f)) {
        unsigned long b = 0, e = 0, inode = 0;
        char perms[8] = {};
        int nameAt = 0;
        if (std::sscanf(line, "%lx-%lx %7s %*s %*s %lu %n", &b, &e, perms, &inode, &nameAt) >= 4 &&
            std::strchr(line, '-') < std::strchr(line, ' ')) {
            // A mapping's header. The stack is the one in use; [vvar] and the like are the
            // kernel's.
            const char* name = line + nameAt;
            candidate = std::strcmp(perms, "rw-p") == 0 && std::strncmp(name, "[stack", 6) != 0 &&
                        !(name[0] == '[' && std::strncmp(name, "[heap]", 6) != 0);
            current = {b, e};
            file = inode != 0;
            continue;
        }
        if (std::strncmp(line, "VmFlags:", 8) != 0 || !candidate) continue;
        candidate = false;
        if (!movableFlags(line + 8)) continue;
        if (ranges.empty() || ranges.back().end != current.begin)
            ranges.push_back({current.begin, current.begin, {}});
        ranges.back().end = current.end;
        if (file) ranges.back().files.push_back(current);
    }
    std::fclose(f);
    // Not the thread's control block either, wherever the loader put it: the kernel writes to
    // it on its own (rseq's cpu number), and such a write during the copy would be lost.
    const auto self = reinterpret_cast<uintptr_t>(pthread_self());
    std::vector<Range> worth;
    for (const Range& r : ranges)
        if (r.end - r.begin >= kSmallest && !(r.begin <= self && self < r.end)) worth.push_back(r);
    return worth;
}

bool oneThread() {
    DIR* d = opendir("/proc/self/task");
    if (!d) return false;
    int n = 0;
    while (dirent* e = readdir(d))
        if (e->d_name[0] != '.') ++n;
    closedir(d);
    return n == 1;
}

// Which pages of [r.begin, r.end) have a page-table entry now: proc(5), /proc/pid/pagemap, bit
// 63 (present) or 62 (swapped); the bits a process may read of itself without privileges.
// Empty if the file cannot be read.
std::vector<bool> pagesInUse(const Range& r) {
    const uintptr_t pages = (r.end - r.begin) / kPage;
    std::vector<uint64_t> entries(pages);
    const int fd = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return {};
    const auto bytes = static_cast<ssize_t>(pages * sizeof(uint64_t));
    const ssize_t got = pread(fd, entries.data(), static_cast<size_t>(bytes),
                              static_cast<off_t>(r.begin / kPage * 8));
    close(fd);
    if (got != bytes) return {};
    std::vector<bool> inUse(pages);
    for (uintptr_t i = 0; i < pages; ++i)
        inUse[i] = (entries[i] >> 62) != 0;
    return inUse;
}

// The huge pages fill every page of the range, and each filled page would be one more entry
// for every fork to copy and every child's exit to clear: the interpreter's sparse tables (its
// arena map: 640 KiB, nearly all zeros never touched), free pools, the heap's unused top. The
// anonymous pages that had no entry before the move get none after it, and read as zeros
// again; the rest stay on the huge pages. A file's page with no entry stays too: dropped, it
// would read as zeros, not as the initialised data it holds (a static table the interpreter
// had not used yet when it moved).
void dropPagesNotInUse(const Range& r, std::vector<bool> inUse) {
    for (const Span& file : r.files)
        for (uintptr_t a = file.begin; a < file.end; a += kPage)
            inUse[(a - r.begin) / kPage] = true;
    uintptr_t i = 0;
    while (i < inUse.size()) {
        if (inUse[i]) {
            ++i;
            continue;
        }
        const uintptr_t first = i;
        while (i < inUse.size() && !inUse[i])
            ++i;
        madvise(reinterpret_cast<void*>(r.begin + first * kPage), (i - first) * kPage,
                MADV_DONTNEED);
    }
}

// Moves [r.begin, r.end) onto huge pages. The copy is made at the same offset within 2 MiB
// as the original, so that whole 2 MiB pages inside the range stay mapped whole.
bool move(const Range& r) {
    const uintptr_t len = r.end - r.begin;
    const uintptr_t offset = r.begin & (kHugePage - 1);
    const uintptr_t span = alignUp(offset + len, kHugePage);
    const uintptr_t blocks = mapHugeAligned(span);
    if (blocks == 0) return false;
    auto* blocksPtr = reinterpret_cast<void*>(blocks);
    const uintptr_t stage = blocks + offset;
    auto unmap = [](uintptr_t b, uintptr_t e) {
        if (e > b) munmap(reinterpret_cast<void*>(b), e - b);
    };
    // Asked before the copy, which reads every page of the range and so gives each an entry.
    std::vector<bool> inUse = pagesInUse(r);
    // Huge pages first, checked, and only then the copy: between the copy and the move
    // nothing may write to the range, so that window holds no more than the two calls.
    if (madvise(blocksPtr, span, MADV_HUGEPAGE) != 0 ||
        madvise(blocksPtr, span, MADV_POPULATE_WRITE) != 0 ||
        madvise(blocksPtr, span, MADV_COLLAPSE) != 0) {
        unmap(blocks, blocks + span);
        return false;
    }
    std::memcpy(reinterpret_cast<void*>(stage), reinterpret_cast<const void*>(r.begin), len);
    if (mremap(reinterpret_cast<void*>(stage), len, len, MREMAP_MAYMOVE | MREMAP_FIXED,
               reinterpret_cast<void*>(r.begin)) == MAP_FAILED) {
        unmap(blocks, blocks + span);
        return false;
    }
    unmap(blocks, stage);
    unmap(stage + len, blocks + span);
    if (!inUse.empty()) dropPagesNotInUse(r, std::move(inUse));
    return true;
}

} // namespace

bool moveDataToHugePages() {
    if (switchedOff("FORKSCOPE_SMALL_DATA") || !hugePagesOffered() || !oneThread()) return false;
    const std::vector<Range> ranges = movableRanges();
    uintptr_t total = 0;
    for (const Range& r : ranges)
        total += r.end - r.begin;
    if (ranges.empty() || total > kLargest) return false;

    // A signal handler that wrote to the range while it is being copied would write to the
    // old pages, about to be dropped: CPython's handler marks the signal as pending there.
    sigset_t all, before;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &before);
    bool moved = false;
    for (const Range& r : ranges)
        moved = move(r) || moved;
    pthread_sigmask(SIG_SETMASK, &before, nullptr);
    return moved;
}

} // namespace forkscope::image

#include "engine/image/HugeText.h"

#include "engine/image/HugePages.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <link.h>
#include <sys/mman.h>
#include <vector>

namespace forkscope::image {
namespace {

struct Segment {
    uintptr_t begin = 0, end = 0; // pages, as the loader mapped them
    bool writable = false, executable = false;
};

// The program's own loaded segments (the first object dl_iterate_phdr reports is the program).
std::vector<Segment> programSegments() {
    std::vector<Segment> segments;
    dl_iterate_phdr(
        [](dl_phdr_info* info, std::size_t, void* out) {
            auto& segs = *static_cast<std::vector<Segment>*>(out);
            for (int i = 0; i < info->dlpi_phnum; ++i) {
                const ElfW(Phdr)& ph = info->dlpi_phdr[i];
                if (ph.p_type != PT_LOAD) continue;
                const uintptr_t start = info->dlpi_addr + ph.p_vaddr;
                segs.push_back({alignDown(start, kPage), alignUp(start + ph.p_memsz, kPage),
                                (ph.p_flags & PF_W) != 0, (ph.p_flags & PF_X) != 0});
            }
            return 1; // the program only
        },
        &segments);
    return segments;
}

// The huge pages to move: those that hold code and lie wholly in the read-only pages around it.
bool hugeRange(const std::vector<Segment>& segments, uintptr_t* begin, uintptr_t* end) {
    uintptr_t codeBegin = UINTPTR_MAX, codeEnd = 0;
    for (const Segment& s : segments) {
        if (!s.executable || s.writable) continue;
        codeBegin = std::min(codeBegin, s.begin);
        codeEnd = std::max(codeEnd, s.end);
    }
    if (codeBegin >= codeEnd) return false;
    // Grow [codeBegin, codeEnd) over the read-only segments that touch it.
    uintptr_t roBegin = codeBegin, roEnd = codeEnd;
    for (bool grew = true; grew;) {
        grew = false;
        for (const Segment& s : segments) {
            if (s.writable) continue;
            if (s.end == roBegin) roBegin = s.begin, grew = true;
            if (s.begin == roEnd) roEnd = s.end, grew = true;
        }
    }
    uintptr_t b = alignDown(codeBegin, kHugePage), e = alignUp(codeEnd, kHugePage);
    if (b < roBegin) b += kHugePage;
    if (e > roEnd) e -= kHugePage;
    if (b >= e) return false;
    *begin = b;
    *end = e;
    return true;
}

HugeTextResult fail(std::string* why, const char* call) {
    const int err = errno;
    if (why) *why = std::string(call) + ": " + std::strerror(err);
    return HugeTextResult::Failed;
}

} // namespace

HugeTextResult moveTextToHugePages(std::string* why) {
    if (switchedOff("FORKSCOPE_FILE_TEXT")) return HugeTextResult::Disabled;
    if (!hugePagesOffered()) return HugeTextResult::Unavailable;
    uintptr_t begin = 0, end = 0;
    if (!hugeRange(programSegments(), &begin, &end)) return HugeTextResult::NotAligned;
    const std::size_t len = end - begin;

    // A copy on aligned anonymous memory first, then moved over the original in one call: the
    // code running now (this function's included) reads the same bytes before and after.
    const uintptr_t stage = mapHugeAligned(len);
    if (stage == 0) return fail(why, "mmap");
    auto* stagePtr = reinterpret_cast<void*>(stage);
    madvise(stagePtr, len, MADV_HUGEPAGE);
    std::memcpy(stagePtr, reinterpret_cast<const void*>(begin), len);
    // Only worth it in huge pages: in small ones, fork would copy an entry per 4 KiB of code
    // into every child, and each child's exit drop them again. MADV_COLLAPSE says whether
    // the copy is in huge pages, making them if the first touch could not.
    if (madvise(stagePtr, len, MADV_COLLAPSE) != 0) {
        munmap(stagePtr, len);
        return HugeTextResult::Unavailable;
    }
    if (mprotect(stagePtr, len, PROT_READ | PROT_EXEC) != 0) {
        const HugeTextResult r = fail(why, "mprotect");
        munmap(stagePtr, len);
        return r;
    }
    if (mremap(stagePtr, len, len, MREMAP_MAYMOVE | MREMAP_FIXED, reinterpret_cast<void*>(begin)) ==
        MAP_FAILED) {
        const HugeTextResult r = fail(why, "mremap");
        munmap(stagePtr, len);
        return r;
    }
    return HugeTextResult::Moved;
}

} // namespace forkscope::image

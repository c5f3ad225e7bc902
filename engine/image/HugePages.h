#pragma once
// What both moves onto transparent huge pages share (HugeText.h, HugeData.h).

#include <cstdint>

#ifndef MADV_COLLAPSE
#define MADV_COLLAPSE 25 // Linux 6.1; older headers lack it, and older kernels refuse it
#endif

namespace forkscope::image {

constexpr uintptr_t kHugePage = uintptr_t{2} << 20;
constexpr uintptr_t kPage = 4096;

constexpr uintptr_t alignDown(uintptr_t x, uintptr_t to) {
    return x & ~(to - 1);
}
constexpr uintptr_t alignUp(uintptr_t x, uintptr_t to) {
    return alignDown(x + to - 1, to);
}

// Private anonymous memory of `len` bytes (a whole number of huge pages) that starts on a huge
// page's boundary, reserving nothing (MAP_NORESERVE): where a copy is made before it is moved
// over the original. 0 when mmap failed, errno saying why.
uintptr_t mapHugeAligned(uintptr_t len);

// Whether this kernel lets a program ask for transparent huge pages at all (madvise or always).
bool hugePagesOffered();

// Whether a move is not to be made: its variable is set in the environment (to anything but
// 0), or the build has AddressSanitizer, which checks every byte a copy reads and would report
// the moves' copies of whole pages as overflows of the objects on them.
bool switchedOff(const char* variable);

} // namespace forkscope::image

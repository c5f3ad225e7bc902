#include "engine/image/HugePages.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/mman.h>

namespace forkscope::image {

uintptr_t mapHugeAligned(uintptr_t len) {
    // A huge page more than asked for, then what lies outside the aligned part given back.
    void* raw = mmap(nullptr, len + kHugePage, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (raw == MAP_FAILED) return 0;
    const auto rawBegin = reinterpret_cast<uintptr_t>(raw);
    const uintptr_t aligned = alignUp(rawBegin, kHugePage);
    if (aligned > rawBegin) munmap(raw, aligned - rawBegin);
    munmap(reinterpret_cast<void*>(aligned + len), rawBegin + kHugePage - aligned);
    return aligned;
}

bool hugePagesOffered() {
    std::FILE* f = std::fopen("/sys/kernel/mm/transparent_hugepage/enabled", "re");
    if (!f) return false;
    char line[128] = {};
    const bool read = std::fgets(line, sizeof line, f) != nullptr;
    std::fclose(f);
    return read && std::strstr(line, "[never]") == nullptr;
}

bool switchedOff(const char* variable) {
#if defined(__SANITIZE_ADDRESS__)
    (void)variable;
    return true;
#else
    const char* value = std::getenv(variable);
    return value && *value && std::strcmp(value, "0") != 0;
#endif
}

} // namespace forkscope::image

#include "engine/image/HugePages.h"

#include <cstdio>
#include <cstring>

namespace forkscope::image {

bool hugePagesOffered() {
    std::FILE* f = std::fopen("/sys/kernel/mm/transparent_hugepage/enabled", "re");
    if (!f) return false;
    char line[128] = {};
    const bool read = std::fgets(line, sizeof line, f) != nullptr;
    std::fclose(f);
    return read && std::strstr(line, "[never]") == nullptr;
}

} // namespace forkscope::image

#include "engine/image/HugePages.h"

#include <cstdio>
#include <cstdlib>
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

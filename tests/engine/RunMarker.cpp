#include "tests/engine/RunMarker.h"

#include <cstdlib>
#include <dirent.h>
#include <fstream>
#include <iterator>
#include <unistd.h>

namespace forkscope::testing {

std::vector<pid_t> processesWithEnv(const std::string& assignment) {
    std::vector<pid_t> found;
    DIR* proc = opendir("/proc");
    if (!proc) return found;
    while (dirent* d = readdir(proc)) {
        char* end = nullptr;
        const long pid = std::strtol(d->d_name, &end, 10);
        if (*end != '\0' || pid <= 0 || pid == getpid()) continue;
        std::ifstream env("/proc/" + std::string(d->d_name) + "/environ", std::ios::binary);
        const std::string text((std::istreambuf_iterator<char>(env)),
                               std::istreambuf_iterator<char>());
        // Entries are NUL-separated; match a whole entry.
        std::size_t pos = 0;
        while ((pos = text.find(assignment, pos)) != std::string::npos) {
            const bool starts = pos == 0 || text[pos - 1] == '\0';
            const bool ends =
                pos + assignment.size() == text.size() || text[pos + assignment.size()] == '\0';
            if (starts && ends) {
                found.push_back(static_cast<pid_t>(pid));
                break;
            }
            pos += assignment.size();
        }
    }
    closedir(proc);
    return found;
}

} // namespace forkscope::testing

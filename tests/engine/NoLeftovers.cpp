// Run after every other test (a CTest cleanup fixture): no process that the test suite
// started, run processes included, may still exist. The test mains set FORKSCOPE_TEST_SUITE
// in their environment to this build's tag, which every process they start inherits.

#include "tests/engine/RunMarker.h"

#include <cstdio>
#include <fstream>
#include <string>
#include <unistd.h>

int main() {
    // A process that is exiting this very moment deserves a moment to finish.
    for (int attempt = 0; attempt < 50; ++attempt) {
        const auto left = forkscope::testing::processesWithEnv(
            std::string("FORKSCOPE_TEST_SUITE=") + FORKSCOPE_SUITE_TAG);
        if (left.empty()) {
            std::puts("no process of any run is left");
            return 0;
        }
        if (attempt == 49) {
            for (pid_t pid : left) {
                std::ifstream cmd("/proc/" + std::to_string(pid) + "/cmdline");
                std::string line;
                std::getline(cmd, line, '\0');
                std::printf("left behind: pid %d %s\n", pid, line.c_str());
            }
            return 1;
        }
        usleep(100000);
    }
    return 1;
}

// forkscope-bench: prints one line per figure (see bench/Figure.h). Not part of the tests:
// figures depend on the machine, so targets are read from the output, not asserted.
//   forkscope-bench            every figure
//   forkscope-bench NAME...    only the groups named (observer, zombie, pool, process, queue,
//                              lock)

#include "bench/EngineFigures.h"
#include "bench/PoolFigures.h"
#include "bench/QueueFigures.h"

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <utility>
#include <vector>

int main(int argc, char** argv) {
    // The process floor, in a fresh copy of this program (see processStartJoin).
    if (argc == 2 && std::string(argv[1]) == "--fork-floor") {
        std::printf("%.3f\n", forkscope::bench::bareForkUs());
        return 0;
    }
    // The benchmarked runs are tagged as the tests' are, with a tag of their own: strays can
    // be found (tests/engine/RunMarker.h), and a test suite running meanwhile does not count
    // them as its own.
    setenv("FORKSCOPE_TEST_SUITE", "forkscope-bench", 1);
    const std::vector<std::pair<std::string, std::function<void()>>> groups = {
        {"observer", forkscope::bench::observerCpu},
        {"zombie", forkscope::bench::zombieLatency},
        {"pool", forkscope::bench::poolApplyAsync},
        {"pool", forkscope::bench::poolMap},
        {"process", forkscope::bench::processStartJoin},
        {"queue", forkscope::bench::queueThroughput},
        {"lock", forkscope::bench::lockLatency},
    };
    for (const auto& [name, run] : groups) {
        bool wanted = argc < 2;
        for (int i = 1; i < argc; ++i)
            wanted = wanted || name == argv[i];
        if (wanted) run();
    }
    return 0;
}

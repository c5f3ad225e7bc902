#pragma once
// The entry point of the script's main process: everything Python happens behind it.

#include "engine/channel/SharedState.h"
#include "engine/shm/Arena.h"

#include <string>
#include <vector>

namespace forkscope::runtime {

struct Config {
    std::string script;            // as given: tracebacks show it so, as under python3
    std::vector<std::string> args; // sys.argv[1:]
    channel::SharedState* shared = nullptr;
    shm::Arena* arena = nullptr;
    int controlFd = -1;
};

// Runs in the main process (pid 2 of the run): starts CPython as /usr/bin/python3 would,
// with our multiprocessing and hooks in place, runs the script, and returns its exit code.
int runMain(const Config& config);

} // namespace forkscope::runtime

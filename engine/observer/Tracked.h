#pragma once
// What the observer knows of one process of the run, and what it last told the world.

#include "engine/proc/ProcDir.h"
#include "engine/proc/RunStateClassifier.h"

#include <cstdint>
#include <optional>
#include <string>
#include <sys/types.h>

namespace forkscope::observer {

struct Tracked {
    int pid = 0; // as the run sees it
    int ppid = 0;
    std::string name;
    std::string how = "fork";
    std::string comm;
    bool announced = false; // spawn sent
    bool hello = false;     // the process introduced itself (it runs our runtime)
    int64_t firstSeenNs = 0;

    int slot = -1;
    pid_t hostPid = 0;
    int pidfd = -1;
    proc::ProcDir dir;
    proc::SchedStat lastSched;
    bool haveSched = false;
    int samplesSinceStat = 0;
    bool forceStat = true;

    // Last reported.
    std::string state;
    std::string on;
    uint32_t onId = 0; // the queue or lock it waits on
    int line = 0;
    bool exited = false;
    bool gone = false;
    bool vanished = false; // gone from /proc before it was announced: see Observer::markGone
    std::optional<int> waitStatus; // once known

    // Working values of the current sample.
    proc::RunState runState = proc::RunState::Waiting;
    uint64_t runDelta = 0;
    char letter = '?';
};

} // namespace forkscope::observer

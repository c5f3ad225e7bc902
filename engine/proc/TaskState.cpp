#include "engine/proc/TaskState.h"

namespace forkscope::proc {

// The letters come from task_state_array in the kernel's fs/proc/array.c. Letters only older
// kernels print are mapped to the state a learner would recognise, so that a recording made on
// an old machine still reads right.
TaskState taskStateFromLetter(char letter) noexcept {
    switch (letter) {
    case 'R':
        return TaskState::Running;
    case 'W': // "waking" (3.9 to 3.13): already being put on a run queue
        return TaskState::Running;
    case 'S':
        return TaskState::Sleeping;
    case 'D':
        return TaskState::DiskSleep;
    case 'K': // "wakekill" (3.9 to 3.13): only printed for a killable D sleep
        return TaskState::DiskSleep;
    case 'T':
        return TaskState::Stopped;
    case 't':
        return TaskState::TracingStop;
    case 'Z':
        return TaskState::Zombie;
    case 'X':
    case 'x': // "dead" spelled in lower case by 3.9 to 3.13
        return TaskState::Dead;
    case 'I':
        return TaskState::Idle;
    case 'P':
        return TaskState::Parked;
    default:
        return TaskState::Unknown;
    }
}

const char* toString(TaskState state) noexcept {
    switch (state) {
    case TaskState::Running:
        return "running";
    case TaskState::Sleeping:
        return "sleeping";
    case TaskState::DiskSleep:
        return "disk-sleep";
    case TaskState::Stopped:
        return "stopped";
    case TaskState::TracingStop:
        return "tracing-stop";
    case TaskState::Zombie:
        return "zombie";
    case TaskState::Dead:
        return "dead";
    case TaskState::Idle:
        return "idle";
    case TaskState::Parked:
        return "parked";
    case TaskState::Unknown:
        break;
    }
    return "unknown";
}

} // namespace forkscope::proc

#include "engine/proc/TaskState.h"

#include <catch2/catch.hpp>
#include <cstring>
#include <set>
#include <string>

using forkscope::proc::TaskState;
using forkscope::proc::taskStateFromLetter;
using forkscope::proc::toString;

TEST_CASE("taskStateFromLetter maps every letter the kernel prints", "[proc]") {
    // Current kernels (fs/proc/array.c task_state_array).
    CHECK(taskStateFromLetter('R') == TaskState::Running);
    CHECK(taskStateFromLetter('S') == TaskState::Sleeping);
    CHECK(taskStateFromLetter('D') == TaskState::DiskSleep);
    CHECK(taskStateFromLetter('T') == TaskState::Stopped);
    CHECK(taskStateFromLetter('t') == TaskState::TracingStop);
    CHECK(taskStateFromLetter('Z') == TaskState::Zombie);
    CHECK(taskStateFromLetter('X') == TaskState::Dead);
    CHECK(taskStateFromLetter('I') == TaskState::Idle);
    CHECK(taskStateFromLetter('P') == TaskState::Parked);
    // Letters only 3.9 to 3.13 printed.
    CHECK(taskStateFromLetter('x') == TaskState::Dead);
    CHECK(taskStateFromLetter('K') == TaskState::DiskSleep);
    CHECK(taskStateFromLetter('W') == TaskState::Running);
}

TEST_CASE("taskStateFromLetter refuses letters it does not know", "[proc]") {
    for (const char c : std::string("rsdzAQ ?\0\n", 10))
        CHECK(taskStateFromLetter(c) == TaskState::Unknown);
}

TEST_CASE("toString(TaskState) names every state distinctly", "[proc]") {
    std::set<std::string> names;
    for (const TaskState s :
         {TaskState::Running, TaskState::Sleeping, TaskState::DiskSleep, TaskState::Stopped,
          TaskState::TracingStop, TaskState::Zombie, TaskState::Dead, TaskState::Idle,
          TaskState::Parked, TaskState::Unknown})
        names.insert(toString(s));
    CHECK(names.size() == 10);
    CHECK(std::strcmp(toString(TaskState::Zombie), "zombie") == 0);
}

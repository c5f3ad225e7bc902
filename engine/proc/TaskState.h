#pragma once

namespace forkscope::proc {

// The kernel's scheduler state of a task, as /proc/PID/stat field (3) and the State: line of
// /proc/PID/status print it: one letter per state.
enum class TaskState {
    Running,   // R: on a CPU *or* on a run queue waiting for one; the letter cannot tell them apart
    Sleeping,  // S: interruptible sleep (sleep(), wait(), read() on an empty pipe...)
    DiskSleep, // D: uninterruptible sleep, usually I/O
    Stopped,   // T: SIGSTOP, SIGTSTP...
    TracingStop, // t: stopped by a tracer (ptrace)
    Zombie,      // Z: exited, not yet reaped by its parent
    Dead,        // X: being reaped right now; seen only for an instant
    Idle,        // I: an idle kernel thread (Linux 4.14+)
    Parked,      // P: a parked kernel thread (CPU hotplug)
    Unknown,     // a letter this code does not know (a future kernel)
};

TaskState taskStateFromLetter(char letter) noexcept;
const char* toString(TaskState state) noexcept;

} // namespace forkscope::proc

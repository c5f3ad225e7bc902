#pragma once
// multiprocessing.Process, rebuilt on fork() and waitpid() in C++, behaving as CPython 3.11's
// BaseProcess + Popen (the 'fork' start method) do wherever a learner can see it.

#include "engine/runtime/PyUtil.h"

#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace forkscope::runtime {

struct Process {
    enum class Kind { Child, Main, Parent };
    Kind kind = Kind::Child;

    py::object target = py::none();
    py::object args = py::tuple();
    py::object kwargs = py::dict();
    std::optional<std::string> name; // unset: type(self).__name__ + '-' + identity, on demand
    std::vector<int> identity;       // (1,) for Process-1, (1, 2) for Process-1:2
    bool daemon = false;
    std::optional<pid_t> parentPid; // the process that made this object
    std::string parentName;

    pid_t pid = 0;                 // 0 until started
    int pidfd = -1;                // lets join(timeout) sleep until the child exits
    std::optional<int> returncode; // as os.waitstatus_to_exitcode: -N for signal N
    bool closed = false;

    Process() = default;
    Process(const Process&) = delete;
    Process& operator=(const Process&) = delete;
    ~Process();
};

// Registers BaseProcess, Process, _MainProcess and _ParentProcess in `m`.
void bindProcessTypes(py::module_& m);

// Module-level state of multiprocessing in this process (CPython keeps it in globals of
// multiprocessing.process): who we are, our parent, our started children.
py::object currentProcess();
py::object parentProcess();
py::list activeChildren();
// util._exit_function: at exit, terminate daemonic children, then join every child.
void exitFunction();

// multiprocessing.context.ForkProcess, the class of the processes a Pool or a Manager starts
// (their default context's Process), so that active_children() names it as CPython does.
py::object forkProcessClass();

// `prefix` + "-" + the process's identity ("ForkPoolWorker-3", "SyncManager-1:2"): the name
// CPython gives the processes a Pool or a Manager starts.
std::string identityName(const std::string& prefix, py::handle process);

} // namespace forkscope::runtime

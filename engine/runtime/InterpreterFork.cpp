#include "engine/runtime/InterpreterFork.h"

#include "engine/runtime/InterpreterHooks.h"

#include <Python.h>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace forkscope::runtime {

namespace {

std::atomic<int> g_helperThreads{0};

// Whether no lock of the interpreter can be held by anyone but the caller at a fork.
bool aloneInInterpreter() {
    if (g_helperThreads.load(std::memory_order_acquire) != 0) return false;
    PyInterpreterState* interp = PyInterpreterState_Head();
    if (PyInterpreterState_Next(interp) != nullptr) return false; // subinterpreters
    PyThreadState* first = PyInterpreterState_ThreadHead(interp);
    if (first == nullptr || PyThreadState_Next(first) != nullptr) return false;
    return forkscope_interpreter_fork_hooks() == 0;
}

pid_t fullFork() {
    PyOS_BeforeFork();
    const pid_t pid = fork();
    if (pid == 0) {
        PyOS_AfterFork_Child();
        return 0;
    }
    const int err = errno;
    PyOS_AfterFork_Parent();
    if (pid < 0) {
        errno = err;
        PyErr_SetFromErrno(PyExc_OSError);
    }
    return pid;
}

// Called once the handlers already due have run (forkInterpreter): signals are blocked, so
// that none can become due between here and the fork, and the check is repeated for one that
// came in between (its handler runs with signals blocked).
pid_t leanFork() {
    sigset_t all, before;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &before);
    if (PyErr_CheckSignals() != 0) {
        pthread_sigmask(SIG_SETMASK, &before, nullptr);
        return -1;
    }
    const pid_t pid = fork();
    const int err = errno;
    if (pid == 0) PyThreadState_Get()->native_thread_id = PyThread_get_thread_native_id();
    pthread_sigmask(SIG_SETMASK, &before, nullptr); // the parent's pending ones arrive here
    if (pid < 0) {
        errno = err;
        PyErr_SetFromErrno(PyExc_OSError);
    }
    return pid;
}

} // namespace

pid_t forkInterpreter() {
    // Handlers already due run now, in the parent only, as CPython's child drops them (and
    // before the question below, which one of them could change by starting a thread).
    if (PyErr_CheckSignals() != 0) return -1;
    return aloneInInterpreter() ? leanFork() : fullFork();
}

void helperThreadStarted() {
    g_helperThreads.fetch_add(1, std::memory_order_release);
}

void helperThreadEnded() {
    g_helperThreads.fetch_sub(1, std::memory_order_release);
}

} // namespace forkscope::runtime

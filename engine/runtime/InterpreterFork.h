#pragma once
// fork() for a process that runs the interpreter, used by Process.start() and os.fork.
//
// CPython's protocol around a fork (PyOS_BeforeFork, PyOS_AfterFork_Parent/_Child) holds the
// import lock across the fork and, in the child, recreates the GIL, the thread-state key and
// the runtime's locks, deletes the other threads' states and runs the at-fork hooks: all of
// it for locks another thread may have held at the moment of the fork. Every lock it
// recreates is a write to a page the child shares with its parent, which the child must then
// copy: twelve of the 38 pages a Process child copied, about a sixteenth of a start+join.
// With one thread, one interpreter and no hook registered, nothing can be held: the child
// only takes its own thread id, and signal handlers the parent owes run before the fork
// (CPython's child forgets them instead), with signals blocked across it.

#include <sys/types.h>

namespace forkscope::runtime {

// The child's pid in the parent, 0 in the child; -1 with a Python exception set when the fork
// failed or a signal handler run before it raised.
pid_t forkInterpreter();

// Threads of ours that may take the interpreter's locks without a thread state of their own
// yet (a Pool's result handler): while any lives, forks take CPython's whole protocol.
void helperThreadStarted();
void helperThreadEnded();

} // namespace forkscope::runtime

# Forks with and without what CPython's fork protocol is for (engine/runtime/InterpreterFork.h):
# the engine takes a shorter way when the process has one thread and no at-fork hook, and the
# longer one otherwise. Both must print what python3 prints.
import _thread
import multiprocessing as mp
import os
import signal
import time


def child_says(what):
    print("child:", what, flush=True)


def signalled(signum, frame):
    print("handler ran in the", "parent" if os.getpid() == main_pid else "child", flush=True)


def child_signals_itself():
    os.kill(os.getpid(), signal.SIGUSR1)
    print("child: after its signal", flush=True)


def fork_both_ways(what):
    p = mp.Process(target=child_says, args=(what,))
    p.start()
    p.join()
    print("Process child exit code", p.exitcode, flush=True)
    pid = os.fork()
    if pid == 0:
        child_says(what + ", os.fork")
        os._exit(3)
    _, status = os.waitpid(pid, 0)
    print("os.fork child exit code", os.waitstatus_to_exitcode(status), flush=True)


if __name__ == "__main__":
    main_pid = os.getpid()
    signal.signal(signal.SIGUSR1, signalled)

    # One thread, no hook. Signals reach the parent and the child after the fork.
    fork_both_ways("one thread, no hook")
    os.kill(os.getpid(), signal.SIGUSR1)
    p = mp.Process(target=child_signals_itself)
    p.start()
    p.join()

    # A second thread, still without threading or a hook.
    done = _thread.allocate_lock()
    done.acquire()
    _thread.start_new_thread(done.acquire, ())
    time.sleep(0.1)
    fork_both_ways("another thread waiting")
    done.release()
    time.sleep(0.1)

    # Hooks, run where CPython runs them. The parent's waits for the child's lines.
    os.register_at_fork(
        before=lambda: print("hook: before the fork", flush=True),
        after_in_parent=lambda: (time.sleep(0.3), print("hook: after, in the parent", flush=True)),
        after_in_child=lambda: print("hook: after, in the child", flush=True),
    )
    fork_both_ways("with hooks")

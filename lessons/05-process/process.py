# Lesson: multiprocessing.Process (scenario S04).
# A Process object describes a process to be: start() creates it, join() waits for it.
# args and kwargs reach the target function in the child; pid, is_alive() and exitcode tell
# the parent how the child is doing. Unnamed processes are called Process-1, Process-2, ...
import os
import time
from multiprocessing import Process, current_process


def greet(who, times=1, mark="."):
    time.sleep(0.5)  # the parent's lines come first
    me = current_process().name
    for _ in range(times):
        print(f"  {me} (pid={os.getpid()}, ppid={os.getppid()}): hello, {who}{mark}")


if __name__ == "__main__":
    print(f"main: I am {current_process().name}, pid={os.getpid()}")
    p = Process(target=greet, args=("Ada",), kwargs={"times": 2, "mark": "!"})
    print(f"main: created {p.name}: pid={p.pid}, alive={p.is_alive()}, exitcode={p.exitcode}")
    p.start()
    print(f"main: started it: has a pid: {p.pid is not None}, alive={p.is_alive()}")
    p.join()  # wait until the child has ended
    print(f"main: joined it: alive={p.is_alive()}, exitcode={p.exitcode}")

    q = Process(target=greet, args=("Grace",), name="greeter")
    q.start()
    q.join()
    print(f"main: {q.name} ended with exitcode={q.exitcode}")

    r = Process(target=greet)  # no argument for `who`: the call fails in the child
    r.start()
    r.join()
    print(f"main: {r.name} failed: exitcode={r.exitcode}")

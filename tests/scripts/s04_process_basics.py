# S04 - multiprocessing.Process basics.
# A Process object is created (name Process-N, no pid yet), start() makes the child (now it
# has a pid and is alive), join() waits for it (exitcode 0). args and kwargs reach the target;
# a name may be given; a target that raises ends its process with exitcode 1 (the traceback
# goes to stderr). Watch the numbering: a named process still uses up a number.
import os
import time
from multiprocessing import Process, current_process, parent_process


def greet(greeting, who, punctuation="."):
    time.sleep(0.3)  # let the parent's lines after start() come first
    me = current_process()
    print(f"  child {me.name}: pid={os.getpid()} ppid={os.getppid()}; "
          f"parent_process() is {parent_process().name}")
    print(f"  child {me.name}: {greeting}, {who}{punctuation}")


def fail():
    time.sleep(0.3)
    raise ValueError("this target fails")


if __name__ == "__main__":
    print(f"main: I am {current_process().name}, pid={os.getpid()}, "
          f"parent_process() is {parent_process()}")

    p = Process(target=greet, args=("Hello",), kwargs={"who": "world", "punctuation": "!"})
    print(f"main: created {p.name}: pid={p.pid} alive={p.is_alive()} exitcode={p.exitcode}")
    p.start()
    print(f"main: started {p.name}: pid={p.pid} alive={p.is_alive()} exitcode={p.exitcode}")
    p.join(0.1)  # a timeout: returns after 0.1 s although the child is still running
    print(f"main: join(0.1) returned; alive={p.is_alive()} exitcode={p.exitcode}")
    p.join()
    print(f"main: join() returned; alive={p.is_alive()} exitcode={p.exitcode}")

    q = Process(target=greet, args=("Good evening", "everyone"), name="greeter")
    q.start()
    q.join()
    print(f"main: {q.name} ended with exitcode={q.exitcode}")

    r = Process(target=fail)
    r.start()
    r.join()
    print(f"main: {r.name} raised an exception: exitcode={r.exitcode}")

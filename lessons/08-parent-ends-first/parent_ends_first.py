# Lesson: the parent's code ends first (scenario S07).
# The main program reaches its last line while its child is still working. The parent
# process does not exit there, is not a zombie, and the child is not orphaned: at exit,
# multiprocessing joins every child that is not a daemon, so the parent sleeps in join()
# until the child ends, reaps it, and only then exits.
import os
import time
from multiprocessing import Process, parent_process


def state_of(pid):
    """The state letter the kernel shows for pid, or 'gone' if there is no such process."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            stat = f.read()
    except FileNotFoundError:
        return "gone"
    return stat[stat.rindex(")") + 2]


def work():
    print(f"  child pid={os.getpid()}: working for 1.5s")
    time.sleep(1.5)
    parent = parent_process()  # the process that started me
    print(f"  child: my parent pid={parent.pid} is in state {state_of(parent.pid)}, "
          f"my ppid={os.getppid()}")
    print(f"  child: parent_process().is_alive() = {parent.is_alive()}")
    print("  child: done")


if __name__ == "__main__":
    p = Process(target=work)  # daemon=False, the default
    p.start()
    time.sleep(0.5)
    print(f"main: started {p.name} (daemon={p.daemon}) and did not join it")
    print("main: this is the last line of my code")

# S07 - the parent's code ends before the child's.
# The main program's last line runs while a non-daemon child is still working, yet the child
# is not killed, not orphaned and does not become a zombie: at interpreter exit,
# multiprocessing joins every non-daemon child, so the parent process stays alive (sleeping
# in a wait) until the child ends, and only then exits and reaps it. Watch the child's ppid
# and its view of the parent after the parent's last line.
import os
import time
from multiprocessing import Process, parent_process


def state_of(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            stat = f.read()
    except FileNotFoundError:
        return "gone"
    return stat[stat.rindex(")") + 2]


def work():
    print(f"  child pid={os.getpid()}: working for 1.0s")
    time.sleep(1.0)
    parent = os.getppid()
    print(f"  child pid={os.getpid()}: the parent's code has ended, but my ppid={parent} "
          f"still, not 1")
    print(f"  child: parent_process().is_alive() = {parent_process().is_alive()}; "
          f"the parent's state is {state_of(parent)} (sleeping: waiting for me), not Z")
    print("  child: finishing now; the parent can exit after me")


if __name__ == "__main__":
    p = Process(target=work)  # daemon=False, the default
    p.start()
    time.sleep(0.3)
    print(f"main pid={os.getpid()}: started {p.name} (daemon={p.daemon}); "
          f"this is the last line of my code")

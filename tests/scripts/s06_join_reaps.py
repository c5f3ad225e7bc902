# S06 - join() reaps; so does start().
# A finished child stays a zombie (state Z in /proc/<pid>/stat) until its parent collects it.
# join() collects it. Starting a new Process also collects every finished child first, which
# is why forgetting join() does not pile up zombies. Watch the state letters, and
# active_children() shrinking.
import os
import time
from multiprocessing import Process, active_children


def state_of(pid):
    """The state letter from /proc/<pid>/stat, or 'gone' once the pid no longer exists."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            stat = f.read()
    except FileNotFoundError:
        return "gone"
    return stat[stat.rindex(")") + 2]


def quick():
    print(f"  child pid={os.getpid()}: done at once")


def quiet():
    time.sleep(0.2)


def slow():
    time.sleep(0.5)


if __name__ == "__main__":
    p = Process(target=quick)
    p.start()
    time.sleep(0.3)
    # Read /proc only: is_alive() or active_children() would reap the child.
    print(f"main: {p.name} child pid={p.pid} finished, not joined: state {state_of(p.pid)}")
    p.join()
    print(f"main: after join(): exitcode={p.exitcode}, state {state_of(p.pid)}")

    first = [Process(target=quiet) for _ in range(3)]
    for c in first:
        c.start()  # each start() would reap finished children: none has finished yet
    time.sleep(0.5)
    for c in first:
        print(f"main: {c.name} child pid={c.pid}: state {state_of(c.pid)}")

    last = Process(target=slow)
    last.start()  # reaps the three finished children before starting the new one
    print(f"main: started {last.name}, none of the others joined")
    for c in first:
        print(f"main: {c.name} child pid={c.pid}: state {state_of(c.pid)}, exitcode={c.exitcode}")
    print(f"main: active_children() = {sorted(c.name for c in active_children())}")
    last.join()
    print(f"main: after joining {last.name}: active_children() = {active_children()}")

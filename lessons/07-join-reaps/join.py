# Lesson: join() reaps, and so does start() (scenario S06).
# A child that has finished stays a zombie (state Z) until its parent collects it. join()
# collects it. start() of a new Process first collects every child that has finished,
# so a program that forgets join() does not pile up zombies.
import time
from multiprocessing import Process, active_children


def state_of(pid):
    """The state letter the kernel shows for pid, or 'gone' if there is no such process."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            stat = f.read()
    except FileNotFoundError:
        return "gone"
    return stat[stat.rindex(")") + 2]


def job():
    time.sleep(0.2)


if __name__ == "__main__":
    a = Process(target=job)
    a.start()
    time.sleep(0.8)  # a has finished by now; only /proc is read, nothing is collected
    print(f"main: {a.name} has finished, state {state_of(a.pid)}")
    a.join()
    print(f"main: after join(): exitcode={a.exitcode}, state {state_of(a.pid)}")

    batch = [Process(target=job) for _ in range(3)]
    for b in batch:
        b.start()
    time.sleep(0.8)
    print("main: three more have finished, none joined:",
          ", ".join(f"{b.name} {state_of(b.pid)}" for b in batch))
    last = Process(target=job)
    last.start()  # collects the finished children first
    print(f"main: after starting {last.name}:",
          ", ".join(f"{b.name} {state_of(b.pid)}" for b in batch))
    print(f"main: active_children() = {[c.name for c in active_children()]}")
    last.join()

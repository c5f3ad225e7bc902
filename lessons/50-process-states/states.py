# Lesson: ready, running, waiting (scenario S25).
# The lesson runs on one CPU (cores = 1). Three processes want to compute at the same time,
# but only one can be on the CPU: the others are ready, waiting for their turn. A fourth
# process sleeps: it does not want the CPU at all, it is waiting.
import os
import time
from multiprocessing import Process


def compute():
    total = 0
    for i in range(15_000_000):  # pure computation: always wants the CPU
        total += i % 7
    return total


def nap():
    time.sleep(1.0)  # asleep: waiting, not ready


if __name__ == "__main__":
    busy = [Process(target=compute, name=f"busy-{n}") for n in (1, 2, 3)]
    sleeper = Process(target=nap, name="sleeper")
    started = time.monotonic()
    for p in busy + [sleeper]:
        p.start()
    for p in busy:
        p.join()
    elapsed = time.monotonic() - started
    used = os.times()  # includes the CPU time of every child reaped so far
    cpu = used.children_user + used.children_system
    print(f"main: the three computations are done after {elapsed:.2f}s")
    print(f"main: together they used {cpu:.2f}s of CPU time")
    sleeper.join()
    print(f"main: the sleeper took {time.monotonic() - started:.2f}s and almost no CPU")

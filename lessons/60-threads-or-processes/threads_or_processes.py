# Lesson: threads or processes? (scenario S26)
# In CPython, a thread may run Python code only while it holds the GIL (the global
# interpreter lock), and a process has one GIL. So threads that compute take turns on one
# CPU, while processes, each with its own interpreter and GIL, compute on several CPUs at
# once. Threads that wait (for a disk, the network, or here a sleep) do not need the GIL
# while they wait, so for such work threads are enough.
import os
import threading
import time
from multiprocessing import Process


def crunch():
    # Pure computation: CPython adds up the numbers in C, holding the GIL all the while.
    return sum(range(40_000_000))


def wait_for_io():
    time.sleep(0.5)  # stands for waiting on a disk or the network


def children_cpu():
    t = os.times()
    return t.children_user + t.children_system


if __name__ == "__main__":
    start = time.monotonic()
    crunch()
    print(f"one computation alone: {time.monotonic() - start:.2f}s")

    threads = [threading.Thread(target=crunch) for _ in range(2)]
    start, cpu = time.monotonic(), time.process_time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall, cpu = time.monotonic() - start, time.process_time() - cpu
    print(f"two threads: {wall:.2f}s of wall time, {cpu:.2f}s of CPU time")
    print(f"two threads used more than one CPU at once: {cpu > 1.25 * wall}")

    procs = [Process(target=crunch) for _ in range(2)]
    start, cpu = time.monotonic(), children_cpu()
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    wall, cpu = time.monotonic() - start, children_cpu() - cpu
    print(f"two processes: {wall:.2f}s of wall time, {cpu:.2f}s of CPU time")

    waiters = [threading.Thread(target=wait_for_io) for _ in range(4)]
    start = time.monotonic()
    for t in waiters:
        t.start()
    for t in waiters:
        t.join()
    wall = time.monotonic() - start
    print(f"four threads waiting 0.5s each: all done after {wall:.2f}s")
    print(f"the four waits overlapped: {wall < 1.0}")

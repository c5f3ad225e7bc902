# Lesson: initializer, initargs and maxtasksperchild (scenario S13).
# The initializer runs once in every new worker; with maxtasksperchild=1 each worker retires
# after one task and the pool forks a new one in its place.
import multiprocessing as mp
import os
import time

prefix = None  # the initializer sets it, in each worker


def setup(text):
    global prefix
    prefix = f"{text} ({mp.current_process().name})"


def job(n):
    time.sleep(0.3)
    return n, os.getpid(), prefix


if __name__ == "__main__":
    with mp.Pool(2, initializer=setup, initargs=("ready",), maxtasksperchild=1) as pool:
        done = pool.map(job, range(4), chunksize=1)
    print("tasks:", [n for n, _, _ in done])
    print("every task saw its worker's prefix:", all(p.startswith("ready (ForkPoolWorker-") for _, _, p in done))
    print(f"the four tasks ran in {len({pid for _, pid, _ in done})} different processes")
    print("in the main process, prefix is still", prefix)

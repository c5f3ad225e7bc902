# S12: Pool(5) with 10 tasks. Pool() forks its five workers at once; the ten tasks wait in a
# first-in first-out queue, and never more than five run at the same time. After close() and
# join() the workers are gone. Watch the five ForkPoolWorker processes and the task queue.
import multiprocessing as mp
import os
import time


def task(i):
    started = time.monotonic()
    time.sleep(0.3)
    return i, os.getpid(), started


if __name__ == "__main__":
    pool = mp.Pool(5)
    print("workers:", sorted(p.name for p in mp.active_children()))
    results = [pool.apply_async(task, (i,)) for i in range(10)]
    pool.close()
    pool.join()
    done = [r.get() for r in results]
    print("results in submission order:", [i for i, _, _ in done])
    print("distinct worker processes:", len({w for _, w, _ in done}))
    first_wave = sorted(i for i, _, _ in sorted(done, key=lambda d: d[2])[:5])
    print("the first five tasks to start:", first_wave)
    print("children after join():", mp.active_children())

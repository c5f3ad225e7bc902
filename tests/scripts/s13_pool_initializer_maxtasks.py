# S13: Pool(initializer, initargs, maxtasksperchild). The initializer runs once in each worker
# as it starts; with maxtasksperchild=1 a worker retires after one task and the pool starts a
# new one in its place. Watch workers being replaced in the process tree.
import multiprocessing as mp
import os

greeting = None


def init(text):
    global greeting
    greeting = text + " from " + mp.current_process().name


def task(i):
    return i, os.getpid(), greeting, mp.current_process().name


if __name__ == "__main__":
    with mp.Pool(2, initializer=init, initargs=("hello",), maxtasksperchild=1) as pool:
        done = pool.map(task, range(4), chunksize=1)
    print("tasks:", [i for i, _, _, _ in done])
    print("distinct processes:", len({pid for _, pid, _, _ in done}))
    print("each task saw its own worker's greeting:", all(g == "hello from " + n for _, _, g, n in done))
    names = {n for _, _, _, n in done}
    # Which replacement takes which task is a race, in CPython too; how many is not.
    print("distinct workers that ran a task:", len(names), all(n.startswith("ForkPoolWorker-") for n in names))

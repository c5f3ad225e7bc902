import multiprocessing as mp
import os


def task(i):
    return os.getpid()


if __name__ == "__main__":
    with mp.Pool(2, maxtasksperchild=1) as pool:
        print(len(set(pool.map(task, range(4), chunksize=1))))

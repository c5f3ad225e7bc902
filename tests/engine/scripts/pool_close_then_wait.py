import multiprocessing as mp
import time


def task(i):
    time.sleep(0.2)
    return i


if __name__ == "__main__":
    pool = mp.Pool(5)
    results = [pool.apply_async(task, (i,)) for i in range(10)]
    pool.close()
    time.sleep(1.0)  # the workers have finished and exited: zombies until join()
    pool.join()
    print([r.get() for r in results])

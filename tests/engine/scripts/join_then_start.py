import multiprocessing as mp
import time


def nap():
    time.sleep(0.05)


if __name__ == "__main__":
    # Each join() reaps a child; the next start() comes at once. The reaped child's pidfd
    # number is free again just when the new child's pidfd is opened.
    for i in range(10):
        p = mp.Process(target=nap)
        p.start()
        p.join()

import multiprocessing as mp
import os
import time


def child():
    if os.fork() == 0:
        time.sleep(0.6)
        print("grandchild ppid", os.getppid())
        os._exit(0)
    time.sleep(10)


if __name__ == "__main__":
    p = mp.Process(target=child)
    p.start()
    time.sleep(0.3)
    p.terminate()
    p.join()
    print("exitcode", p.exitcode)

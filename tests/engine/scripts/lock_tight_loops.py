# Two processes take and release one lock in tight loops, then one holds it through a nap.
import time
from multiprocessing import Lock, Process

PAIRS = 20000


def churn(lock):
    acquire, release = lock.acquire, lock.release
    for _ in range(PAIRS):
        acquire()
        release()


if __name__ == "__main__":
    lock = Lock()
    p = Process(target=churn, args=(lock,))
    p.start()
    churn(lock)
    p.join()
    with lock:
        time.sleep(0.5)
        print("still holding", flush=True)
    print("done")

# S24 - a lock held too long, and two locks taken in opposite orders.
# Three workers each do 0.3s of work. When each holds the lock for the whole of its work, they
# take turns: 0.9s in all, as if there were one worker. Holding it only for the short shared
# step lets the work overlap. Then a deadlock: A takes lock 1 and wants lock 2, B takes lock 2
# and wants lock 1, and each waits for the other for ever - unless one gives up. Here A waits
# at most 1s, reports the deadlock, lets go of lock 1, and B can finish.
import time
from multiprocessing import Lock, Process


def worker(lock, hold_during_work):
    if hold_during_work:
        with lock:
            time.sleep(0.3)  # the work, done holding the lock
    else:
        time.sleep(0.3)  # the work
        with lock:
            pass  # only the shared step needs the lock


def timed(hold_during_work):
    lock = Lock()
    workers = [Process(target=worker, args=(lock, hold_during_work)) for _ in range(3)]
    start = time.monotonic()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return time.monotonic() - start


def a(first, second):
    with first:
        time.sleep(0.2)
        if not second.acquire(timeout=1.0):
            print("  A: holding lock 1, waited 1.0s for lock 2 (held by B, who waits for lock 1): "
                  "deadlock; A gives up")
            return
        second.release()


def b(first, second):
    with second:
        time.sleep(0.2)
        with first:
            print("  B: got lock 1 once A let go of it")


if __name__ == "__main__":
    serial = timed(hold_during_work=True)
    print(f"lock held during the work: {serial:.1f}s, serialised: {serial > 0.85}")
    overlap = timed(hold_during_work=False)
    print(f"lock held only around the shared step: {overlap:.1f}s, overlapped: {overlap < 0.6}")

    lock1, lock2 = Lock(), Lock()
    pa = Process(target=a, args=(lock1, lock2))
    pb = Process(target=b, args=(lock1, lock2))
    pa.start()
    pb.start()
    pa.join()
    pb.join()
    print(f"both ended: A exitcode={pa.exitcode}, B exitcode={pb.exitcode}")

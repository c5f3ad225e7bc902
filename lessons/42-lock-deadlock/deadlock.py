# Lesson: two locks taken in opposite orders (scenario S24).
import time
from multiprocessing import Lock, Process


def one_then_two(lock1, lock2, me):
    with lock1:
        time.sleep(0.3)  # long enough for the other to take its first lock
        begin = time.monotonic()
        if not lock2.acquire(timeout=1.5):
            print(f"  {me}: acquire(lock 2, timeout=1.5) returned False after {time.monotonic() - begin:.1f}s")
            print(f"  {me}: I give up and let go of lock 1")
            return
        print(f"  {me}: got both locks")
        lock2.release()


def two_then_one(lock1, lock2, me):
    with lock2:
        time.sleep(0.3)
        with lock1:  # no timeout: waits as long as it takes
            print(f"  {me}: got both locks")


def pair(first, second):
    lock1, lock2 = Lock(), Lock()
    procs = [Process(target=target, args=(lock1, lock2, name), name=name) for target, name in (first, second)]
    for p in procs:
        p.start()
        time.sleep(0.05)  # the first one starts first
    for p in procs:
        p.join()


if __name__ == "__main__":
    print("A takes lock 1 then lock 2, B takes lock 2 then lock 1:")
    pair((one_then_two, "A"), (two_then_one, "B"))
    print("C and D both take lock 1 then lock 2:")
    pair((one_then_two, "C"), (one_then_two, "D"))

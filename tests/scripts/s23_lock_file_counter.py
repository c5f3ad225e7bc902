# S23 - a Lock around a read-modify-write of a counter kept in a file.
# Each of four processes adds 1 to the counter ten times: read the file, pause, write the
# number plus one. With a Lock held around the three steps, no two processes interleave them
# and the total is always 40. Without it, two processes can read the same number and both
# write it plus one: an update is lost (how many depends on timing, so only the bound is
# printed). While one process holds the lock, the others wait on it.
import os
import tempfile
import time
from multiprocessing import Lock, Process


def add_ten(path, lock):
    for _ in range(10):
        if lock:
            lock.acquire()
        with open(path) as f:
            n = int(f.read())
        time.sleep(0.005)  # a slow step between reading and writing
        # Written aside, then renamed over the counter: a reader never sees a half-written file.
        with open(f"{path}.{os.getpid()}", "w") as f:
            f.write(str(n + 1))
        os.replace(f"{path}.{os.getpid()}", path)
        if lock:
            lock.release()


def run(path, lock):
    with open(path, "w") as f:
        f.write("0")
    workers = [Process(target=add_ten, args=(path, lock)) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    with open(path) as f:
        return int(f.read())


def try_while_held(lock):
    print(f"  child pid={os.getpid()}: acquire(timeout=0.2) -> {lock.acquire(timeout=0.2)}; "
          f"{lock!r}")
    print(f"  child pid={os.getpid()}: acquire() -> {lock.acquire()} once the parent let go; "
          f"{lock!r}")
    lock.release()


if __name__ == "__main__":
    path = os.path.join(tempfile.mkdtemp(), "counter.txt")
    lock = Lock()
    print(f"a new lock: {lock!r}")
    print(f"with the lock: counter = {run(path, lock)} (expected 40)")
    print(f"without it: counter <= 40: {run(path, None) <= 40}")

    lock.acquire()
    print(f"the parent holds it: {lock!r}")
    child = Process(target=try_while_held, args=(lock,))
    child.start()
    time.sleep(0.5)
    lock.release()
    child.join()
    print(f"after the child: {lock!r}")
    try:
        lock.release()
    except ValueError as e:
        print(f"release() of a free lock: ValueError: {e}")
    os.remove(path)
    os.rmdir(os.path.dirname(path))

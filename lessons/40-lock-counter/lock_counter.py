# Lesson: a Lock around a read-modify-write of a counter in a file (scenario S23).
import contextlib
import os
import tempfile
import time
from multiprocessing import Lock, Process


def add_one(path, guard):
    with guard:
        with open(path) as f:
            n = int(f.read())
        time.sleep(0.3)  # a slow step between reading and writing
        with open(path, "w") as f:
            f.write(str(n + 1))


def four_adders(path, guard, name):
    with open(path, "w") as f:
        f.write("0")
    adders = [Process(target=add_one, args=(path, guard), name=f"{name}-{i}") for i in (1, 2, 3, 4)]
    for p in adders:
        p.start()
    for p in adders:
        p.join()
    with open(path) as f:
        return int(f.read())


if __name__ == "__main__":
    path = os.path.join(tempfile.mkdtemp(), "counter.txt")
    begin = time.monotonic()
    print("without a lock, the counter ends at", four_adders(path, contextlib.nullcontext(), "free"))
    print(f"  in {time.monotonic() - begin:.1f}s")
    time.sleep(0.5)  # a gap between the two runs on the timeline
    begin = time.monotonic()
    print("with a lock, the counter ends at", four_adders(path, Lock(), "locked"))
    print(f"  in {time.monotonic() - begin:.1f}s")
    os.remove(path)
    os.rmdir(os.path.dirname(path))

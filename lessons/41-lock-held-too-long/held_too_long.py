# Lesson: a lock held longer than needed (scenario S24).
import os
import tempfile
import time
from multiprocessing import Lock, Process


def note(path):  # the shared step: one line appended to a shared file
    with open(path, "a") as f:
        f.write(f"{os.getpid()}\n")


def greedy(lock, path):
    with lock:
        time.sleep(0.4)  # the work, done holding the lock
        note(path)


def brief(lock, path):
    time.sleep(0.4)  # the work, with no lock
    with lock:
        note(path)


def three(kind, path):
    lock = Lock()
    workers = [Process(target=kind, args=(lock, path), name=f"{kind.__name__}-{i}") for i in (1, 2, 3)]
    begin = time.monotonic()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return round((time.monotonic() - begin) / 0.4)


if __name__ == "__main__":
    path = os.path.join(tempfile.mkdtemp(), "notes.txt")
    print(f"greedy: the lock held during the work: {three(greedy, path)} work lengths")
    time.sleep(0.5)  # a gap between the two runs on the timeline
    print(f"brief: the lock held for the shared step only: {three(brief, path)} work length")
    with open(path) as f:
        print("lines in the shared file:", len(f.readlines()))
    os.remove(path)
    os.rmdir(os.path.dirname(path))

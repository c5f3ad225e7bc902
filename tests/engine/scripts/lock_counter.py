# Ten locked read-modify-write increments of a file counter by each of four processes.
import os
import sys
import tempfile
import time
from multiprocessing import Lock, Process


def add_ten(lock, path):
    for _ in range(10):
        with lock:
            with open(path) as f:
                n = int(f.read())
            time.sleep(0.002)
            with open(path, "w") as f:
                f.write(str(n + 1))


path = os.path.join(tempfile.mkdtemp(), "counter")
with open(path, "w") as f:
    f.write("0")
lock = Lock()
workers = [Process(target=add_ten, args=(lock, path)) for _ in range(4)]
for w in workers:
    w.start()
for w in workers:
    w.join()
with open(path) as f:
    print("counter", f.read())
os.remove(path)
os.rmdir(os.path.dirname(path))

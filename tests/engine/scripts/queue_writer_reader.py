import os
import time
from multiprocessing import Process, Queue


def writer(q):
    for word in ("alpha", "beta", "gamma"):
        q.put(word)
        time.sleep(0.05)
    q.put(None)


def reader(q):
    while (word := q.get()) is not None:
        print(f"reader {os.getpid()} got {word}", flush=True)


q = Queue()
w = Process(target=writer, args=(q,))
r = Process(target=reader, args=(q,))
r.start()
w.start()
w.join()
r.join()
print(f"writer {w.pid} reader {r.pid}")

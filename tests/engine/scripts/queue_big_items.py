# A 10 MB object among many small ones, through a queue between two processes.
import hashlib
from multiprocessing import Process, Queue

BIG = bytes(range(256)) * (10 * 1024 * 1024 // 256)


def producer(q):
    for i in range(500):
        q.put(i)
    q.put(BIG)
    for i in range(500, 1000):
        q.put(("small", i))


q = Queue()
p = Process(target=producer, args=(q,))
p.start()
small = [q.get() for _ in range(500)]
big = q.get()
rest = [q.get() for _ in range(500)]
p.join()
assert small == list(range(500))
assert rest == [("small", i) for i in range(500, 1000)]
print("big", len(big), hashlib.sha256(big).hexdigest() == hashlib.sha256(BIG).hexdigest())
print("qsize", q.qsize(), "empty", q.empty())

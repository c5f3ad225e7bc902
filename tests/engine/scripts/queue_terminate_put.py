# A child puts in a loop and is terminated wherever it happens to be: the queue keeps only
# whole items and goes on working.
import queue
import time
from multiprocessing import Process, Queue

SIZE = 200_000


def putter(q):
    i = 0
    while True:
        q.put((i, bytes([i % 256]) * SIZE))
        i += 1


q = Queue(50)
for round_ in range(3):
    p = Process(target=putter, args=(q,))
    p.start()
    time.sleep(0.2)
    p.terminate()
    p.join()
    expected = 0
    while True:
        try:
            i, data = q.get(timeout=0.1)
        except queue.Empty:
            break
        assert i == expected, (i, expected)
        assert data == bytes([i % 256]) * SIZE, i
        expected += 1
    print(f"round {round_}: exitcode {p.exitcode}, {expected} whole items, none partial")
q.put("still usable")
print(q.get())

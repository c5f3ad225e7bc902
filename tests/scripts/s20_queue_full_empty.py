# S20 - Queue(3): a bounded queue between processes.
# A queue made with a maximum size holds at most that many items: qsize() counts them, full()
# says there is no room left. put_nowait() on a full queue raises queue.Full at once; put()
# with a timeout waits that long for room, then raises queue.Full; a plain put() waits as long
# as it takes, here until a child takes an item out. On the other side, get_nowait() on an
# empty queue raises queue.Empty at once and get(timeout=...) waits, then raises it.
# Watch the putter waiting on queue-put, and the queue's contents after every operation.
import os
import queue
import time
from multiprocessing import Process, Queue


def take_one_later(q):
    time.sleep(1.0)
    print(f"  child pid={os.getpid()}: took {q.get()!r} out after 1.0s")


if __name__ == "__main__":
    q = Queue(3)
    print(f"Queue(3): qsize={q.qsize()} full={q.full()}")
    for item in ("apple", "pear", "plum"):
        q.put(item)
        print(f"put {item!r}: qsize={q.qsize()} full={q.full()}")

    try:
        q.put_nowait("fig")
    except queue.Full:
        print("put_nowait('fig'): queue.Full at once")
    start = time.monotonic()
    try:
        q.put("fig", timeout=0.5)
    except queue.Full:
        print(f"put('fig', timeout=0.5): queue.Full after {time.monotonic() - start:.1f}s")

    child = Process(target=take_one_later, args=(q,))
    child.start()
    start = time.monotonic()
    q.put("fig")  # no room: waits for the child to take one
    waited = time.monotonic() - start
    child.join()
    print(f"put('fig') waited {waited:.1f}s for room; qsize={q.qsize()}")

    for _ in range(3):
        print(f"get() -> {q.get()!r}")
    try:
        q.get_nowait()
    except queue.Empty:
        print("get_nowait(): queue.Empty at once")
    start = time.monotonic()
    try:
        q.get(timeout=0.3)
    except queue.Empty:
        print(f"get(timeout=0.3): queue.Empty after {time.monotonic() - start:.1f}s")
    print(f"in the end: qsize={q.qsize()} full={q.full()}")

# Lesson: Queue(3), a queue with room for three items (scenario S20).
import queue
import time
from multiprocessing import Process, Queue


def make_room(q):
    time.sleep(1.0)
    print(f"  child: took {q.get()!r} out")


if __name__ == "__main__":
    q = Queue(3)
    for fruit in ("apple", "pear", "plum"):
        q.put(fruit)
        print(f"put({fruit!r}): qsize() = {q.qsize()}, full() = {q.full()}")

    try:
        q.put_nowait("fig")
    except queue.Full:
        print("put_nowait('fig'): queue.Full at once")
    begin = time.monotonic()
    try:
        q.put("fig", timeout=0.5)
    except queue.Full:
        print(f"put('fig', timeout=0.5): queue.Full after {time.monotonic() - begin:.1f}s")

    helper = Process(target=make_room, args=(q,))
    helper.start()
    begin = time.monotonic()
    q.put("fig")  # no timeout
    waited = time.monotonic() - begin
    helper.join()
    print(f"put('fig') blocked until the child took an item out: {waited > 0.8}")

    print("get() x3:", [q.get() for _ in range(3)])
    try:
        q.get_nowait()
    except queue.Empty:
        print("get_nowait(): queue.Empty at once")
    begin = time.monotonic()
    try:
        q.get(timeout=0.3)
    except queue.Empty:
        print(f"get(timeout=0.3): queue.Empty after {time.monotonic() - begin:.1f}s")

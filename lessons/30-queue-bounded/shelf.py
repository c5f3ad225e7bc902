# Lesson: Queue(3), a shelf with room for three loaves (scenario S20).
import queue
import time
from multiprocessing import Process, Queue


def baker(shelf):
    for n in range(1, 6):
        shelf.put(f"loaf {n}")  # waits while the shelf is full


def attempt(what, action):
    begin = time.monotonic()
    try:
        action()
    except (queue.Full, queue.Empty) as error:
        print(f"{what}: queue.{type(error).__name__} after {time.monotonic() - begin:.1f}s")


if __name__ == "__main__":
    shelf = Queue(3)
    b = Process(target=baker, args=(shelf,), name="baker")
    b.start()
    time.sleep(0.5)
    print(f"after 0.5s: qsize() = {shelf.qsize()}, full() = {shelf.full()}")
    attempt("put_nowait('bun')", lambda: shelf.put_nowait("bun"))
    attempt("put('bun', timeout=0.3)", lambda: shelf.put("bun", timeout=0.3))

    for _ in range(5):
        loaf = shelf.get()
        time.sleep(0.3)  # the customer's pace; the baker may put a loaf meanwhile
        print(f"took {loaf!r}, now qsize() = {shelf.qsize()}")
    b.join()

    attempt("get_nowait()", shelf.get_nowait)
    attempt("get(timeout=0.3)", lambda: shelf.get(timeout=0.3))

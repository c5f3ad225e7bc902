# Lesson: a writer and a reader sharing one Queue (scenario S21).
import time
from multiprocessing import Process, Queue


def writer(q):
    for word in ("one", "two", "three"):
        time.sleep(0.4)
        print(f"  writer: put {word!r}")
        q.put(word)
    q.put(None)  # the end: nothing more will come


def reader(q):
    while True:
        word = q.get()  # waits for the next item
        if word is None:
            break
        print(f"  reader: got {word!r}")
    print("  reader: None means the end")


def hasty_reader(q):
    got = []
    while not q.empty():
        got.append(q.get())
    print(f"  hasty reader: the queue is empty, I stop after {len(got)} words")


if __name__ == "__main__":
    q = Queue()  # made before the children, so both inherit it
    w = Process(target=writer, args=(q,), name="writer")
    r = Process(target=reader, args=(q,), name="reader")
    r.start()
    w.start()
    w.join()
    r.join()
    print(f"main: writer exitcode={w.exitcode}, reader exitcode={r.exitcode}")

    q = Queue()
    h = Process(target=hasty_reader, args=(q,), name="hasty")
    h.start()
    time.sleep(0.4)
    for word in ("one", "two", "three"):
        q.put(word)
    h.join()
    print(f"main: {q.qsize()} words were never read")

# S21 - a writer process and a reader process sharing one Queue.
# The writer puts words in the queue, one every 0.2s; the reader takes them out as they come,
# waiting (blocked on queue-get) in between. A last None tells the reader there is no more.
# The queue is made before the two processes and inherited by both: that is how a queue is
# shared. Watch the reader waiting on queue-get, and each word going in and out.
import os
import time
from multiprocessing import Process, Queue


def writer(q, words):
    for word in words:
        print(f"  writer pid={os.getpid()}: put {word!r}")
        q.put(word)
        time.sleep(0.2)
    q.put(None)


def reader(q):
    while True:
        word = q.get()
        if word is None:
            break
        print(f"  reader pid={os.getpid()}: got {word!r}")
    print(f"  reader pid={os.getpid()}: no more words")


if __name__ == "__main__":
    q = Queue()
    w = Process(target=writer, args=(q, ["one", "two", "three"]))
    r = Process(target=reader, args=(q,))
    r.start()
    w.start()
    w.join()
    r.join()
    print(f"writer exitcode={w.exitcode}, reader exitcode={r.exitcode}, qsize={q.qsize()}")

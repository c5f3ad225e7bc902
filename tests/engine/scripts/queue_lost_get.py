# The getter dies while it unpickles the item it took: the item has left the queue and
# nobody has it. The engine says so.
import os
import signal
import time
from multiprocessing import Process, Queue


class Slow:
    def __init__(self):
        self.payload = "slow to unpickle"

    def __setstate__(self, state):
        print("unpickling", flush=True)
        time.sleep(5)


def getter(q):
    q.get()


q = Queue()
q.put(Slow())
p = Process(target=getter, args=(q,))
p.start()
time.sleep(0.5)
os.kill(p.pid, signal.SIGKILL)
p.join()
print("qsize", q.qsize())
q.put("after")
print(q.get())

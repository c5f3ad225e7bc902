# Every operation is followed by the script's own view of the queue, then a pause long enough
# for the engine to report the queue's contents before the next operation.
import time
from multiprocessing import Process, Queue

q = Queue(5)
model = []


def show():
    print("STATE", repr(model), flush=True)
    time.sleep(0.06)


def put(x):
    q.put(x)
    model.append(x)
    show()


def get():
    x = q.get()
    assert x == model.pop(0), x
    show()


def child(q):
    q.put(("from the child", 7))


put(1)
put("two")
put((3, 3.5))
get()
put({"k": [None, True]})
put(b"bytes\n")
get()
get()
p = Process(target=child, args=(q,))
p.start()
p.join()
model.append(("from the child", 7))
show()
get()
get()
get()

# Manager().Queue() against CPython's managed queue.Queue: each line must read the same.
import multiprocessing
import pickle
import queue
import time
from multiprocessing import Manager, Process, Queue


def attempt(what, call):
    try:
        print(what, "->", call())
    except Exception as e:
        print(what, "raised", type(e).__name__, e)


def child_puts(q):
    q.put("from a child")


def pass_along(outer):
    inner = outer.get()
    inner.put("through another queue")


if __name__ == "__main__":
    m = Manager()
    print(m.__class__.__module__, type(m).__name__)
    print([p.name for p in multiprocessing.active_children()])
    q = m.Queue()
    print(type(q).__module__, type(q).__name__, repr(q).split(" at ")[0])
    attempt("qsize empty full", lambda: (q.qsize(), q.empty(), q.full()))
    q.put(1)
    q.put("two", True, None)
    q.put_nowait([3])
    attempt("qsize after 3 puts", q.qsize)
    attempt("get", q.get)
    attempt("get(block=False)", lambda: q.get(block=False))
    attempt("get_nowait", q.get_nowait)
    attempt("get_nowait on empty", q.get_nowait)
    t0 = time.monotonic()
    attempt("get(timeout=0.3) on empty", lambda: q.get(timeout=0.3))
    print("waited about 0.3s:", 0.25 < time.monotonic() - t0 < 2)
    attempt("get(timeout=-1)", lambda: q.get(timeout=-1))
    attempt("get(False, timeout=-1)", lambda: q.get(False, timeout=-1))
    attempt("put of a lambda", lambda: q.put(lambda: 1))
    attempt("qsize after the failed put", q.qsize)

    small = m.Queue(2)
    small.put("a")
    small.put("b")
    attempt("full", small.full)
    attempt("put_nowait when full", lambda: small.put_nowait("c"))
    attempt("put(block=False) when full", lambda: small.put("c", block=False))
    attempt("put(timeout=0.2) when full", lambda: small.put("c", timeout=0.2))
    attempt("put(timeout=-1) when full", lambda: small.put("c", timeout=-1))
    attempt("unbounded put(timeout=-1)", lambda: q.put("x", timeout=-1))
    attempt("get after it", q.get)
    attempt("Queue(-3).full()", lambda: m.Queue(-3).full())

    attempt("task_done too many", lambda: m.Queue().task_done())
    tq = m.Queue()
    tq.put(1)
    tq.put(2)
    tq.get()
    tq.task_done()
    tq.get()
    tq.task_done()
    attempt("join with every task done", tq.join)

    p = Process(target=child_puts, args=(q,))
    p.start()
    p.join()
    attempt("what a child put", q.get)
    outer = Queue()
    p = Process(target=pass_along, args=(outer,))
    p.start()
    outer.put(q)
    p.join()
    attempt("what came through a plain Queue", q.get)
    attempt("a pickled and unpickled proxy", lambda: (pickle.loads(pickle.dumps(q)).put("again"), q.get())[1])
    attempt("str of both", lambda: str(q) == str(pickle.loads(pickle.dumps(q))))
    attempt("start again", m.start)
    m.shutdown()
    m.shutdown()
    print([p.name for p in multiprocessing.active_children()])
    attempt("qsize after shutdown", q.qsize)
    attempt("put after shutdown", lambda: q.put(1))
    attempt("Queue after shutdown", m.Queue)
    attempt("start after shutdown", m.start)
    with Manager() as m2:
        print("with:", [p.name for p in multiprocessing.active_children()])
        last = m2.Queue()
    print("after with:", multiprocessing.active_children())
    attempt("with a shut down manager", lambda: m2.__enter__())
    m3 = Manager()
    m3.Queue().put("left for the exit")
    print("exiting with", [p.name for p in multiprocessing.active_children()])

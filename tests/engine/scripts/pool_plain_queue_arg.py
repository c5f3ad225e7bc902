# A plain Queue or Lock as a Pool task's argument: CPython's RuntimeError, when CPython raises it.
from multiprocessing import Lock, Pool, Process, Queue, active_children


def task(obj):
    return "ran"


def child(q, lock):
    with lock:
        q.put("inherited")


def attempt(what, call):
    try:
        print(what, "->", call())
    except RuntimeError as e:
        print(what, "raised RuntimeError:", e)


if __name__ == "__main__":
    q = Queue()
    lock = Lock()
    with Pool(2) as pool:
        print("the workers:", sorted(repr(p).split(" pid=")[0] for p in active_children()))
        pending = pool.apply_async(task, (q,))
        print("apply_async returned", type(pending).__name__)
        attempt("its get()", pending.get)
        attempt("apply(Lock)", lambda: pool.apply(task, (lock,)))
        attempt("map(Queue)", lambda: pool.map(task, [q, q]))
        attempt("starmap(Lock)", lambda: pool.starmap(task, [(lock,)]))
        later = pool.map_async(task, [lock])
        print("map_async returned", type(later).__name__)
        attempt("its get()", later.get)
        it = pool.imap(task, [q])
        print("imap returned", type(it).__name__)
        attempt("its next()", lambda: next(it))
        attempt("a plain int still works", lambda: pool.apply(task, (1,)))
    p = Process(target=child, args=(q, lock))
    p.start()
    p.join()
    print("Process(args=(Queue, Lock)) exitcode", p.exitcode, "and put", q.get())

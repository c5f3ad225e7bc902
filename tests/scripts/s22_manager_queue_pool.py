# S22 - Manager().Queue() inside a Pool; a plain Queue passed to a Pool task raises RuntimeError.
# A Pool's workers exist before its tasks do, so a task's arguments are pickled and sent to
# them. A plain multiprocessing.Queue can only be shared by being inherited at a fork: as a
# task's argument it raises RuntimeError, and only when the result is asked for (get()), since
# apply_async itself returns at once. A Manager's Queue is a proxy that pickles, so Pool tasks
# can share it. Watch the manager's own process, SyncManager-1, a child of the main process
# next to the pool's workers; the writer task's puts and the reader task's gets on the
# manager's queue; and SyncManager-1 ending when the with-block ends.
from multiprocessing import Manager, Pool, Queue, active_children, current_process


def writer(q):
    for letter in "DrSHW":
        q.put(letter)
    return f"writer ({current_process().name.split('-')[0]}): put 5 letters"


def reader(q):
    got = [q.get(True) for _ in range(q.qsize())]
    return f"reader ({current_process().name.split('-')[0]}): got {''.join(got)}"


def size_of(q):
    return q.qsize()


def children():
    return sorted(p.name for p in active_children())


if __name__ == "__main__":
    with Manager() as manager:
        print("after Manager():", active_children())
        q = manager.Queue()
        print("manager.Queue() is a", type(q).__name__)
        with Pool(2) as pool:
            print("with the pool:", children())
            print(pool.apply_async(writer, (q,)).get())
            print("the main process sees qsize =", q.qsize())
            print(pool.apply_async(reader, (q,)).get())
            print("map over the manager's queue:", pool.map(size_of, [q, q]))

            plain = Queue()
            result = pool.apply_async(size_of, (plain,))
            print("apply_async with a plain Queue returned at once")
            try:
                result.get(timeout=5)
            except RuntimeError as e:
                print("get() raised RuntimeError:", e)
            try:
                pool.map(size_of, [plain])
            except RuntimeError as e:
                print("map() raised RuntimeError:", e)
        print("after the pool:", children())
    print("after the manager's with-block:", children())
    print("the queue after shutdown:", end=" ")
    try:
        q.qsize()
    except BrokenPipeError as e:
        print("BrokenPipeError", e)

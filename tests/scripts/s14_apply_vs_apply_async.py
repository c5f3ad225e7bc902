# S14: apply() blocks until its task is done, so three calls run one after another;
# apply_async() returns at once with an ApplyResult, so three calls run side by side.
import multiprocessing as mp
import time


def nap(i):
    time.sleep(0.4)
    return i * 10


if __name__ == "__main__":
    with mp.Pool(3) as pool:
        start = time.monotonic()
        values = [pool.apply(nap, (i,)) for i in range(3)]
        serial = time.monotonic() - start
        print("apply returned values:", values)

        start = time.monotonic()
        pending = [pool.apply_async(nap, (i,)) for i in range(3)]
        returned = time.monotonic() - start
        print("apply_async returned:", type(pending[0]).__name__, "objects")
        print("apply_async returned before any task ended:", returned < 0.2)
        values = [r.get() for r in pending]
        together = time.monotonic() - start
        print("their values:", values)
        print("apply took about three naps:", round(serial / 0.4))
        print("apply_async took about one nap:", round(together / 0.4))

# Lesson: apply() waits, apply_async() does not (scenario S14).
import multiprocessing as mp
import time


def nap(n):
    time.sleep(0.4)
    return n * 10


def naps_since(start):
    return round((time.monotonic() - start) / 0.4)


if __name__ == "__main__":
    with mp.Pool(3) as pool:
        start = time.monotonic()
        values = [pool.apply(nap, (n,)) for n in range(3)]  # each call waits for its task
        print(f"apply() x3 returned {values}; elapsed, in naps: {naps_since(start)}")

        start = time.monotonic()
        pending = [pool.apply_async(nap, (n,)) for n in range(3)]
        print(f"apply_async() x3 returned {type(pending[0]).__name__} objects; elapsed, in naps: {naps_since(start)}")
        values = [r.get() for r in pending]  # the values, once they are there
        print(f"get() x3 returned {values}; elapsed, in naps: {naps_since(start)}")

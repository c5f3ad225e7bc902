# S17: calling get() right after each apply_async() waits for that task before the next one is
# even submitted: the pool works one task at a time. Keep the results, then get() them all.
import multiprocessing as mp
import time


def work(i):
    time.sleep(0.3)
    return i


if __name__ == "__main__":
    with mp.Pool(4) as pool:
        start = time.monotonic()
        serial = [pool.apply_async(work, (i,)).get() for i in range(4)]
        one_by_one = time.monotonic() - start

        start = time.monotonic()
        pending = [pool.apply_async(work, (i,)) for i in range(4)]
        together = [r.get() for r in pending]
        all_at_once = time.monotonic() - start
    print("same results:", serial == together)
    print("get() after each call: about", round(one_by_one / 0.3), "task lengths")
    print("keep the results, get() later: about", round(all_at_once / 0.3), "task length")

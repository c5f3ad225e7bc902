# Lesson: get() right after apply_async() makes the pool serial (scenario S17).
import multiprocessing as mp
import time


def slow_double(n):
    time.sleep(0.4)
    return 2 * n


def lengths(start):  # time since start, in task lengths of 0.4 s
    return round((time.monotonic() - start) / 0.4)


if __name__ == "__main__":
    with mp.Pool(4) as pool:
        start = time.monotonic()
        for n in range(4):
            print("  got", pool.apply_async(slow_double, (n,)).get())  # waits before the next call
        print(f"get() in the loop: task lengths = {lengths(start)}")

        start = time.monotonic()
        receipts = [pool.apply_async(slow_double, (n,)) for n in range(4)]
        print("  got", [r.get() for r in receipts])
        print(f"results kept, get() after the loop: task lengths = {lengths(start)}")

        start = time.monotonic()
        values = []
        for n in range(4):
            pool.apply_async(slow_double, (n,), callback=values.append)
        pool.close()
        pool.join()  # every callback has run by now
        print("  got", sorted(values))
        print(f"a callback for each task: task lengths = {lengths(start)}")

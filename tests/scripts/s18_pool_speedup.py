# S18: Pool(8) with 16 tasks of half a second: eight run at a time, so the whole batch takes
# about two rounds (one second), not sixteen half-seconds. The tasks sleep, so this holds even
# on a machine with fewer CPUs than workers.
import multiprocessing as mp
import time


def task(i):
    time.sleep(0.5)
    return i


if __name__ == "__main__":
    start = time.monotonic()
    with mp.Pool(8) as pool:
        results = pool.map(task, range(16), chunksize=1)
    elapsed = time.monotonic() - start
    print("results:", results == list(range(16)))
    print("rounds of half a second:", round(elapsed / 0.5))
    print("serial would take:", 16 * 0.5, "seconds")

# Lesson: Pool(5) with ten tasks (scenarios S12, S18).
# All five workers exist before the first task; the tasks queue up and run five at a time.
import multiprocessing as mp
import time


def task(n):
    started = time.monotonic()
    time.sleep(0.5)
    return n, started, mp.current_process().name


if __name__ == "__main__":
    pool = mp.Pool(5)  # the workers are forked here, not when tasks come
    print(f"right after Pool(5), before any task: {len(mp.active_children())} children")
    time.sleep(0.5)  # no task yet: the workers wait, idle

    begin = time.monotonic()
    pending = [pool.apply_async(task, (n,)) for n in range(10)]
    print(f"apply_async() x10 returned at once: {time.monotonic() - begin < 0.2}")
    results = [r.get() for r in pending]  # waits for the slowest
    elapsed = time.monotonic() - begin

    first = [n for n, started, _ in results if started - begin < 0.25]
    second = [n for n, started, _ in results if started - begin >= 0.25]
    print("tasks started at once:", first)
    print("tasks that waited their turn:", second)
    print("workers that ran them:", len({name for _, _, name in results}))
    print(f"ten half-second tasks took {round(elapsed / 0.5)} rounds, not 10")
    pool.close()
    pool.join()

# Lesson: cpu_count(), current_process(), active_children(), and Pool() without a size (S19).
import multiprocessing as mp
import time


def whoami(_):
    time.sleep(0.2)
    return mp.current_process().name


if __name__ == "__main__":
    print("main: current_process() is", mp.current_process().name)
    print("main: active_children() before the pool:", mp.active_children())
    cpus = mp.cpu_count()
    with mp.Pool() as pool:  # no size given
        size = len(mp.active_children())
        print("Pool() started", "one worker per CPU" if size == cpus else f"{size} workers for {cpus} CPUs")
        names = pool.map(whoami, range(2 * cpus), chunksize=1)
        print("in the tasks, current_process() is a worker:", all(n.startswith("ForkPoolWorker-") for n in names))
        time.sleep(0.5)  # the workers idle
    print("main: active_children() after the with block:", mp.active_children())

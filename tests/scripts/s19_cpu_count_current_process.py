# S19: cpu_count(), current_process() and active_children(). A Pool() without a size starts
# one worker per CPU; inside a task, current_process() is the worker, not the main process.
import multiprocessing as mp


def who(_):
    return mp.current_process().name


if __name__ == "__main__":
    n = mp.cpu_count()
    print("main is", mp.current_process().name)
    with mp.Pool() as pool:
        print("Pool() started one worker per CPU:", len(mp.active_children()) == n)
        print("its repr says so:", f"pool_size={n}" in repr(pool))
        names = set(pool.map(who, range(4 * n), chunksize=1))
        print("tasks ran in workers named ForkPoolWorker-N:", all(x.startswith("ForkPoolWorker-") for x in names))
    print("after the with block, no children:", mp.active_children() == [])

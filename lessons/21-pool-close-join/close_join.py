# Lesson: idle workers, close() and join() (scenario S12).
# The tasks are done, but the workers stay until close(); then they exit and stay zombies
# until join() collects them.
import multiprocessing as mp
import time


def letter(pid):
    """The state letter /proc/<pid>/status shows, or '-' once the pid is gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for row in status:
                if row.startswith("State:"):
                    return row.split()[1]
    except FileNotFoundError:
        return "-"


def square(n):
    time.sleep(0.3)
    return n * n


if __name__ == "__main__":
    pool = mp.Pool(3)
    workers = [p.pid for p in mp.active_children()]
    print("results:", pool.map(square, range(6)))
    time.sleep(0.6)  # the workers have nothing left to do
    print("the tasks are done, the workers are in state", *map(letter, workers))
    pool.close()  # no more tasks: the workers may leave
    time.sleep(0.6)
    print("after close(), the workers are in state", *map(letter, workers))
    pool.join()  # collects them
    print("after join(), the workers are in state", *map(letter, workers))

import multiprocessing as mp
import time


def nap(seconds):
    time.sleep(seconds)
    print("woke after", seconds)


if __name__ == "__main__":
    d = mp.Process(target=nap, args=(5,), daemon=True)
    n = mp.Process(target=nap, args=(0.5,))
    d.start()
    n.start()
    print("main code done", d.pid, n.pid)

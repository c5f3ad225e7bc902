import multiprocessing as mp
import time


def spin():
    end = time.monotonic() + 1.5
    while time.monotonic() < end:
        pass


if __name__ == "__main__":
    ps = [mp.Process(target=spin) for _ in range(3)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()

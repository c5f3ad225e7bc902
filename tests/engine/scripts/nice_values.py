# The nice value of the main process and of a Process child: under the engine, the same as
# under python3 started the same way (the engine lowers only its own priority).
import os
from multiprocessing import Process


def child():
    print("child", os.nice(0), flush=True)


if __name__ == "__main__":
    print("main", os.nice(0), flush=True)
    p = Process(target=child)
    p.start()
    p.join()

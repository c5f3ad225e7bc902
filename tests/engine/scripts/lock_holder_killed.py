import os
import signal
import sys
import time
import multiprocessing
from multiprocessing import Lock, Process

if len(sys.argv) > 1 and sys.argv[1] == "cpython":
    multiprocessing._forkscope_robust_locks = False


def hold(lock):
    lock.acquire()
    time.sleep(10)


lock = Lock()
holder = Process(target=hold, args=(lock,))
holder.start()
time.sleep(0.3)
os.kill(holder.pid, signal.SIGKILL)
holder.join()
got = lock.acquire(timeout=1.0)
print(f"holder {holder.pid} killed; acquired {got}; {lock!r}")

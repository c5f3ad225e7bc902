# Lesson: terminate() does not reach the grandchild (scenario S10).
# The child starts a grandchild with os.fork(). terminate() signals the child only. The
# child dies at once (it has no SIGTERM handler), so nothing stops the grandchild: it goes
# on as an orphan, adopted by PID 1. The main program does not wait for it: it is not its
# child.
import os
import time
from multiprocessing import Process


def middle():
    grandchild = os.fork()
    if grandchild == 0:
        time.sleep(0.3)
        print(f"    grandchild pid={os.getpid()}: my ppid={os.getppid()}")
        time.sleep(1.0)  # the child is terminated meanwhile
        print(f"    grandchild pid={os.getpid()}: my ppid={os.getppid()} now")
        time.sleep(0.5)
        print("    grandchild: done")
        os._exit(0)
    print(f"  child pid={os.getpid()}: started grandchild pid={grandchild}")
    time.sleep(10)
    print("  child: this line is never reached")


if __name__ == "__main__":
    p = Process(target=middle)
    p.start()
    time.sleep(0.8)
    p.terminate()
    p.join()
    print(f"main: child pid={p.pid} ended with exitcode={p.exitcode}")
    print("main: my code ends; the grandchild is still running")

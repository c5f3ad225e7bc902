# S10 - terminate() does not reach the grandchild.
# The child forks a grandchild with os.fork(). terminate() signals the child only; the child
# dies without any chance to deal with its own child, so the grandchild keeps running as an
# orphan: its ppid becomes 1 and PID 1 reaps it at the end. The main program is not held up
# by the grandchild: it is not its child. Watch the grandchild's ppid before and after.
import os
import time
from multiprocessing import Process


def middle():
    grandchild = os.fork()
    if grandchild == 0:
        time.sleep(0.2)
        print(f"    grandchild pid={os.getpid()}: my ppid={os.getppid()}")
        time.sleep(0.8)  # the child is terminated meanwhile
        print(f"    grandchild pid={os.getpid()}: my ppid={os.getppid()} now: I am an orphan")
        time.sleep(0.3)
        print(f"    grandchild pid={os.getpid()}: finished my work")
        os._exit(0)
    print(f"  child pid={os.getpid()}: forked grandchild pid={grandchild}; sleeping")
    time.sleep(10)
    print("  child: this line never appears")


if __name__ == "__main__":
    p = Process(target=middle)
    p.start()
    time.sleep(0.6)
    p.terminate()
    p.join()
    print(f"main: child pid={p.pid} terminated, exitcode={p.exitcode}")
    print("main: my code ends; the grandchild is still running")

# S05 - a Process subclass, and the object that is not the process.
# Countdown overrides run(); start() runs it in a new process, while calling run() directly
# just runs it here, in the parent. __del__ reports where it runs: only in the parent, when
# the object is deleted. The child's copy of the object is never finalised: the child ends
# right after run() without tearing its objects down.
import os
import time
from multiprocessing import Process


class Countdown(Process):
    def __init__(self, count):
        super().__init__()
        self.count = count

    def run(self):
        for n in range(self.count, 0, -1):
            print(f"  run() of {self.name} in pid={os.getpid()}: {n}")
            time.sleep(0.1)

    def __del__(self):
        print(f"  __del__ of {self.name} in pid={os.getpid()}")


if __name__ == "__main__":
    print(f"main pid={os.getpid()}")
    p = Countdown(3)
    print(f"main: created {p.name}, pid={p.pid}: an object, no process yet")
    p.start()
    p.join()
    print(f"main: {p.name} ran as child pid={p.pid}, exitcode={p.exitcode}")
    del p  # the last reference: __del__ runs now, in this process
    print("main: deleted the object")

    q = Countdown(2)
    print(f"main: calling {q.name}.run() directly, without start():")
    q.run()  # an ordinary method call: it runs in this process
    print(f"main: run() returned; {q.name} was never started, pid={q.pid}")
    del q
    print("main: done")

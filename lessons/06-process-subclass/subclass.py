# Lesson: a Process subclass (scenario S05).
# Instead of passing a target, a class can inherit from Process and override run():
# start() runs run() in a new process. The Python object and the process are two things:
# __del__ reports where and when the object is finalised.
import os
import time
from multiprocessing import Process


class Echo(Process):
    def __init__(self, word, times):
        super().__init__()
        self.word = word
        self.times = times

    def run(self):  # what start() runs, in the new process
        for _ in range(self.times):
            print(f"  run() of {self.name} in pid={os.getpid()}: {self.word}")
            time.sleep(0.4)

    def __del__(self):
        print(f"  __del__ of {self.name} in pid={os.getpid()}")


if __name__ == "__main__":
    print(f"main: pid={os.getpid()}")
    e = Echo("ping", 3)
    e.start()
    e.join()
    print(f"main: {e.name} ran in child pid={e.pid}, exitcode={e.exitcode}")
    del e  # the last reference to the object goes away
    print("main: deleted the first object")

    f = Echo("pong", 2)
    f.run()  # an ordinary method call: no new process
    print(f"main: {f.name} was never started: pid={f.pid}")
    del f
    print("main: deleted the second object")

import os
import time

pid = os.fork()
if pid == 0:
    print("child", os.getpid(), "parent", os.getppid(), "fork returned", pid)
    time.sleep(0.1)  # long enough for the engine to meet it: its exit code is then known
    os._exit(0)
os.waitpid(pid, 0)
print("parent", os.getpid(), "fork returned", pid)

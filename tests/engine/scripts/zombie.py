import os
import time

pid = os.fork()
if pid == 0:
    os._exit(7)
time.sleep(0.6)  # the child is a zombie all this time
os.waitpid(pid, 0)
print("reaped", pid)

import os
import time

pid = os.fork()
if pid == 0:
    time.sleep(0.2)
    print("child at its breakpoint")
    os._exit(0)
for step in range(400):
    time.sleep(0.005)
print("parent done")
os.waitpid(pid, 0)
print("reaped")

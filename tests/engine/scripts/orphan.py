import os
import time

pid = os.fork()
if pid == 0:
    time.sleep(0.4)
    print("ppid", os.getppid())
    os._exit(0)
time.sleep(0.1)
print("parent leaves")

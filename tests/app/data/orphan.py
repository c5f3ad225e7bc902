import os
import time

pid = os.fork()
if pid == 0:
    time.sleep(1)
    print(f"child: my parent is now {os.getppid()}")
    os._exit(0)

print("parent: leaving without waiting")

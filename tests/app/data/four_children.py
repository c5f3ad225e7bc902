import os
import time

children = []
for i in range(4):
    pid = os.fork()
    if pid == 0:
        print(f"child {i}: pid {os.getpid()}, parent {os.getppid()}")
        time.sleep(3 - i)
        os._exit(10 + i)
    children.append(pid)

for pid in children:
    _, status = os.waitpid(pid, 0)
    print(f"parent: {pid} exited with {os.waitstatus_to_exitcode(status)}")

import os
import time

pid = os.fork()
if pid == 0:
    print("child: exiting now")
    os._exit(7)

print(f"parent: sleeping while child {pid} is a zombie")
time.sleep(2)
_, status = os.waitpid(pid, 0)
print("parent: reaped the child, code", os.waitstatus_to_exitcode(status))

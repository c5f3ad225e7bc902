# S03 - an orphan.
# The parent exits while its child is still running. The child is not killed: it is
# re-parented to PID 1 of its PID namespace (the init of the run), which will reap it when it
# ends. Watch the child's ppid change from the parent's pid to 1.
import os
import time

child = os.fork()
if child == 0:
    print(f"child pid={os.getpid()}: my ppid={os.getppid()}")
    time.sleep(0.8)  # the parent exits meanwhile
    print(f"child pid={os.getpid()}: my parent has exited; my ppid={os.getppid()} now")
    print(f"child pid={os.getpid()}: finishing; PID 1 will reap me")
    os._exit(0)

time.sleep(0.3)
print(f"parent pid={os.getpid()}: exiting without waiting for child pid={child}")

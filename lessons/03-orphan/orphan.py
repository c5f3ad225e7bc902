# Lesson: an orphan (scenario S03).
# The parent exits while its child is still running. The child is not killed and does not
# become a zombie: the kernel gives it a new parent, PID 1 (the init of the run), which
# collects it when it ends.
import os
import time

child = os.fork()
if child == 0:
    print(f"child: my pid={os.getpid()}, my ppid={os.getppid()}")
    time.sleep(1.0)  # meanwhile the parent exits
    print(f"child: my ppid={os.getppid()} now")
    time.sleep(0.5)
    print("child: my work is done")
    os._exit(0)

time.sleep(0.5)
print(f"parent pid={os.getpid()}: I exit now, without waiting for child={child}")

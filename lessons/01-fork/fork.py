# Lesson: fork() returns twice (scenario S01).
# os.fork() copies the running process. From then on two processes run this same code,
# and the only difference between them is what fork() returned: 0 in the new child, the
# child's pid in the parent. The parent then waits for the child, which also reaps it.
import os
import time

print(f"before fork: one process, pid={os.getpid()}")

ret = os.fork()  # called once, returns twice

if ret == 0:
    # Only the child runs this branch.
    time.sleep(0.5)  # let the parent print first
    print(f"child: fork() returned {ret}; my pid={os.getpid()}, my ppid={os.getppid()}")
    os._exit(3)  # end the child here, with exit code 3

# Only the parent gets here: for it, ret is the child's pid.
print(f"parent: fork() returned child={ret}; my pid={os.getpid()}")
done, status = os.wait()  # sleeps until a child ends, then reaps it
print(f"parent: os.wait() reaped child={done}, exit code {os.waitstatus_to_exitcode(status)}")

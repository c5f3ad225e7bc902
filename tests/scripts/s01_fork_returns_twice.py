# S01 - fork returns twice.
# One process calls os.fork() and two processes come back from it: in the new child it
# returns 0, in the parent it returns the child's pid. Watch the child's ppid match the
# parent's pid, and os.wait() hand the parent the child's pid and exit status (reaping it).
import os
import time

print(f"before fork: one process, my pid={os.getpid()}")

ret = os.fork()

if ret == 0:
    # Only the child runs this branch. Let the parent's line come out first.
    time.sleep(0.3)
    print(f"child: fork() returned {ret}; my pid={os.getpid()}, my ppid={os.getppid()}")
    print("child: exiting with status 7")
    os._exit(7)  # leave without running the rest of the parent's code

# Only the parent gets here: ret is the new process's pid.
print(f"parent: fork() returned child pid={ret}; my pid={os.getpid()}")
waited_pid, status = os.wait()  # blocks until the child has exited, then reaps it
print(f"parent: os.wait() gave back child pid={waited_pid}, "
      f"exit status {os.waitstatus_to_exitcode(status)}")
try:
    os.wait()
except ChildProcessError:
    print("parent: a second os.wait() raises ChildProcessError: no children left")

# One call, two returns: os.fork() copies the running process, and from then on two
# processes run the same code. Watch the process tree grow a child, and both markers
# in the code move on from the fork line.
import os
import time

print("before fork: I am pid", os.getpid())

pid = os.fork()
if pid == 0:
    # Only the copy sees 0 here.
    print("child: fork returned 0; my pid", os.getpid(), "my parent pid", os.getppid())
    time.sleep(1)
    os._exit(7)

# Only the original sees the child's pid here.
print("parent: fork returned the child pid", pid)
finished, status = os.wait()  # blocks until the child exits, then reaps it
print("parent: reaped child pid", finished, "exit code", os.waitstatus_to_exitcode(status))

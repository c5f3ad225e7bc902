import os

pid = os.fork()
if pid == 0:
    print(f"child {os.getpid()}: hello")
    os._exit(3)
else:
    print(f"parent {os.getpid()}: forked child {pid}")
    _, status = os.waitpid(pid, 0)
    print(f"parent: child exited with {os.waitstatus_to_exitcode(status)}")

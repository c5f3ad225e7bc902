import os

pid = os.fork()
if pid == 0:
    print("child", os.getpid(), "parent", os.getppid(), "fork returned", pid)
    os._exit(0)
os.waitpid(pid, 0)
print("parent", os.getpid(), "fork returned", pid)

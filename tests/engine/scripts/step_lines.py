import os
pid = os.fork()
if pid == 0:
    a = 1
    b = 2
    c = 3
    os._exit(0)
x = 1
y = 2
os.waitpid(pid, 0)

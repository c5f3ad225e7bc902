import os

pid = os.fork()
if pid == 0:
    a = 1
    b = a + 1
    os._exit(b)
x = 1
y = x + 1
os.waitpid(pid, 0)
print("parent done", y)

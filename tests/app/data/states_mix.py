import os
import time


def spin(seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


a = os.fork()
if a == 0:
    spin(0.3)  # busy: running and ready in turn, sharing one CPU
    os._exit(1)
b = os.fork()
if b == 0:
    if os.fork() == 0:
        time.sleep(0.4)  # an orphan while it sleeps
        os._exit(0)
    os._exit(2)  # leaves its child behind
spin(0.2)
time.sleep(0.2)  # b is a zombie meanwhile
os.waitpid(a, 0)
os.waitpid(b, 0)
time.sleep(0.2)

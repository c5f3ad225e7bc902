# Lesson: a Unix daemon (scenario S28).
# A program that must keep running on its own, detached from whoever started it, does it
# by hand: it forks, the original process exits (so the child is adopted by PID 1), and
# the child calls os.setsid() to start a session of its own, free of any terminal.
import os
import time


def describe(who):
    leader = os.getsid(0) == os.getpid()
    print(f"{who}: pid={os.getpid()} ppid={os.getppid()}, leads its own session: {leader}")


describe("program")
if os.fork() > 0:
    # The original process: it only had to start the daemon.
    time.sleep(0.3)
    print("program: the daemon is started, I exit")
    os._exit(0)

# The child. Once its parent is gone, PID 1 is its parent.
time.sleep(0.6)
os.setsid()  # a new session and process group, with no controlling terminal
os.chdir("/")  # do not keep the starting folder in use
describe("daemon")
for n in range(1, 4):
    print(f"daemon: working on its own, round {n}")
    time.sleep(0.4)
print("daemon: stopping")

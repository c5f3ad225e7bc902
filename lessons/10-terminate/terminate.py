# Lesson: terminate() sends SIGTERM (scenario S09).
# terminate() asks the kernel to deliver SIGTERM to the child. A child that does nothing
# about it dies of it, and its exitcode is minus the signal number: -15. A child may also
# catch SIGTERM and clean up first. kill() sends SIGKILL (-9), which no process can catch.
import signal
import sys
import time
from multiprocessing import Process


def counter():
    time.sleep(0.25)
    n = 0
    while True:
        n += 1
        print(f"  counter: {n}")
        time.sleep(0.5)


def tidy(signum, frame):
    print("  careful: SIGTERM arrived, I save my work and leave")
    sys.exit(0)


def careful():
    signal.signal(signal.SIGTERM, tidy)
    time.sleep(10)


if __name__ == "__main__":
    p = Process(target=counter, name="counter")
    p.start()
    time.sleep(1.5)  # it counts at 0.25s, 0.75s and 1.25s
    p.terminate()
    p.join()
    print(f"main: counter ended with exitcode={p.exitcode}; SIGTERM is {signal.SIGTERM.value}")

    c = Process(target=careful, name="careful")
    c.start()
    time.sleep(0.5)
    c.terminate()
    c.join()
    print(f"main: careful ended with exitcode={c.exitcode}: it caught the signal")

    k = Process(target=careful, name="careful-too")
    k.start()
    time.sleep(0.5)
    k.kill()
    k.join()
    print(f"main: after kill(), exitcode={k.exitcode}; SIGKILL is {signal.SIGKILL.value}")

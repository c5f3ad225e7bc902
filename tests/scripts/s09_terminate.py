# S09 - terminate() and kill().
# terminate() sends SIGTERM: a child that does not handle it dies, and its exitcode is the
# negated signal number, -15 (the repr writes it -SIGTERM). A child may ignore SIGTERM, so
# terminate() is a request; kill() sends SIGKILL, which cannot be ignored (-9).
import os
import signal
import time
from multiprocessing import Process


def ticker(label, *, every):
    time.sleep(every / 2)  # ticks at 0.25s, 0.75s, 1.25s...: well clear of the 1.0s mark
    n = 0
    while True:
        n += 1
        print(f"  child pid={os.getpid()}: {label} {n}")
        time.sleep(every)


def stubborn():
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    print(f"  child pid={os.getpid()}: ignoring SIGTERM from now on")
    time.sleep(10)


if __name__ == "__main__":
    p = Process(target=ticker, args=("tick",), kwargs={"every": 0.5})
    started = time.monotonic()
    p.start()
    time.sleep(1.0)
    p.terminate()
    print(f"main: terminate() after {time.monotonic() - started:.2f}s")
    p.join()
    print(f"main: exitcode={p.exitcode}, which is -SIGTERM: {p.exitcode == -signal.SIGTERM}")
    print(f"main: {p!r}")

    s = Process(target=stubborn)
    s.start()
    time.sleep(0.3)
    s.terminate()
    s.join(0.5)
    print(f"main: 0.5s after terminate(), {s.name} alive={s.is_alive()} exitcode={s.exitcode}")
    s.kill()
    s.join()
    print(f"main: after kill(): exitcode={s.exitcode}, which is -SIGKILL: "
          f"{s.exitcode == -signal.SIGKILL}")
    print(f"main: {s!r}")

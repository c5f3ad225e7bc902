# S08 - a daemon child dies with its parent.
# daemon=True means: when the parent's interpreter exits, multiprocessing terminates the
# child (SIGTERM) instead of waiting for it. The child here reports the SIGTERM when it comes,
# then dies of it; its late line never appears. Watch the repr saying "daemon".
import os
import signal
import time
from multiprocessing import Process


def on_sigterm(signum, frame):
    print(f"  daemon child pid={os.getpid()}: got {signal.Signals(signum).name} "
          f"from my parent pid={os.getppid()} as it exits; dying of it")
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the default action: terminate
    os.kill(os.getpid(), signal.SIGTERM)


def background():
    signal.signal(signal.SIGTERM, on_sigterm)
    print(f"  daemon child pid={os.getpid()}: started; I will print again after 1.5s")
    time.sleep(1.5)
    print("  daemon child: this line never appears")


if __name__ == "__main__":
    p = Process(target=background, daemon=True)
    p.start()
    time.sleep(0.3)
    print(f"main: {p!r}")
    print(f"main: p.daemon={p.daemon}; my code ends here, without join()")

# Lesson: daemon children (scenario S08).
# When the main program ends, multiprocessing treats its children in two ways. A child
# started with daemon=True is terminated (SIGTERM); any other child is waited for (joined).
# Here the daemon child reports the SIGTERM when it comes, then dies of it.
import os
import signal
import time
from multiprocessing import Process


def on_sigterm(signum, frame):
    print(f"  helper: received {signal.Signals(signum).name}, so I stop here")
    signal.signal(signum, signal.SIG_DFL)  # back to the default action for SIGTERM...
    os.kill(os.getpid(), signum)  # ...and die of it, as if there were no handler


def helper():
    signal.signal(signal.SIGTERM, on_sigterm)
    for n in range(1, 6):
        print(f"  helper: background round {n}")
        time.sleep(0.4)


def worker():
    time.sleep(1.2)
    print("  worker: finished my work")


if __name__ == "__main__":
    h = Process(target=helper, name="helper", daemon=True)
    w = Process(target=worker, name="worker")
    h.start()
    w.start()
    time.sleep(0.6)
    print(f"main: {h.name} has daemon={h.daemon}, {w.name} has daemon={w.daemon}")
    print("main: my code ends here, without join()")

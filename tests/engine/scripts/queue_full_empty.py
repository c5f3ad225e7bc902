import queue
import time
from multiprocessing import Queue

q = Queue(3)
for item in ("a", "b", "c"):
    q.put(item)
print("full", q.full(), "qsize", q.qsize())
start = time.monotonic()
try:
    q.put("d", timeout=0.5)
except queue.Full:
    print(f"Full after {time.monotonic() - start:.3f}")
for _ in range(3):
    q.get()
start = time.monotonic()
try:
    q.get_nowait()
except queue.Empty:
    print(f"Empty after {time.monotonic() - start:.3f}")

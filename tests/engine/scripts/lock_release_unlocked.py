from multiprocessing import Lock, RLock

lock = Lock()
try:
    lock.release()
except ValueError as e:
    print("ValueError:", e)
rlock = RLock()
try:
    rlock.release()
except AssertionError as e:
    print("AssertionError:", e)
with lock:
    print(repr(lock))
rlock.acquire()
rlock.acquire()
print(repr(rlock))
rlock.release()
rlock.release()
print(repr(lock), repr(rlock))
print("nonblocking while held:", lock.acquire(), lock.acquire(False), lock.acquire(timeout=0.1))
lock.release()

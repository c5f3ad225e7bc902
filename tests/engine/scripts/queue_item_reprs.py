# Items of many kinds through one queue; the script prints each item's repr as it gets it.
from multiprocessing import Queue

ITEMS = [0, -1, 255, 256, 65535, 65536, 2**31 - 1, -2**31, 2**31, -2**31 - 1, 10**30, True,
         None, 1.5, "text", b"\x00bytes", (1, "a"), [2, 3], {"k": 4}, {5}]

if __name__ == "__main__":
    q = Queue(100)
    for item in ITEMS:
        q.put(item)
    for _ in ITEMS:
        print(repr(q.get()))

# Lesson: globals are copied, not shared (scenario S11).
# A new process starts with a copy of its parent's memory. The child's list looks the
# same, even at the same address (id), but it is a separate copy: the child's changes stay
# in the child, and the parent's later changes never reach it.
import os
import time
from multiprocessing import Process

fruit = ["apple", "pear"]
START_ID = id(fruit)


def add_more():
    time.sleep(0.3)  # the parent changes its own list meanwhile
    fruit.append("plum")
    fruit.append("fig")
    print(f"  child pid={os.getpid()}: fruit = {fruit}")
    print(f"  child: same id() as the parent's list: {id(fruit) == START_ID}")


def look():
    print(f"  second child pid={os.getpid()}: fruit = {fruit}")


if __name__ == "__main__":
    print(f"main: fruit = {fruit}")
    p = Process(target=add_more)
    p.start()
    fruit.append("kiwi")  # after start(): the child already has its own copy
    p.join()
    print(f"main: after the child ended, fruit = {fruit}")

    q = Process(target=look)  # a new copy, taken now
    q.start()
    q.join()

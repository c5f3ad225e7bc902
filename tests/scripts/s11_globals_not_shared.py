# S11 - globals are copied, not shared.
# A child starts with a copy of the parent's memory: the same list, even at the same id(),
# but a separate copy. What the child appends stays in the child, and what the parent changes
# after start() never reaches the child. Watch both lists after the child has ended.
import os
import time
from multiprocessing import Process

basket = ["apple", "pear"]
ORIGINAL_ID = id(basket)


def fill():
    time.sleep(0.3)  # the parent changes its copy meanwhile
    basket.append("plum")
    basket.append("fig")
    print(f"  child pid={os.getpid()}: basket = {basket}")
    print(f"  child: same id() as the parent's list: {id(basket) == ORIGINAL_ID}")


def look():
    print(f"  second child pid={os.getpid()}: basket = {basket}")


if __name__ == "__main__":
    print(f"main: basket = {basket}")
    p = Process(target=fill)
    p.start()
    basket.append("kiwi")  # after start(): the child has its own copy already
    p.join()
    print(f"main: after the child ended, basket = {basket}")

    q = Process(target=look)  # started now, it copies the parent's current list
    q.start()
    q.join()

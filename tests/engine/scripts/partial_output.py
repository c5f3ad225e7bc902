# Children that end with output still buffered: their last words must not be lost. And a
# parent's half line is written out before each start, not copied into the child.
import multiprocessing as mp
import os
import sys


def partial():
    print("no newline from the child", end="")


def partial_err():
    sys.stderr.write("half a line on stderr")


def whole_then_partial():
    print("a whole line")
    print("then half", end="")


def replaced():
    sys.stdout = open(os.devnull, "w")
    print("into the void", end="")


if __name__ == "__main__":
    for f in (partial, partial_err, whole_then_partial, replaced):
        print("start", end=" ")
        p = mp.Process(target=f)
        p.start()
        p.join()
        print("|", f.__name__, p.exitcode)

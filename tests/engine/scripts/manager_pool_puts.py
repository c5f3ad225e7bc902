import sys
import time
from multiprocessing import Manager, Pool, active_children


def writer(q, words):
    for word in words:
        q.put(word)
    return len(words)


if __name__ == "__main__":
    with Manager() as manager:
        q = manager.Queue()
        with Pool(2) as pool:
            print("wrote", sum(pool.starmap(writer, [(q, ["apple", "pear"]), (q, [(3, "fig")])])))
        time.sleep(0.2)  # a learner's pace: the queue's contents are shown with all three
        print("got", sorted(str(q.get()) for _ in range(3)))
        print("inside the with-block:", [p.name for p in active_children()])
    print("after the with-block")
    sys.stdout.flush()

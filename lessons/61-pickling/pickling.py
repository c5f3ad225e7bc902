# Lesson: what can be pickled (scenario S27).
# To send a function or an object to another process, multiprocessing pickles it: it turns
# it into bytes, and the other side rebuilds it. A function is pickled by its name (module
# and qualified name) and looked up again by that name, so a lambda, which has no name to
# look up, cannot be pickled. A Process target is not pickled under the 'fork' start
# method: the child is a copy of the parent and already has the function.
import multiprocessing
import pickle
from multiprocessing import Process


def double(x):
    return 2 * x


class Greeter:
    def __init__(self, word):
        self.word = word

    def greet(self, who):
        return f"{self.word}, {who}"


def make_adder(n):
    def add(x):  # a function defined inside another one: a closure
        return x + n
    return add


def try_pickle(label, thing, argument):
    try:
        data = pickle.dumps(thing)
    except Exception as error:
        print(f"{label}: cannot be pickled: {type(error).__name__}")
        return
    copy = pickle.loads(data)  # what the other process would rebuild
    print(f"{label}: pickled and rebuilt, it returns {copy(argument)!r}")


if __name__ == "__main__":
    try_pickle("the function double", double, 21)
    try_pickle("a bound method", Greeter("hello").greet, "world")
    try_pickle("a lambda", lambda x: 2 * x, 21)
    try_pickle("a closure", make_adder(1), 41)

    print(f"start method: {multiprocessing.get_start_method()}")
    p = Process(target=lambda: print("  the lambda runs in the child: fork copied it"))
    p.start()
    p.join()
    print(f"main: the Process with a lambda target ended with exitcode={p.exitcode}")

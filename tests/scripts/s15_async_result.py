# S15: what an AsyncResult offers: ready(), successful() (an error before the task is done),
# wait(), get() with a timeout (multiprocessing.TimeoutError), and callbacks that run in the
# parent: callback with the value, error_callback with the one exception instance.
import multiprocessing as mp
import time


def slow_square(x):
    time.sleep(0.5)
    return x * x


def fail(x):
    raise KeyError(x)


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        r = pool.apply_async(slow_square, (6,), callback=lambda v: print("callback got", v))
        print("ready at once:", r.ready())
        try:
            r.successful()
        except ValueError:
            print("successful() before the end raises ValueError")
        try:
            r.get(timeout=0.1)
        except mp.TimeoutError:
            print("get(timeout=0.1) raised multiprocessing.TimeoutError")
        r.wait()
        print("after wait(): ready", r.ready(), "successful", r.successful(), "value", r.get())

        e = pool.apply_async(fail, ("missing",), error_callback=lambda exc: print("error_callback got", type(exc).__name__, exc))
        e.wait()
        print("failed task: successful", e.successful())
        try:
            e.get()
        except KeyError as exc:
            print("get() raised the task's own exception:", repr(exc))

# Lesson: what an AsyncResult tells (scenario S15).
import multiprocessing as mp
import time


def square(x):
    time.sleep(1.0)
    return x * x


def check(x):
    time.sleep(0.3)
    if x < 0:
        raise ValueError(f"{x} is negative")
    return x


def on_value(value):  # runs in the main process
    print(f"  callback got {value!r}")


def on_error(error):  # runs in the main process
    print(f"  error_callback got one {type(error).__name__}: {error}")


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        r = pool.apply_async(square, (7,), callback=on_value)
        print("ready():", r.ready())
        try:
            print("successful() before the end:", r.successful())
        except Exception as e:
            print("successful() before the end:", type(e).__name__)
        try:
            r.get(timeout=0.3)
        except mp.TimeoutError:
            print("get(timeout=0.3): TimeoutError, and the task goes on")
        r.wait()  # no timeout: until the task is done
        print("after wait(): ready()", r.ready(), "successful()", r.successful(), "get()", r.get())

        m = pool.map_async(check, [1, -2, 3, -4], chunksize=1, error_callback=on_error)
        m.wait()
        print("map_async: successful()", m.successful())
        try:
            m.get()
        except ValueError as e:
            print(f"get() raised the task's own exception: ValueError: {e}")

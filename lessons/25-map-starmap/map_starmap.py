# Lesson: map, starmap, their _async forms, imap_unordered, and a lambda (scenarios S16, S27).
import multiprocessing as mp
import pickle
import time


def cube(x):
    time.sleep(0.3 * (3 - x))  # the last item finishes first
    print(f"  cube({x}) done")
    return x ** 3


def square(x):
    return x * x


def power(base, exponent):
    return base ** exponent


def show(values):  # a callback of the _async forms: one list, all the values
    print("  callback got", values)


if __name__ == "__main__":
    with mp.Pool(4) as pool:
        print("map() returned", pool.map(cube, range(4)))
        print("starmap() returned", pool.starmap(power, [(2, 10), (3, 4), (10, 3)]))

        pending = pool.map_async(square, range(5), callback=show)
        print("map_async() returned a", type(pending).__name__)
        print("its get() returned", pending.get())
        pending = pool.starmap_async(power, [(2, 3), (3, 2)], callback=show)
        print("starmap_async(): get() returned", pending.get())

        print("imap_unordered() gave", list(pool.imap_unordered(cube, range(4))))

        try:
            pool.map(lambda x: x ** 3, range(4))
        except pickle.PicklingError as error:
            print("a lambda as the function:", type(error).__name__)

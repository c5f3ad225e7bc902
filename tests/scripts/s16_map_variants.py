# S16: map and starmap, and their _async forms with a callback: results always come back in
# the order of the input, whichever worker finished first.
import multiprocessing as mp
import time


def cube(x):
    time.sleep(0.05 * (5 - x))  # later items finish first
    return x ** 3


def power(base, exp):
    return base ** exp


if __name__ == "__main__":
    with mp.Pool(3) as pool:
        print("map:", pool.map(cube, range(6)))
        print("starmap:", pool.starmap(power, [(2, 5), (3, 3), (10, 2)]))
        r = pool.map_async(cube, [3, 1, 2], callback=lambda values: print("map_async callback:", values))
        print("map_async get:", r.get())
        s = pool.starmap_async(power, [(2, 2), (2, 3)], callback=lambda values: print("starmap_async callback:", values))
        print("starmap_async get:", s.get())
        print("imap:", list(pool.imap(cube, range(4))))
        print("imap_unordered, sorted:", sorted(pool.imap_unordered(cube, range(4))))

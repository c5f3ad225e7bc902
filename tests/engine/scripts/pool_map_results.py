# What a map's results are once back in the parent. A chunk of ints travels as numbers and
# anything else pickled (engine/runtime/Pool.cpp, intsFrame): either way each list must be
# CPython's, item for item and type for type.
import enum
import multiprocessing as mp


class Colour(enum.IntEnum):
    RED = 1


def same(x):
    return x


def fail_on_three(x):
    if x == 3:
        raise ValueError("three")
    return x


if __name__ == "__main__":
    big = 2**63
    cases = {
        "small and negative ints": [0, -1, 7, -(2**63), 2**63 - 1],
        "ints past 64 bits": [1, big, -big - 1],
        "bools stay bools": [True, False, 1],
        "an int subclass stays itself": [Colour.RED, 2],
        "ints mixed with others": [1, 2.5, "three", None, 4],
        "ten thousand ints": list(range(-5000, 5000)),
    }
    with mp.Pool(2) as pool:
        for name, items in cases.items():
            for chunksize in (1, 3, None):
                out = pool.map(same, items, chunksize)
                types = sorted({type(v).__name__ for v in out})
                print(f"{name}, chunksize {chunksize}: equal {out == items}, types {types}, "
                      f"first {out[:5]!r}")
        print("imap, chunks of 4:", list(pool.imap(same, range(10), 4)))
        print("imap_unordered, chunks of 4:", sorted(pool.imap_unordered(same, range(10), 4)))
        print("starmap:", pool.starmap(pow, [(2, 70), (3, 2), (-2, 3)], 1))
        r = pool.map_async(same, range(6), 2, callback=lambda v: print("callback:", v))
        print("map_async:", r.get())
        try:
            pool.map(fail_on_three, range(8), 2)
        except ValueError as e:
            print("map raised", repr(e))
        r = pool.map_async(fail_on_three, range(8), 2,
                           error_callback=lambda e: print("error_callback:", repr(e)))
        r.wait()
        print("successful:", r.successful())

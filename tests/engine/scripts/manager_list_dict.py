# Manager().list() and dict() against CPython's ListProxy and DictProxy: each line must read the same.
from multiprocessing import Manager, Pool, Process


def add(shared, i):
    shared.append(i * i)
    return len(shared) > 0


def count(d, key, n):
    for _ in range(n):
        d[key] = d.get(key, 0) + 1


def attempt(what, call):
    try:
        print(what, "->", call())
    except Exception as e:
        print(what, "raised", type(e).__name__, str(e).split(" at 0x")[0])


def api(m):
    lst = m.list([1, 2])
    print(lst, repr(lst).split(" at ")[0], type(lst).__name__, type(lst).__module__)
    lst.append(3)
    lst += [4]
    lst *= 1
    print(lst, len(lst), lst[0], lst[-1], lst[1:3], 2 in lst, list(lst), [x for x in lst])
    lst[0] = 10
    del lst[1]
    print(lst.pop(), lst, lst.index(10), lst.count(10), lst == [10, 3], lst + [9])
    attempt("lst[99]", lambda: lst[99])
    attempt("sort with a lambda key", lambda: lst.sort(key=lambda x: x))
    attempt("reversed", lambda: list(reversed(lst)))
    d = m.dict(a=1)
    print(d, repr(d).split(" at ")[0], type(d).__name__)
    d["b"] = 2
    print(d, len(d), "a" in d, d["a"], d.get("z", 0), d.keys(), d.values(), d.items())
    print(list(d), [k for k in d], d.copy(), type(d.copy()).__name__)
    attempt("d['zz']", lambda: d["zz"])
    print(d.pop("a"), d.setdefault("c", 3), d, d.popitem())
    d.update({"x": [1]})
    d["x"].append(2)  # a copy: the dict does not change
    print(d)
    d.clear()
    print(d, len(d), m.dict({1: 2}) == {1: 2})
    print(lst._getvalue(), type(lst._getvalue()).__name__)


if __name__ == "__main__":
    with Manager() as m:
        api(m)
        squares = m.list()
        with Pool(3) as pool:
            print(all(pool.starmap(add, [(squares, i) for i in range(10)])))
        print(sorted(squares), len(squares))
        d = m.dict()
        ps = [Process(target=count, args=(d, k, 50)) for k in "abc"]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        print(sorted(d.items()))
        nested = m.list([m.dict(x=1)])
        print(type(nested[0]).__name__, nested[0]["x"])
    attempt("len after shutdown", lambda: len(squares))

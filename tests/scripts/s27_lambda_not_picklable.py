# S27: a Pool sends each task to a worker as a pickle, and pickle stores a function by its
# name, so a lambda (which has none) cannot be sent: the task fails with a PicklingError.
# Process(target=lambda...) is fine under fork: nothing is pickled, the child has a copy.
import multiprocessing as mp
import pickle


def double(x):
    return 2 * x


if __name__ == "__main__":
    p = mp.Process(target=lambda: print("a lambda ran as a Process target in the child"))
    p.start()
    p.join()
    with mp.Pool(2) as pool:
        print("a named function works:", pool.map(double, [1, 2, 3]))
        try:
            pool.map(lambda x: 2 * x, [1, 2, 3])
        except pickle.PicklingError as e:
            print("a lambda fails:", type(e).__name__, "-", str(e).split(" at ")[0])

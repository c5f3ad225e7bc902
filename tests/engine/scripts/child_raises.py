import multiprocessing as mp


def work():
    x = 1
    raise RuntimeError("the child failed")


if __name__ == "__main__":
    p = mp.Process(target=work)
    p.start()
    p.join()
    print("child exit code", p.exitcode)

# A started Process runs whatever self.run() finds: the target through Process.run, a
# subclass's run, one set on the instance, one patched into the class.
import multiprocessing as mp


class Mine(mp.Process):
    def run(self):
        print("subclass run in", mp.current_process().name)


def target(x, y=0):
    print("target", x, y)


def own():
    print("instance run")


if __name__ == "__main__":
    for p in (mp.Process(target=target, args=(1,), kwargs={"y": 2}), Mine(), mp.Process()):
        p.start()
        p.join()
        print(p.name, "exitcode", p.exitcode)
    p = mp.Process(target=target, args=(2,))
    p.run = own
    p.start()
    p.join()
    mp.Process.run = lambda self: print("patched class run, not the target")
    p = mp.Process(target=target, args=(3,))
    p.start()
    p.join()
    print(p.name, "exitcode", p.exitcode)

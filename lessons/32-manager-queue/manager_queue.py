# Lesson: a queue for Pool tasks: Manager().Queue(), not Queue() (scenario S22).
import multiprocessing as mp
import time

inherited = None  # set in each worker by keep(), as the worker starts


def keep(q):
    global inherited
    inherited = q


def spell(q, word):
    for letter in word:
        q.put(letter)
        time.sleep(0.1)
    return f"put {len(word)} letters"


def spell_inherited(word):
    return spell(inherited, word)


def collect(q, n):
    return "".join(q.get() for _ in range(n))  # get() waits for each letter


if __name__ == "__main__":
    plain = mp.Queue()
    with mp.Manager() as manager, mp.Pool(2, initializer=keep, initargs=(plain,)) as pool:
        try:
            pool.apply(spell, (plain, "fork"))
        except RuntimeError as error:
            print("a Queue() as a task's argument: RuntimeError:", error)

        q = manager.Queue()  # the queue lives in the manager's process; q stands for it
        print("type(manager.Queue()) is", type(q).__name__)
        collecting = pool.apply_async(collect, (q, 5))
        time.sleep(0.5)  # the collector waits for letters
        print("spell:", pool.apply(spell, (q, "scope")))
        print("collect:", collecting.get())

        print("the inherited Queue():", pool.apply(spell_inherited, ("pool",)))
        print("the main process gets", "".join(plain.get() for _ in range(4)))

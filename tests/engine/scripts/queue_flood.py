# A producer and a consumer as fast as their loops go: far more operations than a look at
# the rings finds room for, so that the engine reads them while the run fills its rings.
from multiprocessing import Process, Queue

N = 100_000


def produce(q, n):
    put = q.put
    for i in range(n):
        put(i)


q = Queue()
p = Process(target=produce, args=(q, N))
p.start()
get = q.get
total = 0
for _ in range(N):
    total += get()
p.join()
print("sum", total == N * (N - 1) // 2)

# Two processes hand items back and forth, sometimes answering at once (the waiting side finds
# the item while it spins) and sometimes after a nap (it has gone to sleep and must be woken):
# a wake-up lost anywhere leaves one side asleep for good, and the run never ends.
import time
from multiprocessing import Manager, Process, Queue


def echo(ping, pong, rounds):
    for i in range(rounds):
        n = ping.get()
        if i % 50 == 7:
            time.sleep(0.002)  # the parent is asleep in get() by now
        pong.put(n + 1)


def fill(q, count):
    for i in range(count):
        q.put(i)  # blocks while the queue is full and the parent naps


def handover(ping, pong, rounds):
    p = Process(target=echo, args=(ping, pong, rounds))
    p.start()
    total = 0
    for i in range(rounds):
        if i % 50 == 23:
            time.sleep(0.002)  # the child is asleep in get() by now
        ping.put(i)
        total += pong.get()
    p.join()
    return total


if __name__ == "__main__":
    rounds = 400
    print("queue handover", handover(Queue(1), Queue(1), rounds))
    room = Queue(2)
    p = Process(target=fill, args=(room, 40))
    p.start()
    got = []
    for i in range(40):
        if i % 10 == 0:
            time.sleep(0.02)  # the filler is asleep in put(), waiting for room
        got.append(room.get())
    p.join()
    print("waited for room", got == list(range(40)))
    with Manager() as m:
        print("managed handover", handover(m.Queue(1), m.Queue(1), rounds))

import time

start = time.monotonic()  # the machine's clock: --speed does not scale it
time.sleep(1.0)
print("slept; real seconds:", round(time.monotonic() - start, 3))

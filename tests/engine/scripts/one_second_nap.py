import time

start = time.monotonic()
time.sleep(1.0)
print("slept")

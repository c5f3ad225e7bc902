# A script for the broken lessons.
import time

time.sleep(0.1)
print("done")

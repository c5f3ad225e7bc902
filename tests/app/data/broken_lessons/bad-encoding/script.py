import time
print("café")
time.sleep(0.1)

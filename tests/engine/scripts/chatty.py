for i in range(10000):
    print("line", i)

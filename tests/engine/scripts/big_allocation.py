data = bytearray(400 * 1024 * 1024)
print("allocated", len(data))

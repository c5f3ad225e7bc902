def visit(n):
    return n * 2


total = 0
for i in range(5):
    total += visit(i)
print("total", total)

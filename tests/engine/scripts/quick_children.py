# Fifty children, each gone the moment it starts, each reaped at once by os.waitpid: most
# live and die between two of the engine's looks at /proc.
import os

codes = []
for i in range(50):
    pid = os.fork()
    if pid == 0:
        os._exit(i % 7 + 1)
    _, status = os.waitpid(pid, 0)
    codes.append(os.waitstatus_to_exitcode(status))
print("exit codes:", sum(codes))

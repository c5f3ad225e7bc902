# Lesson: a zombie (scenario S02).
# The child ends at once, but its parent is busy and does not wait for it. The kernel then
# keeps the dead child's entry (its pid and exit code) until the parent asks for it: the
# child is a zombie. The parent reads the child's state letter from /proc/<pid>/stat.
import os
import time


def state_of(pid):
    """The state letter the kernel shows for pid, or 'gone' if there is no such process."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            stat = f.read()
    except FileNotFoundError:
        return "gone"
    return stat[stat.rindex(")") + 2]  # the letter right after the command name


child = os.fork()
if child == 0:
    print(f"child pid={os.getpid()}: my work is done, I exit with code 5")
    os._exit(5)

time.sleep(1.0)  # the parent is busy with something else
print(f"parent: child={child} is in state {state_of(child)}")
time.sleep(1.0)
print(f"parent: a second later it is still in state {state_of(child)}")
pid, status = os.waitpid(child, 0)  # now the parent collects it
print(f"parent: waitpid() returned child={pid} and exit code {os.waitstatus_to_exitcode(status)}")
print(f"parent: after that the child's state is {state_of(child)}")

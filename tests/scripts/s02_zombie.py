# S02 - a zombie.
# The child exits at once but the parent does not wait for it, so the kernel keeps the dead
# child's entry (its pid and exit status) until someone collects it. The parent reads the
# child's state letter in /proc/<pid>/stat: Z, still Z later, then gone after os.waitpid().
import os
import time


def state_letter(pid):
    """The one-letter state from /proc/<pid>/stat, or None once the pid no longer exists."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            stat = f.read()
    except FileNotFoundError:
        return None
    # The command name is in parentheses and may contain spaces: the state follows the last ')'.
    return stat[stat.rindex(")") + 2]


child = os.fork()
if child == 0:
    print(f"child pid={os.getpid()}: my work is done, exiting with status 3")
    os._exit(3)

time.sleep(0.5)
print(f"parent: 0.5s later, child pid={child} has state {state_letter(child)} (a zombie)")
time.sleep(0.5)
print(f"parent: 1.0s later, still {state_letter(child)}: nobody has waited for it yet")

waited, status = os.waitpid(child, 0)
print(f"parent: os.waitpid() reaped child pid={waited}, exit status "
      f"{os.waitstatus_to_exitcode(status)}")
letter = state_letter(child)
print(f"parent: /proc entry of the child now: {'gone' if letter is None else letter}")

# Lesson: subprocess or multiprocessing? (scenario S29)
# multiprocessing starts a copy of this Python program to run one of its functions.
# subprocess starts another program altogether: fork, then exec replaces the copy with the
# new program. Nothing of our Python objects goes along; we talk to it through pipes
# connected to its stdin and stdout, in bytes or text.
import os
import subprocess
import time
from multiprocessing import Process, current_process


def python_function():
    print(f"  child pid={os.getpid()}: I am {current_process().name}, running a function "
          "of the same Python program")


if __name__ == "__main__":
    p = Process(target=python_function)
    p.start()
    p.join()

    # sed -u answers every line at once; s/.*/\U&/ writes the line in capitals.
    sed = subprocess.Popen(["sed", "-u", r"s/.*/\U&/"], stdin=subprocess.PIPE,
                           stdout=subprocess.PIPE, text=True)
    time.sleep(0.3)
    with open(f"/proc/{sed.pid}/comm") as f:
        print(f"main: started child pid={sed.pid}; it runs {f.read().strip()}, not python")
    for word in ["fork", "exec", "pipe"]:
        sed.stdin.write(word + "\n")
        sed.stdin.flush()  # send the line now
        answer = sed.stdout.readline().strip()  # wait for sed's answer
        print(f"main: wrote {word!r} to its stdin, read {answer!r} from its stdout")
        time.sleep(0.3)
    sed.stdin.close()  # end of input: sed has nothing more to do and exits
    print(f"main: sed exited with code {sed.wait()}")

    result = subprocess.run(["sort"], input="pear\napple\nfig\n", capture_output=True,
                            text=True)
    print(f"main: sort read everything, then answered {result.stdout.split()}")

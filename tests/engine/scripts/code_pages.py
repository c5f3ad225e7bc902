# How this process's code is mapped, and its child's: "huge" when the program's code is in
# anonymous huge pages (engine/image/HugeText.h), "file" when it is mapped from the file.
import multiprocessing


def code_pages():
    anonymous_code = []  # [size, in huge pages] of each anonymous executable mapping, in kB
    current = None
    with open("/proc/self/smaps") as smaps:
        for line in smaps:
            fields = line.split()
            if "-" in fields[0] and len(fields) >= 5:  # a mapping's first line
                current = None
                if "x" in fields[1] and len(fields) == 5:
                    current = [0, 0]
                    anonymous_code.append(current)
            elif current is not None and fields[0] == "Size:":
                current[0] = int(fields[1])
            elif current is not None and fields[0] == "AnonHugePages:":
                current[1] = int(fields[1])
    if not anonymous_code:
        return "file"
    if all(size > 0 and size == huge for size, huge in anonymous_code):
        return "huge"
    return "mixed %s" % anonymous_code


def child():
    print("child", code_pages(), flush=True)


if __name__ == "__main__":
    print("main", code_pages(), flush=True)
    p = multiprocessing.Process(target=child)
    p.start()
    p.join()

# How many page-table entries a fork of this process copies: the present pages of its private
# writable mappings (/proc/self/pagemap, bit 63; a process may read its own without privileges),
# once the engine has moved its data onto huge pages (engine/image/HugeData.h).
import multiprocessing
import struct

PRESENT = 1 << 63


def entries():
    count = 0
    with open("/proc/self/maps") as maps, open("/proc/self/pagemap", "rb") as pagemap:
        for line in maps:
            fields = line.split()
            if fields[1] != "rw-p":
                continue
            begin, end = (int(x, 16) for x in fields[0].split("-"))
            pagemap.seek(begin // 4096 * 8)
            for (entry,) in struct.iter_unpack("<Q", pagemap.read((end - begin) // 4096 * 8)):
                count += bool(entry & PRESENT)
    return count


def nothing():
    pass


if __name__ == "__main__":
    p = multiprocessing.Process(target=nothing)
    p.start()
    p.join()
    print("entries", entries())

# Whether this process's writable memory is in huge pages (engine/image/HugeData.h), and its
# child's: the interpreter's static data (where the type int lives), the C heap, and an arena
# of Python objects. A region is "huge" when most of its resident pages belong to transparent
# huge pages. Telling needs the pages' frame numbers, which only root may read: "unknown"
# otherwise.
import multiprocessing
import struct

THP = 1 << 22  # /proc/kpageflags, proc(5)
PRESENT = 1 << 63
PFN_MASK = (1 << 55) - 1


def mapping_of(address=None, name=None):
    with open("/proc/self/maps") as maps:
        for line in maps:
            fields = line.split()
            begin, end = (int(x, 16) for x in fields[0].split("-"))
            if (address is not None and begin <= address < end) or (
                name is not None and fields[-1] == name
            ):
                return begin, end
    return None  # no [heap] where malloc is AddressSanitizer's


def pages_kind(region):
    if region is None:
        return "absent"
    begin, end = region
    resident = huge = 0
    with open("/proc/self/pagemap", "rb") as pagemap, open("/proc/kpageflags", "rb") as flags:
        pagemap.seek(begin // 4096 * 8)
        entries = pagemap.read((end - begin) // 4096 * 8)
        for (entry,) in struct.iter_unpack("<Q", entries):
            if not entry & PRESENT:
                continue
            pfn = entry & PFN_MASK
            if pfn == 0:
                return "unknown"
            resident += 1
            flags.seek(pfn * 8)
            if struct.unpack("<Q", flags.read(8))[0] & THP:
                huge += 1
    return "huge" if resident and huge * 2 > resident else "small"


def report(who):
    regions = [
        ("data", mapping_of(address=id(int))),
        ("heap", mapping_of(name="[heap]")),
        ("arena", mapping_of(address=id(object()))),
    ]
    try:
        kinds = [(name, pages_kind(r)) for name, r in regions]
    except PermissionError:
        kinds = [(name, "unknown") for name, _ in regions]
    print(who, " ".join("%s %s" % k for k in kinds), flush=True)


def child():
    report("child")


if __name__ == "__main__":
    p = multiprocessing.Process(target=child)
    p.start()
    p.join()
    report("main")

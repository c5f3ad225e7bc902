#pragma once
// The engine's code, moved onto transparent huge pages before the run's first fork.
//
// Every process of a run is a fork of the engine and runs its code (libpython is linked in
// statically). Mapped from the file, that code is not copied by fork: each new process faults
// it in again, 64 KiB at a time, some forty faults for a Process that does nothing, and a
// fault costs microseconds under a hypervisor. Held in anonymous huge pages instead, it is
// copied by fork as one page-table entry per 2 MiB and never faulted: a Process's start and
// join take a seventh less time (forkscope-bench process).
//
// Only whole 2 MiB pages can be mapped that way: the pages that hold code, and the read-only
// data and headers sharing them, which become executable too. Nothing else of the program
// moves. Profilers that name functions from the program file (perf) see anonymous code once
// this has run: FORKSCOPE_FILE_TEXT=1 keeps the file's mapping.

#include <string>

namespace forkscope::image {

enum class HugeTextResult {
    Moved,
    Disabled,    // FORKSCOPE_FILE_TEXT is set, or the build has AddressSanitizer
    Unavailable, // the kernel has no transparent huge pages for us, or no page was free
    NotAligned,  // no 2 MiB page lies wholly in the program's read-only image
    Failed,      // a system call failed: `why` says which; the program is as it was
};

// Must run while the process has one thread (nothing else may execute the code being
// moved). Returns what it did; on Failed, `why` holds the call and its error.
HugeTextResult moveTextToHugePages(std::string* why);

} // namespace forkscope::image

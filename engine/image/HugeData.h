#pragma once
// A lesson process's writable memory, moved onto transparent huge pages before its script runs.
//
// Fork copies a page-table entry for every 4 KiB page of private memory the process has
// written, taking a reference on each page, and the child's exit drops them again one by one:
// for a Python process's 4 MiB (the interpreter's static data, its heap, its object arenas)
// that is much of what a fork and exit cost. Pages of one huge page are taken and dropped in
// runs instead (Linux 6.9 and later), even once the huge page is mapped in 4 KiB pieces, as
// it is here: the moved memory keeps its addresses. The process still copies each 4 KiB page
// it writes after a fork, as before. A Process start+join went from about 600 to 525 us, a
// bare fork of the lesson process from 410 to 340 (forkscope-bench process). The huge pages
// fill every page of what moves; the anonymous pages that had no entry before the move are
// dropped again, or each fork would copy 300 entries more than without the move. A page of
// the program's initialised data with no entry yet is kept: dropped, it would read as zeros.
//
// Done once per run, in the run's main process once the interpreter is up and before the
// script starts (every other process of the run is forked from it and shares the result), and
// only while the process has one thread: the memory is copied and the copy moved over the
// original, so a write by another thread in between would be lost. The copy costs 2 ms, once;
// up to 20 ms where the hypervisor has taken back the free memory the huge pages come from,
// which is why it is not left to the first fork: the script's first Process.start() took that
// long too.
// FORKSCOPE_SMALL_DATA=1 leaves the memory where it is.

namespace forkscope::image {

// Whether anything moved. Nothing does when FORKSCOPE_SMALL_DATA is set, under
// AddressSanitizer, without transparent huge pages or a free one, with a second thread, or
// when nothing is worth moving; the memory is then as it was.
bool moveDataToHugePages();

} // namespace forkscope::image

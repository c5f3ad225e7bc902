#pragma once
// sys.stdout and sys.stderr, flushed around a Process's fork as multiprocessing flushes them:
// by the parent before it forks (Process.start) and by the child before it exits (the end of
// Process._bootstrap).
//
// The child's flush is nearly always a no-op: the parent flushed just before the fork, and
// most children print a line or nothing (a line-buffered stream writes a whole line out at
// once). It is not free, though: the calls write to the streams, their buffers, their locks
// and their methods' reference counts, a dozen pages the child shares with its parent and
// must copy first, a twentieth of a Process start+join. So the parent notes each stream's
// state right after its flush, and the child flushes only a stream whose state is no longer
// the one noted: one it wrote to and did not flush, one it replaced.

namespace forkscope::runtime {

class StdStreams {
public:
    // In the parent, just before a fork: flushes both, ignoring errors, and notes the state
    // of each standard text stream whose flush succeeded. A stream still as noted at the
    // previous fork has nothing to flush and is left alone.
    static void flushBeforeFork() noexcept;

    // In the child, before it exits: flushes each stream not as noted by the parent's
    // flushBeforeFork, ignoring errors.
    static void flushAtChildExit() noexcept;
};

} // namespace forkscope::runtime

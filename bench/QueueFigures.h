#pragma once
// Queue and Lock figures (issue 3): the engine against /usr/bin/python3's multiprocessing on
// the same script in the same run, and against the machine's floor, a bare C++ equivalent.

namespace forkscope::bench {

// 100,000 small items from a producer process to a consumer process, through an unbounded
// Queue and through a Queue(3): items per second; and how many of the operations the
// engine's event stream showed.
void queueThroughput();
// Uncontended Lock acquire + release: nanoseconds per pair.
void lockLatency();

} // namespace forkscope::bench

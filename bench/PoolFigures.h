#pragma once
// Pool and Process figures (issue 3): the same script timed under the engine and under
// /usr/bin/python3's multiprocessing, and a C floor where there is one.

namespace forkscope::bench {

void poolApplyAsync();   // 10,000 tiny tasks through apply_async
void poolMap();          // Pool.map over 100,000 ints, warmed, and the first one
void processStartJoin(); // Process().start() + join(), against a bare fork + waitpid
double bareForkUs();     // fork + waitpid of this process, in microseconds (--fork-floor)

} // namespace forkscope::bench

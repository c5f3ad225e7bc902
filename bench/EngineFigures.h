#pragma once
// The observer's own figures (issue 2): what watching costs, and how soon a zombie is seen.

namespace forkscope::bench {

// CPU the engine uses while it watches 64 sleeping processes, as a share of one core.
void observerCpu();
// Delay between a child's exit and the engine's exit event, median and 95th percentile.
void zombieLatency();

} // namespace forkscope::bench

#pragma once

#include <string>
#include <string_view>

namespace forkscope::testing {

// Makes the stdout of two runs of a lesson script comparable, whatever pids and timings they
// had. Three rules, applied in one left-to-right pass:
//
//  (a) A number written right after `pid`, `ppid`, `parent` or `child` (any letter case,
//      then optional spaces, an optional `=` or `:`, optional spaces) becomes a label:
//      `<P1>` for the first distinct number seen in the text, `<P2>` for the second, and so
//      on; the same number always gets the same label. `1` and `0` stay as they are: PID 1
//      (the reaper that adopts orphans) is a fact worth comparing, and 0 is never a pid
//      (it is what fork() returns in the child). The keyword may end a longer word
//      (`grandchild 7`, `mypid=7`).
//  (b) A decimal number with a decimal point and an `s` right after it (`1.02s`, `0.5s`),
//      not glued to a word on either side, becomes `<T>`.
//  (c) Everything else is copied unchanged.
std::string normaliseOutput(std::string_view text);

} // namespace forkscope::testing

#pragma once
// Shows a pickled object the way Python's repr() would, without an interpreter: the engine
// reads queue items straight from the arena, as bytes, and has no Python of its own (and even
// if it had, unpickling would need the script's classes and would run the script's code).
//
// Built-in types (None, bool, int, float, str, bytes, tuple, list, dict, set, frozenset,
// bytearray, exceptions and other builtins rebuilt by a call) read exactly as repr() shows
// them; an instance of a class of the script's reads `<__main__.Point object>`. The bytes may
// be only the item's first bytes: what they hold is shown, and the rest is an ellipsis.

#include <cstddef>
#include <string>
#include <string_view>

namespace forkscope::shm {

// At most `limit` characters (UTF-8 code points), the last being "…" when anything was cut.
// `complete` says whether `pickled` is the whole pickle or only its beginning.
std::string pickleRepr(std::string_view pickled, bool complete, std::size_t limit = 80);

} // namespace forkscope::shm

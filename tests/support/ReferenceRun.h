#pragma once

#include "tests/support/ChildProcess.h"

#include <string>
#include <vector>

namespace forkscope::testing {

// The interpreter the reference runs use: Debian's, never one first on PATH.
inline constexpr const char* kSystemPython = "/usr/bin/python3";

// The command line of a reference run of `script` (an absolute path):
//
//   unshare [--user --map-root-user] --pid --fork --mount-proc --kill-child /bin/sh -c CMD script
//
// The script runs under `/usr/bin/python3 -u` in a fresh PID namespace, as PID 2, with
// /bin/sh as PID 1. CMD keeps PID 1 alive until every other process of the namespace has
// ended (reaping orphans as it goes), then exits with Python's status: a plain `wait` would
// not do, since a shell waits only for its own jobs, and the namespace (orphans included) is
// killed as soon as its PID 1 exits. --user --map-root-user is added when not root.
std::vector<std::string> referenceCommand(const std::string& script);

// Runs `script` as above, in the script's directory, and returns what it printed. The exit
// status is Python's (128+N when it died of signal N). On timeout everything is killed.
RunResult runUnderSystemPython(const std::string& script, double timeoutSeconds);

} // namespace forkscope::testing

#pragma once
// Finds processes by a variable in their environment: every process of a run inherits the
// engine's environment, so a marker set before starting the engine tags the whole run, and
// no other process on the machine has it.

#include <string>
#include <sys/types.h>
#include <vector>

namespace forkscope::testing {

std::vector<pid_t> processesWithEnv(const std::string& assignment); // e.g. "MARK=42"

} // namespace forkscope::testing

#pragma once
// forkscope-engine's command line.

#include <optional>
#include <string>
#include <vector>

namespace forkscope {

struct Options {
    std::string script;
    std::vector<std::string> scriptArgs;
    bool json = false;
    bool step = false;
    std::vector<int> breakLines; // --break: pause the first time a process reaches one
    double speed = 1.0;
    int cores = 0; // 0: every CPU the engine may use
    int maxProcesses = 256;
    unsigned long long memoryMiB = 1024; // address space per process
    double timeoutSeconds = 300;         // wall-clock seconds of unpaused running; 0: none
    unsigned long long maxOutputBytes = 4ull << 20;
    bool allowNamespaces = true;
};

enum class ParseResult { Run, Help, Version, Error };

ParseResult parseOptions(int argc, char** argv, Options* options, std::string* error);
std::string usage();

} // namespace forkscope

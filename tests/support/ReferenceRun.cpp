#include "tests/support/ReferenceRun.h"

#include <filesystem>
#include <string>
#include <unistd.h>

namespace forkscope::testing {

std::vector<std::string> referenceCommand(const std::string& script) {
    // $0 is the script. After Python ends, PID 1 polls /proc (mounted for this namespace)
    // until it lists no process but PID 1 itself; each `sleep` it runs also makes the shell
    // wait, which collects any orphan that has become its zombie child.
    const std::string shellCommand =
        std::string(kSystemPython) +
        " -u \"$0\"; s=$?; "
        "while set -- /proc/[0-9]*; [ $# -gt 1 ]; do sleep 0.02; done; "
        "exit $s";

    std::vector<std::string> argv{"unshare"};
    if (::geteuid() != 0) {
        argv.emplace_back("--user");
        argv.emplace_back("--map-root-user");
    }
    for (const char* option : {"--pid", "--fork", "--mount-proc", "--kill-child"}) {
        argv.emplace_back(option);
    }
    for (const std::string& word : {std::string("/bin/sh"), std::string("-c"), shellCommand}) {
        argv.push_back(word);
    }
    argv.push_back(script);
    return argv;
}

RunResult runUnderSystemPython(const std::string& script, double timeoutSeconds) {
    const std::filesystem::path path = std::filesystem::absolute(script);
    RunOptions options;
    options.timeoutSeconds = timeoutSeconds;
    options.newSession = true; // a timeout then kills unshare's whole group
    options.workingDirectory = path.parent_path().string();
    return runProcess(referenceCommand(path.string()), options);
}

} // namespace forkscope::testing

#pragma once
// The run's world: a PID namespace with its own /proc, whose PID 1 is a small init of ours
// that starts the script's main process and then adopts and reaps every orphan. Killing that
// init makes the kernel kill everything else in the namespace, so nothing outlives a run.
// Where the kernel refuses namespaces, init is a child subreaper instead: orphans are still
// adopted by it, but pids are the machine's and the cleanup is ours to do.

#include <functional>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace forkscope::sandbox {

enum class Mode { Namespace, Subreaper };
const char* toString(Mode mode) noexcept;

struct Config {
    int cpus = 0; // pin the run to this many CPUs; 0 = every CPU we may use
    unsigned long long memoryLimitBytes = 0; // private memory (RLIMIT_DATA) per process; 0 = none
    bool allowNamespaces = true;
    int controlFd = -1; // the processes' end of the message socket
    int stdoutFd = -1;  // becomes fd 1 of the main process
    int stderrFd = -1;  // becomes fd 2
};

// Where the run's processes keep the message socket: high, so that a script's own files get
// the descriptor numbers they would get under python3.
inline constexpr int kControlFd = 900;

// The name init gives itself. The main process is forked from init and names itself python3
// a moment later, so for that moment it carries this name too (see Observer: no exec).
inline constexpr const char* kInitComm = "forkscope-init";

// The fd numbers the main body finds open (besides 0, 1, 2 and kControlFd): none.

class Sandbox {
public:
    // Starts init, which forks the main process and runs `mainBody` in it; main exits with the
    // value it returns. Returns nullopt with `error` set when nothing could be started.
    static std::optional<Sandbox> launch(const Config& config, const std::function<int()>& mainBody,
                                         std::string* error);

    Sandbox(Sandbox&& other) noexcept;
    Sandbox& operator=(Sandbox&& other) noexcept;
    Sandbox(const Sandbox&) = delete;
    Sandbox& operator=(const Sandbox&) = delete;
    ~Sandbox(); // kills and reaps whatever is left

    Mode mode() const { return mode_; }
    pid_t initPid() const { return initPid_; } // as the engine sees it
    int cpus() const { return cpus_; }         // CPUs the run may use
    // The /proc that shows the run's processes with the pids they see themselves.
    const std::string& procPath() const { return procPath_; }
    // Why namespaces were not used, in subreaper mode.
    const std::string& fallbackReason() const { return fallbackReason_; }

    // Non-blocking: init's wait status once it has exited (then every process of the run is
    // gone in namespace mode). Init exits with the main process's status (128+N for signal N).
    std::optional<int> pollInit();

    // Kills every process of the run. In subreaper mode the engine passes the host pids it
    // knows, since the kernel does not kill a subreaper's descendants for us. Returns init's
    // wait status if this call reaped it.
    std::optional<int> killAll(const std::vector<pid_t>& knownHostPids = {});

private:
    Sandbox() = default;
    void reset() noexcept;

    Mode mode_ = Mode::Namespace;
    pid_t initPid_ = -1;
    int cpus_ = 0;
    bool initReaped_ = false;
    std::string procPath_;
    std::string fallbackReason_;
};

} // namespace forkscope::sandbox

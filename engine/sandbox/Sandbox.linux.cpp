#include "engine/sandbox/Sandbox.h"

#include "engine/channel/Message.h"
#include "engine/channel/SharedState.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace forkscope::sandbox {

const char* toString(Mode mode) noexcept {
    return mode == Mode::Namespace ? "namespace" : "subreaper";
}

namespace {

std::string errnoText(const char* what) {
    return std::string(what) + ": " + std::strerror(errno);
}

bool writeFile(const char* path, const std::string& text) {
    const int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) return false;
    const bool ok = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    close(fd);
    return ok;
}

// Enters a new PID namespace for our next child (and, without root, a user namespace that
// grants the capabilities to mount its /proc). The engine itself stays where it is: unshare
// moves only the children born after it into the new PID namespace.
bool enterNamespaces(std::string* why) {
    const bool root = geteuid() == 0;
    const uid_t uid = getuid();
    const gid_t gid = getgid();
    if (unshare(CLONE_NEWPID | (root ? 0 : CLONE_NEWUSER)) != 0) {
        *why = errnoText("unshare");
        return false;
    }
    if (!root) {
        // Map our ids onto themselves so the script sees the user it runs as.
        const std::string u = std::to_string(uid), g = std::to_string(gid);
        if (!writeFile("/proc/self/setgroups", "deny") ||
            !writeFile("/proc/self/uid_map", u + " " + u + " 1\n") ||
            !writeFile("/proc/self/gid_map", g + " " + g + " 1\n")) {
            *why = errnoText("writing the user namespace's id maps");
            return false;
        }
    }
    return true;
}

int pickCpus(int wanted, cpu_set_t* chosen) {
    cpu_set_t allowed;
    CPU_ZERO(&allowed);
    CPU_ZERO(chosen);
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) return 0;
    const int available = CPU_COUNT(&allowed);
    const int n = (wanted > 0 && wanted < available) ? wanted : available;
    int taken = 0;
    for (int cpu = 0; cpu < CPU_SETSIZE && taken < n; ++cpu) {
        if (CPU_ISSET(cpu, &allowed)) {
            CPU_SET(cpu, chosen);
            ++taken;
        }
    }
    return taken;
}

// Reports a failure of init's set-up to the engine through the ready pipe, then dies.
[[noreturn]] void initFail(int readyFd, const std::string& why) {
    (void)!write(readyFd, why.data(), why.size());
    _exit(127);
}

int encodeStatus(int status) {
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return 1;
}

[[noreturn]] void runInit(const Config& config, Mode mode, const cpu_set_t& cpus, int goFd,
                          int readyFd, const std::function<int()>& mainBody) {
    // If the engine dies, so does init, and with it (in a namespace) every process of the run.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    char go = 0;
    // The engine may have died before the line above took effect; then this read sees EOF.
    if (read(goFd, &go, 1) != 1 || go != 'g') _exit(127);
    close(goFd);
    prctl(PR_SET_NAME, kInitComm);
    // The engine blocks signals it reads through a signalfd and ignores SIGPIPE; the run's
    // processes must start with the defaults, as they would from a shell.
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    signal(SIGPIPE, SIG_DFL);
    // Until the runtime installs its handler, the engine's line-sample signal must not kill:
    // a real-time signal's default action is to terminate.
    signal(channel::sampleSignal(), SIG_IGN);

    if (mode == Mode::Namespace) {
        // A /proc of our own, so that pids, ppids and /proc/PID paths in the script are the
        // namespace's. Private propagation keeps the mount from leaking to the machine.
        if (unshare(CLONE_NEWNS) != 0) initFail(readyFd, errnoText("unshare(CLONE_NEWNS)"));
        if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
            initFail(readyFd, errnoText("making mounts private"));
        if (mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, nullptr) != 0)
            initFail(readyFd, errnoText("mounting /proc"));
    } else {
        if (prctl(PR_SET_CHILD_SUBREAPER, 1) != 0)
            initFail(readyFd, errnoText("PR_SET_CHILD_SUBREAPER"));
        setsid(); // one session to signal as a whole when the run is stopped
    }
    if (sched_setaffinity(0, sizeof cpus, &cpus) != 0)
        initFail(readyFd, errnoText("sched_setaffinity"));

    // Only the run's own descriptors survive: the engine's stdin and stdout (its commands and
    // its event stream) must not be held open by processes the engine does not control.
    if (dup3(config.controlFd, kControlFd, O_CLOEXEC) < 0) initFail(readyFd, errnoText("dup3"));
    const int out = fcntl(config.stdoutFd, F_DUPFD, kControlFd + 1);
    const int err = fcntl(config.stderrFd, F_DUPFD, kControlFd + 2);
    const int readyHigh = fcntl(readyFd, F_DUPFD_CLOEXEC, kControlFd + 3);
    if (out < 0 || err < 0 || readyHigh < 0) initFail(readyFd, errnoText("F_DUPFD"));
    const int devnull = open("/dev/null", O_RDWR);
    if (devnull < 0) initFail(readyFd, errnoText("/dev/null"));
    dup2(devnull, 0);
    dup2(devnull, 1);
    dup2(devnull, 2);
    close_range(3, kControlFd - 1, 0);
    close_range(static_cast<unsigned>(readyHigh) + 1, ~0U, 0);

    (void)!write(readyHigh, "k", 1);
    close(readyHigh);

    const pid_t mainPid = fork();
    if (mainPid < 0) _exit(126);
    if (mainPid == 0) {
        dup2(out, 1);
        dup2(err, 2);
        close(out);
        close(err);
        prctl(PR_SET_NAME, "python3");
        if (config.memoryLimitBytes > 0) {
            // RLIMIT_DATA, not RLIMIT_AS: it counts a process's private writable memory (heap,
            // anonymous mmap: what a script's own objects use) but not MAP_SHARED mappings.
            // The run's arena (queues, locks) is one big shared mapping every process inherits;
            // under RLIMIT_AS its size would count against each process's limit although it
            // costs nothing until used, and what queues hold is bounded by the arena itself.
            const rlimit lim{config.memoryLimitBytes, config.memoryLimitBytes};
            setrlimit(RLIMIT_DATA, &lim);
        }
        _exit(mainBody());
    }
    close(out);
    close(err);

    // PID 1's whole job from here on: reap. Orphans of the run are reparented to us.
    int mainStatus = 1;
    for (;;) {
        int status = 0;
        const pid_t pid = waitpid(-1, &status, 0);
        if (pid < 0) {
            if (errno == EINTR) continue;
            break; // ECHILD: no process of the run is left
        }
        channel::send(kControlFd, {channel::MessageType::Reaped, pid, status, getpid(), 0, {}, {}});
        if (pid == mainPid) mainStatus = encodeStatus(status);
    }
    _exit(mainStatus);
}

} // namespace

std::optional<Sandbox> Sandbox::launch(const Config& config, const std::function<int()>& mainBody,
                                       std::string* error) {
    Sandbox box;
    cpu_set_t cpus;
    box.cpus_ = pickCpus(config.cpus, &cpus);
    if (box.cpus_ == 0) {
        *error = errnoText("sched_getaffinity");
        return std::nullopt;
    }

    box.mode_ = Mode::Subreaper;
    if (!config.allowNamespaces)
        box.fallbackReason_ = "namespaces were disabled";
    else if (enterNamespaces(&box.fallbackReason_))
        box.mode_ = Mode::Namespace;

    int go[2], ready[2];
    if (pipe2(go, O_CLOEXEC) != 0 || pipe2(ready, O_CLOEXEC) != 0) {
        *error = errnoText("pipe");
        return std::nullopt;
    }
    const pid_t pid = fork();
    if (pid < 0) {
        *error = errnoText("fork");
        return std::nullopt;
    }
    if (pid == 0) {
        close(go[1]);
        close(ready[0]);
        runInit(config, box.mode_, cpus, go[0], ready[1], mainBody);
    }
    close(go[0]);
    close(ready[1]);
    box.initPid_ = pid;
    box.procPath_ = box.mode_ == Mode::Namespace ? "/proc/" + std::to_string(pid) + "/root/proc"
                                                 : std::string("/proc");
    (void)!write(go[1], "g", 1);
    close(go[1]);

    // Wait until init has its /proc: the engine must not sample the machine's by mistake.
    std::string reply;
    char buf[256];
    for (;;) {
        const ssize_t n = read(ready[0], buf, sizeof buf);
        if (n > 0) {
            reply.append(buf, static_cast<std::size_t>(n));
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        break;
    }
    close(ready[0]);
    if (reply != "k") {
        *error =
            reply.empty() ? "the run's init died during set-up" : "setting up the run: " + reply;
        return std::nullopt; // the destructor kills and reaps init
    }
    return std::optional<Sandbox>(std::move(box));
}

Sandbox::Sandbox(Sandbox&& other) noexcept {
    *this = std::move(other);
}

Sandbox& Sandbox::operator=(Sandbox&& other) noexcept {
    if (this != &other) {
        killAll();
        mode_ = other.mode_;
        initPid_ = other.initPid_;
        cpus_ = other.cpus_;
        initReaped_ = other.initReaped_;
        procPath_ = std::move(other.procPath_);
        fallbackReason_ = std::move(other.fallbackReason_);
        other.reset();
    }
    return *this;
}

Sandbox::~Sandbox() {
    killAll();
}

void Sandbox::reset() noexcept {
    initPid_ = -1;
    initReaped_ = true;
}

std::optional<int> Sandbox::pollInit() {
    if (initPid_ <= 0 || initReaped_) return std::nullopt;
    int status = 0;
    const pid_t r = waitpid(initPid_, &status, WNOHANG);
    if (r != initPid_) return std::nullopt;
    initReaped_ = true;
    return status;
}

std::optional<int> Sandbox::killAll(const std::vector<pid_t>& knownHostPids) {
    if (initPid_ <= 0) return std::nullopt;
    if (mode_ == Mode::Subreaper) {
        // No namespace to tear down: signal the run's session and every pid we were told of
        // (a process that called setsid() has left the session).
        kill(-initPid_, SIGKILL);
        for (const pid_t p : knownHostPids) {
            if (p > 0) kill(p, SIGKILL);
        }
    }
    std::optional<int> status;
    if (!initReaped_) {
        // In a namespace, killing PID 1 kills every process in it, and init is not reaped
        // until they are all gone: after this wait, nothing of the run is left.
        kill(initPid_, SIGKILL);
        int st = 0;
        while (waitpid(initPid_, &st, 0) < 0 && errno == EINTR) {
        }
        initReaped_ = true;
        status = st;
    }
    initPid_ = -1;
    return status;
}

} // namespace forkscope::sandbox

#include "engine/Engine.h"

#include "engine/channel/Message.h"
#include "engine/runtime/Runtime.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace forkscope {

namespace ev = protocol::events;

namespace {

constexpr int64_t kSampleNs = 10'000'000; // the observer's period: 10 ms
// While the run's processes send word more often than this, the engine reads it once per this
// period, as a network card batches its interrupts (waitOutBurst).
constexpr int64_t kBurstNs = 1'000'000;
constexpr std::size_t kOutChunkBytes = 256 << 10;
// The engine's nice value once the run's first process is forked (which keeps the default):
// where the run wants every CPU, it comes first and the engine takes what is left. A producer
// and a consumer of 100,000 queue items, on two CPUs, shared them with an engine reading their
// op rings; at 10 they moved 25% more items per second (median of paired runs, 30 rounds), at
// 19 28%. Its cost: with five busy processes on two CPUs, a pause took 10 ms to be answered
// (median; 21 ms at most) instead of 0.2, and at 19 a median of 21 ms and up to 98. An idle
// CPU is still the engine's at once, and nice cannot be lowered again without privilege.
constexpr int kEngineNice = 10;

// AddressSanitizer reserves terabytes of address space for its shadow memory, which no
// per-process memory limit allows: a sanitized engine runs scripts without one, and says so.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
constexpr int kStatusLimit = 124;
constexpr int kStatusStopped = 143;

// Reads what one process wrote to a stream socket, with the kernel's word on who wrote it.
// Unix stream sockets with SO_PASSCRED never merge data from different writers into one read.
// `passed`, when given, receives the descriptor a message came with (-1 if none); any other
// descriptor that came along is closed, never leaked into the engine.
ssize_t receive(int fd, char* buf, std::size_t cap, pid_t* sender, int* passed = nullptr) {
    constexpr std::size_t kMaxFds = 4;
    iovec iov{buf, cap};
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(ucred)) + CMSG_SPACE(kMaxFds * sizeof(int))];
    msghdr msg{};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = sizeof control;
    const ssize_t n = recvmsg(fd, &msg, MSG_DONTWAIT | MSG_CMSG_CLOEXEC);
    *sender = 0;
    if (passed) *passed = -1;
    if (n < 0) return n;
    for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
        if (c->cmsg_level != SOL_SOCKET) continue;
        if (c->cmsg_type == SCM_CREDENTIALS) {
            ucred cred;
            std::memcpy(&cred, CMSG_DATA(c), sizeof cred);
            *sender = cred.pid;
        } else if (c->cmsg_type == SCM_RIGHTS) {
            const std::size_t count = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
            for (std::size_t i = 0; i < count; ++i) {
                int passedFd;
                std::memcpy(&passedFd, CMSG_DATA(c) + i * sizeof(int), sizeof passedFd);
                if (passed && *passed < 0 && n > 0)
                    *passed = passedFd;
                else
                    close(passedFd);
            }
        }
    }
    return n;
}

bool socketPair(int type, int* engineEnd, int* runEnd, std::string* error) {
    int sv[2];
    if (socketpair(AF_UNIX, type | SOCK_CLOEXEC, 0, sv) != 0) {
        *error = std::string("socketpair: ") + std::strerror(errno);
        return false;
    }
    const int on = 1;
    setsockopt(sv[0], SOL_SOCKET, SO_PASSCRED, &on, sizeof on);
    fcntl(sv[0], F_SETFL, O_NONBLOCK);
    *engineEnd = sv[0];
    *runEnd = sv[1];
    return true;
}

int statusOf(int waitStatus) {
    if (WIFEXITED(waitStatus)) return WEXITSTATUS(waitStatus);
    if (WIFSIGNALED(waitStatus)) return 128 + WTERMSIG(waitStatus);
    return 1;
}

} // namespace

const char* Engine::version() {
#ifdef FORKSCOPE_VERSION
    return FORKSCOPE_VERSION;
#else
    return "dev";
#endif
}

Engine::Engine(Options options) : options_(std::move(options)) {}

Engine::~Engine() {
    arenaWatcher_.reset();
    observer_.reset();
    sandbox_.reset(); // kills and reaps whatever is left
    for (int fd : {controlFd_, stdoutFd_, stderrFd_, signalFd_, timerFd_}) {
        if (fd >= 0) close(fd);
    }
    channel::unmapSharedState(shared_);
    shm::unmapArena(arena_);
}

double Engine::now() const {
    return shared_ ? channel::scenarioSeconds(*shared_) : 0.0;
}

int Engine::run() {
    std::string error;
    if (access(options_.script.c_str(), R_OK) != 0) {
        const std::string why = std::strerror(errno);
        emit(ev::error(0, 0, "script", "cannot read the script: " + why, options_.script));
        emit(ev::end(0, 2, "error"));
        flushAllOutput();
        return 2;
    }
    if (!setUp(&error)) {
        emit(ev::error(now(), 0, "engine", error));
        emit(ev::end(now(), 1, "error"));
        flushAllOutput();
        return 1;
    }
    loop();
    finish();
    flushAllOutput();
    return endStatus_;
}

bool Engine::setUp(std::string* error) {
    // If whoever started us dies (the GUI, a test), the run must not go on without it.
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    signal(SIGPIPE, SIG_IGN);

    shared_ = channel::mapSharedState();
    if (!shared_) {
        *error = std::string("shared memory: ") + std::strerror(errno);
        return false;
    }
    shared_->speed.store(options_.speed);
    shared_->originNs.store(channel::monotonicNs());
    shared_->paused.store(options_.step ? 1 : 0);
    shared_->setBreakLines(options_.breakLines.data(), options_.breakLines.size());
    // The run's queues and locks live here: mapped now, before init is forked, so that every
    // process of the run sees them at the same address. As much as one process may use
    // (--memory) for what queues hold, plus room for an op ring for each process that logs
    // (20 MiB each on average; one process's chain of rings may grow to 63 MiB).
    const uint64_t rings =
        static_cast<uint64_t>(std::min(options_.maxProcesses + 16, 1024)) * (20u << 20);
    arena_ = shm::mapArena((options_.memoryMiB << 20) + rings);
    if (!arena_) {
        *error = std::string("shared memory for queues and locks: ") + std::strerror(errno);
        return false;
    }

    int runControl = -1, runOut = -1, runErr = -1;
    if (!socketPair(SOCK_SEQPACKET, &controlFd_, &runControl, error) ||
        !socketPair(SOCK_STREAM, &stdoutFd_, &runOut, error) ||
        !socketPair(SOCK_STREAM, &stderrFd_, &runErr, error))
        return false;

    sigset_t mask;
    sigemptyset(&mask);
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGCHLD})
        sigaddset(&mask, s);
    sigprocmask(SIG_BLOCK, &mask, nullptr);
    signalFd_ = signalfd(-1, &mask, SFD_CLOEXEC | SFD_NONBLOCK);
    timerFd_ = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
    const itimerspec period{{0, kSampleNs}, {0, kSampleNs}};
    timerfd_settime(timerFd_, 0, &period, nullptr);

    sandbox::Config config;
    config.cpus = options_.cores;
    config.memoryLimitBytes = kAddressSanitizer ? 0 : options_.memoryMiB << 20;
    config.allowNamespaces = options_.allowNamespaces;
    config.controlFd = runControl;
    config.stdoutFd = runOut;
    config.stderrFd = runErr;
    runtime::Config rc{options_.script, options_.scriptArgs, shared_, arena_, sandbox::kControlFd};
    sandbox_ = sandbox::Sandbox::launch(
        config, [&rc] { return runtime::runMain(rc); }, error);
    close(runControl);
    close(runOut);
    close(runErr);
    if (!sandbox_) return false;
    // Raising one's own nice value is always allowed; failing to is harmless.
    (void)setpriority(PRIO_PROCESS, 0, kEngineNice);

    char cwd[4096];
    emit(ev::start(options_.script, getcwd(cwd, sizeof cwd) ? cwd : "",
                   sandbox::toString(sandbox_->mode()), sandbox_->cpus(),
                   static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN)), options_.speed, options_.step,
                   version(), static_cast<double>(shared_->originNs.load()) / 1e9));
    if (kAddressSanitizer) {
        emit(ev::notice(
            0, "no-memory-limit",
            "this engine is built with AddressSanitizer: processes run without --memory"));
    }
    if (sandbox_->mode() == sandbox::Mode::Subreaper) {
        emit(ev::notice(0, "subreaper",
                        "the kernel refused a PID namespace (" + sandbox_->fallbackReason() +
                            "): pids are the machine's, and the engine's init adopts orphans as "
                            "a child subreaper instead of PID 1"));
    }

    observer_ = std::make_unique<observer::Observer>(
        shared_, sandbox_->cpus(), [this](protocol::Event&& e) { emit(std::move(e)); },
        [this] { return now(); });
    if (!observer_->open(sandbox_->procPath(), sandbox_->initPid(),
                         sandbox_->mode() == sandbox::Mode::Namespace, error))
        return false;
    arenaWatcher_ = std::make_unique<observer::ArenaWatcher>(
        arena_, shared_, [this](protocol::Event&& e) { emit(std::move(e)); });
    observer_->setExitListener(
        [this](int pid, int slot, bool after) { arenaWatcher_->onExit(pid, slot, after); });
    commandsOpen_ = options_.json;
    if (commandsOpen_) fcntl(0, F_SETFL, fcntl(0, F_GETFL) | O_NONBLOCK);
    lastTickNs_ = channel::monotonicNs();
    return true;
}

void Engine::loop() {
    std::vector<pollfd> fds;
    while (!initDone_ && !sinkBroken_) {
        fds.clear();
        fds.push_back({signalFd_, POLLIN, 0});
        fds.push_back({controlFd_, POLLIN, 0});
        fds.push_back({stdoutFd_, POLLIN, 0});
        fds.push_back({stderrFd_, POLLIN, 0});
        fds.push_back({timerFd_, POLLIN, 0});
        fds.push_back({commandsOpen_ ? 0 : -1, POLLIN, 0});
        fds.push_back({out_.pending() ? out_.fd() : -1, POLLOUT, 0}); // the reader took some
        constexpr std::size_t kFixed = 7;
        const auto pidfds = observer_->pidFds();
        for (const auto& [pidfd, pid] : pidfds)
            fds.push_back({pidfd, POLLIN, 0});

        // While operations read from the rings wait to be emitted, only look and come back.
        // After a burst's wait, too: what came in meanwhile is there to read.
        const bool backlog = arenaWatcher_->hasBacklog();
        const bool waited = !backlog && waitOutBurst();
        // Unless the run logs operations too fast to send them all (ArenaWatcher::paced): then
        // it comes back within a millisecond, sooner for anything else.
        const int timeoutMs = backlog && arenaWatcher_->paced() ? 1 : backlog || waited ? 0 : -1;
        const int polled = poll(fds.data(), fds.size(), timeoutMs);
        if (polled < 0) {
            if (errno == EINTR) continue;
            break;
        }
        if (polled == 0 && waited) continue; // nothing came while it waited: the burst is over
        // A burst goes on while word keeps coming: within a millisecond of the last, or while
        // the engine waited.
        const int64_t wokeNs = channel::monotonicNs();
        burstUntilNs_ = waited || wokeNs - lastWakeNs_ < kBurstNs ? wokeNs + kBurstNs : 0;
        lastWakeNs_ = wokeNs;
        // In causal order: a process says hello before anything else, and a parent prints
        // what wait() told it only after the child's exit.
        if (fds[1].revents) readMessages();
        std::vector<observer::Observer::PidFdReady> ready;
        for (std::size_t i = kFixed; i < fds.size(); ++i) {
            if (fds[i].revents)
                ready.push_back({fds[i].fd, pidfds[i - kFixed].second, fds[i].revents});
        }
        if (!ready.empty()) observer_->onPidFds(std::move(ready));
        if (fds[2].revents) readOutput(stdoutFd_, false);
        if (fds[3].revents) readOutput(stderrFd_, true);
        if (fds[5].revents) readCommands();
        if (fds[4].revents) tick();
        if (fds[0].revents) handleSignals();
        if (arenaWatcher_->hasBacklog()) {
            readMessages(); // what processes said before their operations goes out first
            arenaWatcher_->pump();
        }
        flushOutput();
    }
}

// Each time the engine wakes, it takes a CPU from the run's processes for a while: 15 to 25 us
// on a virtual machine's two CPUs, where a Process start+join gives it four reasons to wake (the
// parent's word on the birth, the child's hello, its exit, the parent's word on reaping it). A
// child born while the engine has the other CPU waits for one. So while word comes in a burst,
// it is left to gather and read at most once a millisecond, as a network card batches its
// interrupts: a Process start+join went from about 500 to 420-450 us (forkscope-bench process),
// and the engine's CPU time from 90-140 to 30-40 us a turn. A lone event is still read at once;
// signals and commands (pause, step, stop) are never kept waiting; and a millisecond is a tenth of
// the observer's sampling period.
bool Engine::waitOutBurst() {
    if (burstUntilNs_ == 0) return false;
    for (;;) {
        const int64_t left = burstUntilNs_ - channel::monotonicNs();
        if (left <= 0) break;
        pollfd urgent[] = {{signalFd_, POLLIN, 0}, {commandsOpen_ ? 0 : -1, POLLIN, 0}};
        const timespec timeout{0, static_cast<long>(left)};
        const int n = ppoll(urgent, 2, &timeout, nullptr);
        if (n > 0 || (n < 0 && errno != EINTR)) break;
    }
    burstUntilNs_ = 0;
    return true;
}

void Engine::handleSignals() {
    signalfd_siginfo info;
    while (read(signalFd_, &info, sizeof info) == static_cast<ssize_t>(sizeof info)) {
        switch (info.ssi_signo) {
        case SIGCHLD:
            if (auto status = sandbox_->pollInit()) {
                initDone_ = true;
                initStatus_ = *status;
                observer_->onInitExited(*status);
            }
            break;
        default: // SIGINT, SIGTERM, SIGHUP: end the run, cleanly
            stopRun(Ending::Stopped, 128 + static_cast<int>(info.ssi_signo));
            break;
        }
    }
}

void Engine::readMessages() {
    char buf[channel::kMaxMessageBytes];
    for (;;) {
        pid_t sender = 0;
        int passedFd = -1;
        const ssize_t n = receive(controlFd_, buf, sizeof buf, &sender, &passedFd);
        if (n <= 0) return;
        auto m = channel::decode(std::string_view(buf, static_cast<std::size_t>(n)));
        if (!m) {
            if (passedFd >= 0) close(passedFd);
            continue;
        }
        observer_->onMessage(*m, sender, passedFd);
        if (m->type == channel::MessageType::Hello) checkProcessLimit();
        if (m->type == channel::MessageType::Arena) arenaWatcher_->pump();
        if (m->type == channel::MessageType::Break) {
            // The process paused the run itself (at once, and it waits at its gate); the
            // others must now stop at their next line too.
            emit(ev::breakHit(now(), m->pid, m->a));
            observer_->askAllForLines();
            if (!m->b) emit(ev::mode(now(), true, shared_->speed.load()));
        }
        if (m->type == channel::MessageType::Error) {
            const auto what = static_cast<channel::ErrorWhat>(m->a);
            emit(ev::error(now(), m->pid, channel::toString(what), m->text2, m->text1, m->b));
            if (observer_->isMain(m->pid)) mainFailed_ = true;
            if (what == channel::ErrorWhat::Limit) {
                emit(ev::error(now(), 0, "limit",
                               "process " + std::to_string(m->pid) +
                                   " ran out of memory: each process may use " +
                                   std::to_string(options_.memoryMiB) + " MiB (--memory)"));
                stopRun(Ending::Limit, kStatusLimit);
            }
        }
    }
}

void Engine::readOutput(int fd, bool isStderr) {
    char buf[65536];
    for (;;) {
        pid_t sender = 0;
        const ssize_t n = receive(fd, buf, sizeof buf, &sender);
        if (n <= 0) return;
        const int pid = observer_->runPidOf(sender);
        std::string_view text(buf, static_cast<std::size_t>(n));
        if (outputBytes_ + text.size() > options_.maxOutputBytes) {
            // Keep what still fits: one read may hold far more than the whole budget.
            text = text.substr(0, options_.maxOutputBytes - outputBytes_);
            if (!outputDropped_) {
                outputDropped_ = true;
                emit(ev::notice(now(), "output-dropped",
                                "the run printed more than " +
                                    std::to_string(options_.maxOutputBytes) +
                                    " bytes (--max-output); further output is dropped"));
            }
            if (text.empty()) continue;
        }
        outputBytes_ += text.size();
        if (!options_.json) {
            printOutput(pid, isStderr, text);
        } else if (pendingOutput_ && pendingOutput_->pid == pid &&
                   pendingOutput_->isStderr == isStderr) {
            // print("a", b) is several writes; one event per burst reads better and costs less.
            pendingOutput_->text.append(text);
        } else {
            flushPendingOutput();
            pendingOutput_ = PendingOutput{pid, isStderr, now(), std::string(text)};
        }
    }
}

// Without --json the script's output is the product: it goes to our stdout and stderr, a
// whole line at a time, tagged with its pid once a second process has printed, so that a
// reader can tell who said what.
void Engine::printOutput(int pid, bool isStderr, std::string_view text) {
    printers_.insert(pid);
    std::string& partial = partialLines_[{pid, isStderr}];
    partial.append(text);
    std::size_t start = 0;
    for (std::size_t nl; (nl = partial.find('\n', start)) != std::string::npos; start = nl + 1) {
        std::string line;
        if (printers_.size() > 1) line = "[pid " + std::to_string(pid) + "] ";
        line.append(partial, start, nl - start + 1);
        isStderr ? writeErr(line) : writeOut(line);
    }
    partial.erase(0, start);
}

void Engine::readCommands() {
    char buf[4096];
    for (;;) {
        const ssize_t n = read(0, buf, sizeof buf);
        if (n == 0) {
            commandsOpen_ = false; // no more commands; the run goes on
            return;
        }
        if (n < 0) {
            if (errno != EAGAIN && errno != EINTR) commandsOpen_ = false;
            return;
        }
        commandBuffer_.append(buf, static_cast<std::size_t>(n));
        std::size_t nl;
        while ((nl = commandBuffer_.find('\n')) != std::string::npos) {
            const std::string line = commandBuffer_.substr(0, nl);
            commandBuffer_.erase(0, nl + 1);
            if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
            std::string why;
            if (auto c = protocol::parseCommand(line, &why))
                execute(*c);
            else
                emit(ev::error(now(), 0, "command", why + ": " + line));
        }
    }
}

void Engine::execute(const protocol::Command& c) {
    using T = protocol::Command::Type;
    switch (c.type) {
    case T::Pause:
        shared_->paused.store(1, std::memory_order_release);
        observer_->askAllForLines(); // each stops at its next line, not at its next sample
        emit(ev::mode(now(), true, shared_->speed.load()));
        break;
    case T::Resume:
        shared_->paused.store(0, std::memory_order_release);
        for (auto& s : shared_->slots)
            s.permits.store(0, std::memory_order_relaxed);
        shared_->wakeAllGates();
        emit(ev::mode(now(), false, shared_->speed.load()));
        observer_->onReleased(0);
        break;
    case T::Step: {
        if (!shared_->paused.exchange(1, std::memory_order_acq_rel)) {
            observer_->askAllForLines();
            emit(ev::mode(now(), true, shared_->speed.load()));
        }
        if (c.pid == 0) {
            // Every process goes one line further than where it stops: one still on its way
            // to its gate, or asleep, passes its next gate once. Only one line's worth, though
            // "step" is clicked twice while it sleeps.
            for (int slot : observer_->liveSlots()) {
                if (shared_->slot(slot)->permits.load() == 0) shared_->grantStep(slot);
            }
            observer_->onReleased(0);
        } else if (const int slot = observer_->slotOf(c.pid); slot >= 0) {
            shared_->grantStep(slot);
            observer_->onReleased(c.pid);
        } else {
            emit(
                ev::error(now(), 0, "command", "no process " + std::to_string(c.pid) + " to step"));
        }
        break;
    }
    case T::Speed: {
        // Keep the scenario clock continuous: t = (now - origin) * speed before and after.
        const int64_t nowNs = channel::monotonicNs();
        const double before = shared_->speed.load();
        const auto elapsed = static_cast<double>(nowNs - shared_->originNs.load());
        shared_->originNs.store(nowNs - static_cast<int64_t>(elapsed * before / c.value));
        shared_->speed.store(c.value);
        emit(ev::mode(now(), shared_->paused.load() != 0, c.value));
        break;
    }
    case T::Stop:
        stopRun(Ending::Stopped, kStatusStopped);
        break;
    case T::Break:
        shared_->setBreakLines(c.lines.data(), c.lines.size());
        // Each process takes up (or drops) its tracer when it next notes its line.
        observer_->askAllForLines();
        break;
    }
}

void Engine::tick() {
    uint64_t expirations = 0;
    (void)!read(timerFd_, &expirations, sizeof expirations);
    readMessages(); // what processes said before their operations goes out first
    arenaWatcher_->tick();
    observer_->sample();
    checkProcessLimit();

    const int64_t nowNs = channel::monotonicNs();
    if (!shared_->paused.load()) unpausedSeconds_ += static_cast<double>(nowNs - lastTickNs_) / 1e9;
    lastTickNs_ = nowNs;
    if (options_.timeoutSeconds > 0 && unpausedSeconds_ > options_.timeoutSeconds &&
        ending_ == Ending::None) {
        emit(ev::error(now(), 0, "limit",
                       "the run took longer than " +
                           std::to_string(static_cast<int>(options_.timeoutSeconds)) +
                           " s (--timeout)"));
        stopRun(Ending::Limit, kStatusLimit);
    }
}

void Engine::checkProcessLimit() {
    // Init is the engine's, not the script's: it does not count.
    if (ending_ != Ending::None || observer_->liveCount() - 1 <= options_.maxProcesses) return;
    emit(ev::error(now(), 0, "limit",
                   "the run has more than " + std::to_string(options_.maxProcesses) +
                       " processes (--max-procs); it was stopped"));
    stopRun(Ending::Limit, kStatusLimit);
}

void Engine::stopRun(Ending why, int status) {
    if (ending_ != Ending::None) return;
    ending_ = why;
    endStatus_ = status;
    // Kill first, ask later: the engine reports what happened from what is left. A paused
    // process stays paused: SIGKILL needs no cooperation, and nothing may run past a stop.
    if (auto status2 = sandbox_->killAll(observer_->hostPids())) {
        initStatus_ = *status2;
        observer_->onInitExited(*status2);
    }
    initDone_ = true;
}

void Engine::finish() {
    if (!sandbox_ || !observer_) return;
    if (!initDone_) stopRun(Ending::Stopped, kStatusStopped);
    // Everything the run wrote before it ended is still in the sockets.
    readMessages();
    readOutput(stdoutFd_, false);
    readOutput(stderrFd_, true);
    observer_->endGrace();
    observer_->sample();
    arenaWatcher_->drain();
    arenaWatcher_->tick();
    for (auto& [key, partial] : partialLines_) {
        if (partial.empty()) continue;
        printOutput(key.first, key.second, "\n");
    }
    std::string reason = "finished";
    if (ending_ == Ending::Stopped)
        reason = "stopped";
    else if (ending_ == Ending::Limit)
        reason = "limit";
    else {
        endStatus_ = statusOf(initStatus_);
        if (mainFailed_ && endStatus_ != 0) reason = "error";
    }
    emit(ev::end(now(), endStatus_, reason));
}

void Engine::flushPendingOutput() {
    if (!pendingOutput_) return;
    PendingOutput p = std::move(*pendingOutput_);
    pendingOutput_.reset();
    emit(ev::output(p.t, p.pid, p.isStderr, p.text));
}

void Engine::emit(protocol::Event&& e) {
    if (arenaWatcher_) arenaWatcher_->noteSent(e.t());
    if (pendingOutput_ && e.kind() != protocol::EventKind::Stdout &&
        e.kind() != protocol::EventKind::Stderr)
        flushPendingOutput();
    if (options_.json) {
        e.appendJsonLine(outBuffer_);
        // A long batch (a backlog of operations read at a process's exit, say) goes out as it
        // grows: a buffer of tens of megabytes costs more in page faults and copies as it
        // doubles than the writes do.
        if (outBuffer_.size() >= kOutChunkBytes) queueOutput();
    } else if (e.kind() != protocol::EventKind::Stdout && e.kind() != protocol::EventKind::Stderr) {
        writeErr(e.toText() + "\n");
    }
}

void Engine::writeOut(const std::string& text) {
    outBuffer_ += text;
}
void Engine::writeErr(const std::string& text) {
    errBuffer_ += text;
}

// The events so far go to the queue, and out as far as the reader takes them now.
void Engine::queueOutput() {
    out_.push(std::move(outBuffer_));
    outBuffer_.clear();
    if (out_.writeSome() && out_.pendingBytes() > OutputQueue::kMaxPendingBytes) out_.writeAll();
    sinkBroken_ = sinkBroken_ || out_.broken();
}

void Engine::flushOutput() {
    flushPendingOutput();
    err_.push(std::move(errBuffer_)); // the readable log: whole, as a terminal shows it
    errBuffer_.clear();
    err_.writeAll();
    sinkBroken_ = sinkBroken_ || err_.broken();
    queueOutput();
    if (sinkBroken_ && ending_ == Ending::None && sandbox_)
        stopRun(Ending::Stopped, kStatusStopped);
}

void Engine::flushAllOutput() {
    flushOutput();
    out_.writeAll();
}

} // namespace forkscope

#include "engine/observer/Observer.h"

#include "engine/observer/PidFd.h"
#include "engine/sandbox/Sandbox.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <poll.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utility>

namespace forkscope::observer {

namespace ev = protocol::events;

namespace {

// A process seen in /proc but not yet introduced by its runtime gets this long to do so
// before it is announced from /proc alone (a program that is not Python never will).
constexpr int64_t kHelloGraceNs = 15'000'000;
// A process that did not run between samples cannot have changed its state letter, its
// parent or its line; its stat is still read now and then, to catch what signals do.
constexpr int kStatEverySamples = 10;
// More CPU than answering the engine's line question costs (a few tens of microseconds).
constexpr uint64_t kOwnWakeNs = 200'000;

const char* toState(proc::RunState s) {
    switch (s) {
    case proc::RunState::Running:
        return "running";
    case proc::RunState::Ready:
        return "ready";
    case proc::RunState::Waiting:
        return "waiting";
    case proc::RunState::Stopped:
        return "stopped";
    case proc::RunState::Zombie:
        return "zombie";
    case proc::RunState::Gone:
        return "gone";
    }
    return "waiting";
}

} // namespace

Observer::Observer(channel::SharedState* shared, int cpus, Sink sink, Clock clock)
    : shared_(shared), cpus_(cpus), sink_(std::move(sink)), clock_(std::move(clock)) {}

Observer::~Observer() {
    for (auto& [pid, t] : procs_) {
        if (t.pidfd >= 0) close(t.pidfd);
    }
}

bool Observer::open(const std::string& procPath, pid_t initHostPid, bool inNamespace,
                    std::string* error) {
    inNamespace_ = inNamespace;
    root_ = proc::ProcRoot::open(procPath);
    if (!root_.valid()) {
        *error = "cannot open " + procPath;
        return false;
    }
    initPid_ = inNamespace ? 1 : static_cast<int>(initHostPid);
    const int initPid = initPid_;
    Tracked& init = track(initPid);
    init.name = "init";
    init.how = "init";
    init.ppid = 0;
    init.hello = true;
    init.hostPid = initHostPid;
    hostToRun_[initHostPid] = initPid;
    announce(init);
    lastSampleNs_ = channel::monotonicNs();
    return true;
}

Tracked& Observer::track(int pid) {
    auto [it, inserted] = procs_.try_emplace(pid);
    Tracked& t = it->second;
    if (inserted || t.gone) {
        t = Tracked{};
        t.pid = pid;
        t.firstSeenNs = channel::monotonicNs();
        t.dir = root_.process(pid);
    }
    return t;
}

void Observer::announce(Tracked& t) {
    if (t.announced) return;
    if (t.comm.empty()) {
        if (auto comm = t.dir.comm()) t.comm = *comm;
    }
    if (t.name.empty()) t.name = t.comm.empty() ? "?" : t.comm;
    if (t.ppid == 0 && t.how != "init") {
        if (auto st = t.dir.stat()) t.ppid = st->ppid;
    }
    t.announced = true;
    emit(ev::spawn(clock_(), t.pid, t.ppid, t.name, t.how));
}

void Observer::onMessage(const channel::Message& m, pid_t senderHostPid, int passedFd) {
    // Only a Born's pidfd is kept; whatever else came along is closed when this returns.
    struct Owned {
        int fd;
        ~Owned() {
            if (fd >= 0) close(fd);
        }
    } passed{passedFd};
    switch (m.type) {
    case channel::MessageType::Hello: {
        Tracked& t = track(m.pid);
        reapedStatus_.erase(m.pid); // a new process: an old one's status is not its own
        t.hello = true;
        t.ppid = m.a;
        t.how = channel::toString(static_cast<channel::SpawnHow>(m.b));
        t.slot = m.c;
        t.name = m.text1;
        t.hostPid = senderHostPid;
        hostToRun_[senderHostPid] = m.pid;
        if (t.pidfd < 0 && senderHostPid > 0 && !t.vanished) {
            t.pidfd = openPidFd(senderHostPid);
            // Reaped already: its status comes with its reaper's word (see markGone).
            if (t.pidfd < 0 && errno == ESRCH) t.vanished = true;
        }
        announce(t);
        if (channel::Slot* s = shared_->slot(t.slot)) {
            const int line = s->line.load(std::memory_order_relaxed);
            if (line > 0) {
                t.line = line;
                emit(ev::line(clock_(), t.pid, line));
            }
        }
        break;
    }
    case channel::MessageType::Born: {
        Tracked& t = track(m.pid);
        if (t.announced) break; // the child was quicker
        t.ppid = m.a;
        t.how = channel::toString(static_cast<channel::SpawnHow>(m.b));
        t.name = m.text1;
        announce(t);
        if (t.pidfd < 0 && passed.fd >= 0 && !t.vanished) {
            // The parent's pidfd: the child may never introduce itself (it execs another
            // program, or is killed first), and this is how its exit and status are known.
            if (const pid_t host = hostPidOfPidFd(passed.fd); host >= 0) {
                t.pidfd = std::exchange(passed.fd, -1);
                if (host > 0) {
                    t.hostPid = host;
                    hostToRun_[host] = m.pid;
                }
            }
        }
        if (t.pidfd < 0 && inNamespace_ && senderHostPid > 0 && !t.vanished) {
            // No pidfd came with it: find the child's host pid among the parent's children,
            // for a pidfd of the engine's own.
            if (const pid_t host = findHostPid(senderHostPid, m.pid); host > 0) {
                t.hostPid = host;
                hostToRun_[host] = m.pid;
                t.pidfd = openPidFd(host);
            }
        }
        break;
    }
    case channel::MessageType::Task:
        emit(ev::task(clock_(), m.pid, m.b, m.c,
                      channel::toString(static_cast<channel::TaskOp>(m.a)), m.text1));
        break;
    case channel::MessageType::Gate: {
        auto it = procs_.find(m.pid);
        if (it == procs_.end() || !it->second.announced) break;
        Tracked& t = it->second;
        if (m.a != t.line) {
            t.line = m.a;
            emit(ev::line(clock_(), t.pid, m.a));
        }
        setState(t, "paused", {});
        break;
    }
    case channel::MessageType::Name: {
        auto it = procs_.find(m.pid);
        if (it != procs_.end()) it->second.name = m.text1;
        break;
    }
    case channel::MessageType::Reaped: {
        // Init, the runtime's join() or os.wait*(), reaped a process: the exit status on every
        // kernel, even for a child that exited before the engine heard of it.
        reapedStatus_[m.pid] = m.a;
        auto it = procs_.find(m.pid);
        if (it != procs_.end() && !it->second.gone) {
            if (!it->second.waitStatus) it->second.waitStatus = m.a;
            it->second.ppid = m.b;
            it->second.vanished = false; // its reaper has spoken: nothing more to wait for
            markGone(it->second);
        }
        break;
    }
    case channel::MessageType::Error:
        break; // the engine reports errors itself
    case channel::MessageType::Arena:
        break; // the engine's ArenaWatcher reads the arena
    case channel::MessageType::Break:
        break; // the engine pauses the run itself
    }
}

void Observer::onPidFd(int pidfd, int polledPid, short revents) {
    for (auto& [pid, t] : procs_) {
        if (t.pidfd != pidfd) continue;
        if (pid != polledPid) return; // the fd number now belongs to someone else
        if (revents & POLLHUP) {
            markGone(t);
        } else if ((revents & POLLIN) && !t.exited) {
            anyExitSinceSample_ = true;
            update(t, true);
            if (!t.exited) markExited(t, true); // reaped before the stat could say zombie
            // Its children have just been handed to init: look at them now, not in 10 ms.
            for (auto& [otherPid, other] : procs_) {
                if (other.ppid == pid && !other.gone) update(other, true);
            }
        }
        return;
    }
}

void Observer::onPidFds(std::vector<PidFdReady> ready) {
    const auto depth = [this](int pid) {
        int d = 0;
        for (auto it = procs_.find(pid); it != procs_.end() && it->second.ppid > 0 && d < 64; ++d)
            it = procs_.find(it->second.ppid);
        return d;
    };
    std::stable_sort(
        ready.begin(), ready.end(),
        [&depth](const PidFdReady& a, const PidFdReady& b) { return depth(a.pid) > depth(b.pid); });
    for (const PidFdReady& r : ready)
        onPidFd(r.pidfd, r.pid, r.revents);
}

void Observer::onInitExited(int waitStatus) {
    auto it = procs_.find(initPid_);
    if (it == procs_.end() || it->second.gone) return;
    it->second.waitStatus = waitStatus;
    markGone(it->second);
}

void Observer::markExited(Tracked& t, bool reaped, std::optional<double> at) {
    if (t.exited) return;
    // Seen exited now: the time is taken before the process's last operations are reported,
    // which after a flood of them takes the engine a while.
    const double now = at ? *at : clock_();
    t.exited = true;
    if (!t.announced) announce(t);
    if (!t.waitStatus && t.pidfd >= 0) t.waitStatus = exitStatusFromPidFd(t.pidfd, reaped);
    if (!t.waitStatus) {
        auto r = reapedStatus_.find(t.pid);
        if (r != reapedStatus_.end()) {
            t.waitStatus = r->second;
            reapedStatus_.erase(r); // the pid may be reused
        }
    }
    if (exitListener_) exitListener_(t.pid, t.slot, false);
    if (t.waitStatus && WIFSIGNALED(*t.waitStatus))
        emit(ev::exitSignal(now, t.pid, WTERMSIG(*t.waitStatus)));
    else if (t.waitStatus)
        emit(ev::exitCode(now, t.pid, WEXITSTATUS(*t.waitStatus)));
    else
        emit(protocol::Event(now, t.pid, protocol::EventKind::Exit));
    if (exitListener_) exitListener_(t.pid, t.slot, true);
}

void Observer::markGone(Tracked& t) {
    if (t.gone) return;
    // Seen in a listing, then reaped before it was announced: its hello, and its reaper's word
    // with its status, may still be unread in the socket. It goes when its reaper says so or
    // the grace is over (announceDue), so that it is not reported twice, first as a stranger
    // with no parent and no status.
    if ((!t.announced || t.vanished) && !graceOver_ &&
        channel::monotonicNs() - t.firstSeenNs < kHelloGraceNs) {
        t.vanished = true;
        return;
    }
    const double now = clock_();
    if (!t.exited) markExited(t, true, now);
    t.gone = true;
    emit(ev::reap(now, t.pid, t.ppid));
    if (t.slot >= 0) shared_->release(t.slot);
    if (t.pidfd >= 0) close(t.pidfd);
    t.pidfd = -1;
    t.dir = proc::ProcDir();
    // hostToRun_ keeps the pid: output the process wrote just before it went may still be
    // unread, and must still be attributed to it.
}

std::string Observer::waitReason(Tracked& t, uint32_t* onId) {
    *onId = 0;
    if (channel::Slot* s = shared_->slot(t.slot)) {
        const auto on = static_cast<channel::WaitReason>(s->on.load(std::memory_order_acquire));
        if (on != channel::WaitReason::None) {
            *onId = s->onId.load(std::memory_order_relaxed);
            return channel::toString(on);
        }
    }
    // Not in one of our calls: ask the kernel which system call it is blocked in.
    const auto call = t.dir.syscall();
    if (!call) return {};
    switch (*call) {
    case SYS_wait4:
    case SYS_waitid:
        return "wait";
    case SYS_clock_nanosleep:
    case SYS_nanosleep:
        return "sleep";
    case SYS_read:
    case SYS_readv:
    case SYS_pread64:
    case SYS_write:
    case SYS_poll:
    case SYS_ppoll:
    case SYS_select:
    case SYS_pselect6:
    case SYS_epoll_wait:
    case SYS_epoll_pwait:
    case SYS_recvfrom:
    case SYS_recvmsg:
    case SYS_accept:
    case SYS_accept4:
        return "io";
    default:
        return {};
    }
}

void Observer::setState(Tracked& t, const std::string& state, const std::string& on,
                        uint32_t onId) {
    if (t.state == state && t.on == on && t.onId == onId) return;
    t.state = state;
    t.on = on;
    t.onId = onId;
    const char* key = on == "lock"                               ? "lock"
                      : (on == "queue-get" || on == "queue-put") ? "queue"
                                                                 : "";
    emit(ev::state(clock_(), t.pid, state, on, key, onId));
}

void Observer::update(Tracked& t, bool forceStat) {
    if (t.gone || !t.dir.valid()) return;
    auto sched = t.dir.schedStat();
    if (!sched) {
        markGone(t); // reaped between the listing and now
        return;
    }
    const bool ran =
        !t.haveSched || sched->runNs != t.lastSched.runNs || sched->waitNs != t.lastSched.waitNs;
    const int64_t now = channel::monotonicNs();
    proc::Window w{t.lastSched, *sched,
                   static_cast<uint64_t>(std::max<int64_t>(now - lastSampleNs_, 1))};
    t.runDelta = sched->runNs >= t.lastSched.runNs ? sched->runNs - t.lastSched.runNs : 0;
    const bool needStat = forceStat || ran || t.forceStat ||
                          ++t.samplesSinceStat >= kStatEverySamples || t.letter == 'R' ||
                          t.letter == '?';
    if (needStat) {
        auto st = t.dir.stat();
        if (!st) {
            markGone(t);
            return;
        }
        t.samplesSinceStat = 0;
        t.forceStat = false;
        t.letter = st->stateLetter;
        if (st->comm != t.comm) {
            // Init and the main process are forks of ours that name themselves just after they
            // start (init's name on another process is main before its renaming): a new name,
            // not a new program. Neither runs another program before the script does.
            const bool namedItself = t.pid == initPid_ || t.comm == sandbox::kInitComm;
            if (!t.comm.empty() && t.announced && !namedItself)
                emit(ev::exec(clock_(), t.pid, st->comm));
            t.comm = st->comm;
        }
        // A zombie is adopted too when its parent dies: init then reaps it.
        if (t.announced && st->ppid != t.ppid && st->ppid != 0) {
            emit(ev::reparent(clock_(), t.pid, t.ppid, st->ppid));
        }
        if (st->ppid != 0) t.ppid = st->ppid; // 0: the parent is outside the run (init dying)
        // A zombie's stat carries its wait status (field 52), 0 included.
        if (st->state == proc::TaskState::Zombie && !t.waitStatus) t.waitStatus = st->exitCode;
        t.runState = proc::classify(st->state, w);
    } else if (t.runState == proc::RunState::Running || t.runState == proc::RunState::Ready) {
        t.runState = proc::classify(proc::taskStateFromLetter(t.letter), w);
    }
    t.lastSched = *sched;
    t.haveSched = true;
    // The line it noted since the last look is read before it is asked again: a running
    // process answers within microseconds, and its next line would overwrite the one it noted
    // on leaving a long call (sum() of a big range, say), the line it spent all that time on.
    channel::Slot* s = shared_->slot(t.slot);
    const int noted = s ? s->line.load(std::memory_order_relaxed) : 0;
    // It ran: its line may have moved, so ask it to note where it is for the next look. But a
    // process that stayed asleep and only ran to answer the last question has not moved, and
    // asking again would wake it for ever: only real work or a change of state counts.
    const bool didWork =
        t.runDelta > kOwnWakeNs || t.runState != proc::RunState::Waiting || t.state != "waiting";
    if (ran && didWork && !t.exited) askForLine(t);

    if (!t.announced) return; // states start after spawn
    if (t.runState == proc::RunState::Zombie) {
        markExited(t, false);
        setState(t, "zombie", {});
        return;
    }
    // Lines.
    if (s) {
        if (noted > 0 && noted != t.line) {
            t.line = noted;
            emit(ev::line(clock_(), t.pid, noted));
        }
        if (s->atGate.load(std::memory_order_acquire) && t.runState == proc::RunState::Waiting) {
            setState(t, "paused", {});
            return;
        }
    }
    if (t.runState == proc::RunState::Waiting) {
        // What it waits on changes only if it ran, or if it moved into one of our calls.
        if (ran || t.state != "waiting" || needStat) {
            uint32_t onId = 0;
            const std::string on = waitReason(t, &onId);
            setState(t, "waiting", on, onId);
        } else {
            setState(t, "waiting", t.on, t.onId);
        }
    }
    // running/ready are settled in sample(), once every process's share is known.
}

void Observer::sample() {
    const std::vector<int> pids = root_.listPids();
    for (const int pid : pids) {
        auto it = procs_.find(pid);
        if (it == procs_.end() || it->second.gone) track(pid);
    }
    const bool forceAll = anyExitSinceSample_;
    anyExitSinceSample_ = false;
    for (auto& [pid, t] : procs_) {
        if (t.gone) continue;
        if (!std::binary_search(pids.begin(), pids.end(), pid)) {
            markGone(t); // announced first if it never introduced itself: it did exist
            continue;
        }
        update(t, forceAll);
    }
    announceDue();

    // At most `cpus` processes are really on a CPU at once; the deltas say which.
    std::vector<Tracked*> runnable;
    for (auto& [pid, t] : procs_) {
        if (!t.gone && t.announced && !t.exited &&
            (t.runState == proc::RunState::Running || t.runState == proc::RunState::Ready))
            runnable.push_back(&t);
    }
    std::vector<proc::RunState> states;
    std::vector<uint64_t> deltas;
    for (auto* t : runnable) {
        states.push_back(t->runState);
        deltas.push_back(t->runDelta);
    }
    states = proc::capRunning(std::move(states), deltas, cpus_);
    for (std::size_t i = 0; i < runnable.size(); ++i)
        setState(*runnable[i], toState(states[i]), {});

    lastSampleNs_ = channel::monotonicNs();
    // Forget the reaped, keeping nothing that could be confused with a reused pid.
    std::erase_if(procs_, [](const auto& kv) { return kv.second.gone; });
}

void Observer::announceDue() {
    const int64_t now = channel::monotonicNs();
    for (auto& [pid, t] : procs_) {
        if (t.gone || now - t.firstSeenNs < kHelloGraceNs) continue;
        if (!t.announced) {
            announce(t);
            if (!t.vanished) update(t, true);
        }
        if (t.vanished) markGone(t);
    }
}

pid_t Observer::findHostPid(pid_t parentHostPid, int runPid) {
    proc::ProcRoot host = proc::ProcRoot::open("/proc");
    for (const int pid : host.listPids()) {
        proc::ProcDir d = host.process(pid);
        const auto st = d.stat();
        if (!st || st->ppid != parentHostPid) continue;
        const std::vector<int> ids = d.nsPids();
        if (!ids.empty() && ids.back() == runPid) return pid;
    }
    return 0;
}

int Observer::runPidOf(pid_t hostPid) {
    auto it = hostToRun_.find(hostPid);
    if (it != hostToRun_.end()) return it->second;
    if (!inNamespace_) return static_cast<int>(hostPid);
    // Not introduced (a program the run exec'd, say): the machine's /proc names both pids.
    proc::ProcRoot host = proc::ProcRoot::open("/proc");
    proc::ProcDir d = host.process(static_cast<int>(hostPid));
    const std::vector<int> ids = d.nsPids();
    if (ids.size() >= 2) {
        hostToRun_[hostPid] = ids.back();
        return ids.back();
    }
    return 0;
}

std::vector<std::pair<int, int>> Observer::pidFds() const {
    std::vector<std::pair<int, int>> fds;
    for (const auto& [pid, t] : procs_) {
        if (t.pidfd >= 0 && !t.gone) fds.emplace_back(t.pidfd, pid);
    }
    return fds;
}

std::vector<pid_t> Observer::hostPids() const {
    std::vector<pid_t> out;
    for (const auto& [pid, t] : procs_) {
        if (t.hostPid > 0 && !t.gone) out.push_back(t.hostPid);
    }
    return out;
}

int Observer::liveCount() const {
    return static_cast<int>(std::count_if(procs_.begin(), procs_.end(),
                                          [](const auto& kv) { return !kv.second.gone; }));
}

int Observer::slotOf(int pid) const {
    auto it = procs_.find(pid);
    return it == procs_.end() || it->second.gone ? -1 : it->second.slot;
}

void Observer::askForLine(const Tracked& t) {
    if (t.slot >= 0 && t.pidfd >= 0)
        syscall(SYS_pidfd_send_signal, t.pidfd, channel::sampleSignal(), nullptr, 0);
}

void Observer::askAllForLines() {
    for (const auto& [pid, t] : procs_) {
        if (!t.gone && !t.exited) askForLine(t);
    }
}

bool Observer::isMain(int pid) const {
    auto it = procs_.find(pid);
    return it != procs_.end() && it->second.how == "main";
}

void Observer::onReleased(int pid) {
    for (auto& [p, t] : procs_) {
        if ((pid != 0 && p != pid) || t.gone || t.exited || !t.announced || t.state != "paused")
            continue;
        const auto st = t.dir.stat();
        const channel::Slot* s = shared_->slot(t.slot);
        if (!st || st->state == proc::TaskState::Zombie || st->stateLetter == 'R') {
            // Just woken from its gate: it is taking its line. The next sample says whether it
            // got a CPU (running) or waits for one (ready). Or it has run to its end already,
            // quicker than this look (a busy machine): it ran, and its exit follows; it must
            // not seem paused until then.
            setState(t, "running", {});
        } else if (!(s && s->atGate.load(std::memory_order_acquire))) {
            uint32_t onId = 0;
            const std::string on = waitReason(t, &onId);
            setState(t, "waiting", on, onId); // it already ran on, into a blocking call
        } // else it took its line and is back at its gate: still paused
    }
}

std::vector<int> Observer::liveSlots() const {
    std::vector<int> out;
    for (const auto& [pid, t] : procs_) {
        if (!t.gone && !t.exited && t.slot >= 0) out.push_back(t.slot);
    }
    return out;
}

} // namespace forkscope::observer

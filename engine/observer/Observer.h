#pragma once
// Watches every process of a run: their births, states, lines, exits, reaping and adoption,
// and turns what changed into events. It reads the run's own /proc (so pids are the run's),
// the runtime's shared slots (lines, what a process blocks on, step gates), the messages the
// processes send, and a pidfd per process for the exact moment of exit and reaping.

#include "engine/channel/Message.h"
#include "engine/channel/SharedState.h"
#include "engine/observer/Tracked.h"
#include "engine/proc/ProcRoot.h"
#include "engine/protocol/Event.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace forkscope::observer {

class Observer {
public:
    using Sink = std::function<void(protocol::Event&&)>;
    using Clock = std::function<double()>; // scenario seconds

    Observer(channel::SharedState* shared, int cpus, Sink sink, Clock clock);
    ~Observer();
    Observer(const Observer&) = delete;
    Observer& operator=(const Observer&) = delete;

    // `procPath` shows the run's processes; `initHostPid` is PID 1 of the run as the engine
    // sees it (its own pid in subreaper mode).
    bool open(const std::string& procPath, pid_t initHostPid, bool inNamespace, std::string* error);

    // `passedFd`: a descriptor that came with the message (a Born's pidfd), or -1; the
    // observer keeps it or closes it.
    void onMessage(const channel::Message& m, pid_t senderHostPid, int passedFd = -1);
    // Called for each process of the run that exits, once just before its exit event (the
    // arena's watcher reports the process's last operations) and once just after it
    // (`after`: the watcher settles what the process left unfinished).
    using ExitListener = std::function<void(int pid, int slot, bool after)>;
    void setExitListener(ExitListener listener) { exitListener_ = std::move(listener); }
    // `pid` is the process the pidfd belonged to when the poll began: a pidfd closed and its
    // number reused by another process in the same loop turn must not speak for the new one.
    void onPidFd(int pidfd, int pid, short revents);
    struct PidFdReady {
        int pidfd;
        int pid;
        short revents;
    };
    // The pidfds one poll found ready, taken descendants first: a child that exited before its
    // parent is reported before it, even when the poll saw both at once (else its exit and
    // reap would come after the reap of the parent that reaped it).
    void onPidFds(std::vector<PidFdReady> ready);
    // The engine reaped init (its child): the run is over.
    void onInitExited(int waitStatus);
    // Every message of the run has been read: a process that vanished before it was announced
    // waits no more for its hello or reaper (the next sample reports it gone).
    void endGrace() { graceOver_ = true; }
    // A full look at every process; cheap for those that did not run since the last one.
    void sample();

    // The pid the run sees for a process the engine knows by its host pid; 0 if unknown.
    int runPidOf(pid_t hostPid);
    std::vector<std::pair<int, int>> pidFds() const; // (pidfd, pid)
    std::vector<pid_t> hostPids() const;
    int liveCount() const; // processes not yet reaped, init included
    int slotOf(int pid) const;
    bool isMain(int pid) const;
    // Every live process notes its line now; while paused, that also makes it stop at its next.
    void askAllForLines();
    std::vector<int> liveSlots() const;
    // The engine let processes go (resume; a step: `pid`, or 0 for all): each one shown
    // `paused` is told as it is now, at once, not at the next change a sample happens to see.
    void onReleased(int pid);

private:
    Tracked& track(int pid);
    void announce(Tracked& t);
    void announceDue();
    void update(Tracked& t, bool forceStat);
    void setState(Tracked& t, const std::string& state, const std::string& on, uint32_t onId = 0);
    void markExited(Tracked& t, bool reaped, std::optional<double> at = std::nullopt);
    void markGone(Tracked& t);
    // What a waiting process waits on, and which queue or lock (`*onId`, 0 for none).
    std::string waitReason(Tracked& t, uint32_t* onId);
    pid_t findHostPid(pid_t parentHostPid, int runPid);
    void askForLine(const Tracked& t);
    void emit(protocol::Event&& e) { sink_(std::move(e)); }

    channel::SharedState* shared_;
    int cpus_;
    Sink sink_;
    Clock clock_;
    proc::ProcRoot root_;
    bool inNamespace_ = true;
    int initPid_ = 1;
    bool graceOver_ = false;
    std::map<int, Tracked> procs_; // by run pid, live and recently gone
    std::map<pid_t, int> hostToRun_;
    std::map<int, int> reapedStatus_; // from init: run pid -> wait status
    int64_t lastSampleNs_ = 0;
    bool anyExitSinceSample_ = false;
    ExitListener exitListener_;
};

} // namespace forkscope::observer

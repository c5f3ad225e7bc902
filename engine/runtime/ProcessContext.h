#pragma once
// What one process of the run knows about itself and the engine. A fork copies it; the child
// then takes its own slot (announceSelf), so each process writes only where it is.

#include "engine/channel/Message.h"
#include "engine/channel/SharedState.h"
#include "engine/shm/Arena.h"

#include <string>

namespace forkscope::runtime {

struct ProcessContext {
    channel::SharedState* shared = nullptr;
    shm::Arena* arena = nullptr; // queues and locks (see engine/shm)
    int controlFd = -1;
    int slot = -1;
    int pid = 0;
    std::string script;

    // Set by Process.start() and os.fork just before they fork, so that the child says how it
    // was born and under which name without asking Python.
    channel::SpawnHow pendingHow = channel::SpawnHow::Fork;
    std::string pendingName;

    channel::Slot* mySlot() const { return shared ? shared->slot(slot) : nullptr; }
};

ProcessContext& context();

// Takes a slot and tells the engine this process exists, by `how`, under `name`. The line the
// parent was on is carried over: a fork child is on the same line until it moves.
void announceSelf(channel::SpawnHow how, const std::string& name);

// In a child just forked (after PyOS_AfterFork_Child): announceSelf with the pending birth,
// which is then cleared.
void announceForkedChild();

void sendError(channel::ErrorWhat what, const std::string& file, int line,
               const std::string& message);

// Marks this process as blocked in one of our calls for as long as it lives, so that the
// engine can say what a sleeping process waits on (and which queue or lock: `id`, 0 for none).
class BlockedOn {
public:
    explicit BlockedOn(channel::WaitReason reason, uint32_t id = 0) noexcept;
    ~BlockedOn();
    BlockedOn(const BlockedOn&) = delete;
    BlockedOn& operator=(const BlockedOn&) = delete;

private:
    uint32_t previous_ = 0;
    uint32_t previousId_ = 0;
};

// Wall-clock seconds for `scenarioSeconds` of the lesson's time at the run's current speed.
double realSeconds(double scenarioSeconds) noexcept;

} // namespace forkscope::runtime

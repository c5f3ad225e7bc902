#include "engine/runtime/ProcessContext.h"

#include "engine/runtime/ForkscopeModule.h"
#include "engine/shm/Fence.h"

#include <unistd.h>
#include <utility>

namespace forkscope::runtime {

ProcessContext& context() {
    static ProcessContext ctx;
    return ctx;
}

void announceSelf(channel::SpawnHow how, const std::string& name) {
    shm::registerForFences(); // before this process can touch a lock
    ProcessContext& ctx = context();
    const int parentLine = ctx.mySlot() ? ctx.mySlot()->line.load(std::memory_order_relaxed) : 0;
    ctx.pid = getpid();
    ctx.slot = ctx.shared ? ctx.shared->claim(ctx.pid) : -1;
    if (channel::Slot* s = ctx.mySlot()) s->line.store(parentLine, std::memory_order_relaxed);
    channel::send(ctx.controlFd, {channel::MessageType::Hello,
                                  ctx.pid,
                                  getppid(),
                                  static_cast<int32_t>(how),
                                  ctx.slot,
                                  name,
                                  {}});
}

void announceForkedChild() {
    ProcessContext& ctx = context();
    const channel::SpawnHow how = ctx.pendingHow;
    const std::string name = std::move(ctx.pendingName);
    ctx.pendingHow = channel::SpawnHow::Fork;
    ctx.pendingName.clear();
    announceSelf(how, name);
}

void sendError(channel::ErrorWhat what, const std::string& file, int line,
               const std::string& message) {
    const ProcessContext& ctx = context();
    channel::send(ctx.controlFd, {channel::MessageType::Error, ctx.pid, static_cast<int32_t>(what),
                                  line, 0, file, message});
}

BlockedOn::BlockedOn(channel::WaitReason reason, uint32_t id) noexcept {
    // The line of a blocking call is exact: no need to wait for the engine to ask.
    if (PyGILState_Check()) noteCurrentLine();
    if (channel::Slot* s = context().mySlot()) {
        // The object first: the engine reads `on`, then `onId`.
        previousId_ = s->onId.exchange(id, std::memory_order_relaxed);
        previous_ = s->on.exchange(static_cast<uint32_t>(reason), std::memory_order_release);
    }
}

BlockedOn::~BlockedOn() {
    if (channel::Slot* s = context().mySlot()) {
        s->on.store(previous_, std::memory_order_release);
        s->onId.store(previousId_, std::memory_order_relaxed);
    }
}

double realSeconds(double scenarioSeconds) noexcept {
    const ProcessContext& ctx = context();
    const double speed = ctx.shared ? ctx.shared->speed.load(std::memory_order_relaxed) : 1.0;
    return speed > 0 ? scenarioSeconds / speed : scenarioSeconds;
}

} // namespace forkscope::runtime

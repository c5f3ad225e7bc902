#include "engine/shm/TaskLog.h"

#include <algorithm>
#include <cstring>

namespace forkscope::shm {

bool logTask(Arena& a, const Actor& me, uint32_t pool, uint32_t task, TaskStep step,
             std::string_view func, bool* notify) noexcept {
    if (!me.ring) return false;
    const auto len = static_cast<uint8_t>(std::min<std::size_t>(func.size(), OpRecord::kMaxPrefix));
    OpRecord* r = a.beginOp(me.ring, static_cast<uint8_t>(1 + (len + 31) / 32));
    if (!r) return true; // counted as dropped, and reported so
    r->stamp = stampFor(a, me);
    r->objSeq = step == TaskStep::Error ? 3 : static_cast<uint32_t>(step);
    r->object = pool;
    r->pid = me.pid;
    r->op = static_cast<uint8_t>(OpKind::Task);
    r->flags = len == func.size() ? OpRecord::kWhole : 0;
    r->a = task;
    r->b = static_cast<uint32_t>(step);
    r->prefixLen = len;
    std::memcpy(r->prefix(), func.data(), len);
    const bool halfway = me.ring->commit();
    if (a.shouldNotify() || halfway) *notify = true;
    return true;
}

} // namespace forkscope::shm

#include "engine/observer/QueueReplay.h"

#include "engine/shm/ShmQueue.h"

#include <algorithm>
#include <cstring>

namespace forkscope::observer {

QueueReplay::Held::Held(const shm::OpRecord& r) {
    std::memcpy(cells, &r, std::min<std::size_t>(r.cells, 4) * sizeof(shm::OpRecord));
}

void QueueReplay::noteRead(const shm::OpRecord& r) noexcept {
    const auto kind = static_cast<shm::OpKind>(r.op);
    if (kind == shm::OpKind::QueueLost && (r.flags & shm::OpRecord::kLostPut)) return;
    uint64_t& read = kind == shm::OpKind::QueuePut ? putsRead_ : getsRead_;
    read = std::max(read, unwrap(r.a, read));
}

void QueueReplay::observe() noexcept {
    if (!queue_) return;
    realHead_ = queue_->head.load(std::memory_order_acquire);
    realTail_ = queue_->tail.load(std::memory_order_acquire);
}

// A side is complete when nothing of it is missing before its held records, and the records
// read reach the position the queue itself showed after the last read of the rings.
bool QueueReplay::putsComplete() const noexcept {
    return (puts_.empty() || puts_.begin()->first == tail_ + 1) &&
           (!queue_ || realTail_ <= putsRead_);
}

bool QueueReplay::getsComplete() const noexcept {
    return (gets_.empty() || gets_.begin()->first == head_ + 1) &&
           (!queue_ || realHead_ <= getsRead_);
}

QueueReplay::Next QueueReplay::choose(const shm::OpRecord* put, const shm::OpRecord* get,
                                      uint64_t horizon) const {
    const bool putCan = put && (capacity_ == 0 || tail_ + 1 <= head_ + capacity_);
    const bool getCan = get && head_ + 1 <= tail_;
    if (putCan && getCan) return put->stamp <= get->stamp ? Next::Put : Next::Get;
    // Alone, it goes when the other side's next operation needs it first (a get, when the
    // queue is empty; a put, when it is full), or when that side has nothing that could have
    // come before it: no operation done and not read, none read and not added before it.
    const bool empty = head_ == tail_;
    const bool full = capacity_ != 0 && tail_ - head_ >= capacity_;
    if (putCan && (empty || (put->stamp <= horizon && getsComplete()))) return Next::Put;
    if (getCan && (full || (get->stamp <= horizon && putsComplete()))) return Next::Get;
    return Next::Wait;
}

QueueReplay::Next QueueReplay::next(uint64_t horizon) const {
    if (!holding()) return Next::Nothing;
    const bool put = !puts_.empty() && puts_.begin()->first == tail_ + 1;
    const bool get = !gets_.empty() && gets_.begin()->first == head_ + 1;
    return choose(put ? &puts_.begin()->second.record() : nullptr,
                  get ? &gets_.begin()->second.record() : nullptr, horizon);
}

void QueueReplay::sendPut(const Emit& emit) {
    const auto it = puts_.begin();
    tail_ = it->first;
    emit(it->second.record(), size());
    puts_.erase(it);
}

void QueueReplay::sendGet(const Emit& emit) {
    const auto it = gets_.begin();
    head_ = it->first;
    emit(it->second.record(), size());
    gets_.erase(it);
    sendLostAfter(emit);
}

// What a dead getter lost right after taking it, or before a get that was given up on.
void QueueReplay::sendLostAfter(const Emit& emit) {
    while (!lostAfter_.empty() && lostAfter_.begin()->first <= head_) {
        emit(lostAfter_.begin()->second.record(), size());
        lostAfter_.erase(lostAfter_.begin());
    }
}

bool QueueReplay::run(uint64_t horizon, const Emit& emit) {
    bool sent = false;
    for (;;) {
        switch (next(horizon)) {
        case Next::Put:
            sendPut(emit);
            break;
        case Next::Get:
            sendGet(emit);
            break;
        case Next::Wait:
        case Next::Nothing:
            return sent;
        }
        sent = true;
    }
}

void QueueReplay::add(const shm::OpRecord& r, int64_t readNs, const Emit& emit) {
    const auto kind = static_cast<shm::OpKind>(r.op);
    if (kind == shm::OpKind::QueueLost && (r.flags & shm::OpRecord::kLostPut)) {
        emit(r, size()); // the item never got in: nothing moves
        return;
    }
    const bool put = kind == shm::OpKind::QueuePut;
    const uint64_t position = put ? tail_ : head_;
    const uint64_t at = unwrap(r.a, position);
    if (at <= position) {
        // Late, after its place was given up on; or a lost get after its get: at once, moving
        // nothing back.
        emit(r, size());
        return;
    }
    auto& side = put ? puts_ : gets_;
    if (kind != shm::OpKind::QueueLost && at == position + 1 && side.empty()) {
        // The commonest case, a record that is its side's next: when it can go at once it
        // goes without being held, which would cost more than the rest of its replay.
        const auto& other = put ? gets_ : puts_;
        const uint64_t otherNext = (put ? head_ : tail_) + 1;
        const shm::OpRecord* o = !other.empty() && other.begin()->first == otherNext
                                     ? &other.begin()->second.record()
                                     : nullptr;
        if (choose(put ? &r : o, put ? o : &r, r.stamp) == (put ? Next::Put : Next::Get)) {
            (put ? tail_ : head_) = at;
            emit(r, size());
            if (!put) sendLostAfter(emit);
            if (holding()) run(r.stamp, emit);
            stuckSinceNs_ = holding() ? readNs : -1;
            return;
        }
    }
    if (kind == shm::OpKind::QueueLost) {
        // A getter that died with the item: after its get if that has a record, in its place
        // otherwise.
        if (side.count(at))
            lostAfter_.try_emplace(at, r);
        else
            side.try_emplace(at, r);
    } else {
        if (!put && side.count(at)) { // the lost record came first: it goes after this one
            lostAfter_.insert(side.extract(at));
        }
        side.try_emplace(at, r);
    }
    const bool sent = run(r.stamp, emit);
    if (!holding())
        stuckSinceNs_ = -1;
    else if (sent || stuckSinceNs_ < 0)
        stuckSinceNs_ = readNs;
}

void QueueReplay::force(const Emit& emit) {
    // Records of operations the queue shows done are not coming any more.
    putsRead_ = std::max(putsRead_, realTail_);
    getsRead_ = std::max(getsRead_, realHead_);
    if (next(UINT64_MAX) != Next::Wait) return;
    // A gap in one side, or an operation whose cause never came: the oldest goes past it, and
    // the positions stay such that the size never leaves [0, maxsize].
    const bool put = !puts_.empty() && (gets_.empty() || puts_.begin()->second.record().stamp <=
                                                             gets_.begin()->second.record().stamp);
    if (put) {
        const uint64_t at = puts_.begin()->first;
        tail_ = at - 1;
        if (capacity_ != 0 && at > head_ + capacity_) head_ = at - capacity_;
        sendPut(emit);
    } else if (!gets_.empty()) {
        const uint64_t at = gets_.begin()->first;
        head_ = at - 1;
        tail_ = std::max(tail_, at);
        sendGet(emit);
    } else {
        while (!lostAfter_.empty()) { // only lost records, past their gets: they go as they are
            emit(lostAfter_.begin()->second.record(), size());
            lostAfter_.erase(lostAfter_.begin());
        }
    }
}

void QueueReplay::advance(uint64_t horizon, int64_t lastReadNs, int64_t gapWaitNs,
                          bool recordsDropped, const Emit& emit) {
    bool sent = run(horizon, emit);
    if (holding() && !sent &&
        (recordsDropped || (stuckSinceNs_ >= 0 && lastReadNs - stuckSinceNs_ >= gapWaitNs))) {
        // Dropped records never come: nothing waits for them. A record that did not come in
        // the gap wait is not coming either (its process died between its operation and its
        // record): one is given up on at a time, each after its own wait.
        do {
            force(emit);
            run(UINT64_MAX, emit);
        } while (recordsDropped && holding());
        sent = true;
    }
    if (!holding())
        stuckSinceNs_ = -1;
    else if (sent || stuckSinceNs_ < 0)
        stuckSinceNs_ = lastReadNs;
}

} // namespace forkscope::observer

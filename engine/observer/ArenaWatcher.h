#pragma once
// Turns what happens in the arena (engine/shm) into events: every queue and lock operation,
// read from the op rings the processes log into (`queue`, `lock`), the whole contents of each
// queue that changed, read from the arena itself (`queue-state`), and what a dying process
// leaves behind (`queue` op lost, locks marked for recovery).
//
// It never takes a lock of the run and never waits for a process: what it cannot read
// consistently now it reads at the next look.

#include "engine/channel/SharedState.h"
#include "engine/observer/QueueReplay.h"
#include "engine/protocol/Event.h"
#include "engine/shm/Arena.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace forkscope::observer {

class ArenaWatcher {
public:
    using Sink = std::function<void(protocol::Event&&)>;

    ArenaWatcher(shm::Arena* arena, channel::SharedState* shared, Sink sink);

    // Reads every op ring: the new operations become events, in the order they happened,
    // then each queue that changed reports its contents.
    void drain();
    // Reads every op ring, and emits a batch of what it read so far; true while some is left
    // (the engine comes back at once). The engine pumps while processes run: a long backlog
    // goes out in batches, and the rings are read again between them.
    bool pump();
    bool hasBacklog() const { return !pending_.empty(); }
    // True while the run logs operations faster than the engine sends them a few at a time:
    // then each pump sends only a few, and the engine leaves the CPUs to the run for a
    // millisecond before it pumps again. Sending an operation costs the engine more than doing
    // it costs a process, and a producer and a consumer on two CPUs moved about a third fewer
    // items per second while the engine sent flat out beside them. The rest goes as soon as
    // the run slows down, or when the backlog grows large.
    bool paced() const { return paced_; }
    // The time of an event the engine just sent. A task's step is sent no earlier than what
    // went before it: its own time is exact, but an event the engine makes from a message
    // (a spawn, say) carries the time the engine read it, a little after it happened, and a
    // step that followed it (a submit to a pool's new worker) must not seem to come first.
    // Task steps came as messages before they came through the op log, with the time the
    // engine read them: this keeps them in that order. Queue and lock operations keep their
    // exact time (docs/protocol.md).
    void noteSent(double t) { floor_ = std::max(floor_, t); }
    // Once per sampling period: drain, report operations that did not fit in a ring, and let
    // processes tell the engine about their next operation again.
    void tick();
    // Process `pid`, in `slot`, has exited. Before its exit event: its last operations are
    // reported. After it: an operation it left unfinished is settled (and what it lost
    // reported), and the locks it held are marked so that the next acquirer recovers them.
    void onExit(int pid, int slot, bool afterExitEvent);

private:
    struct Held {
        shm::OpRecord cells[4]; // the record and its prefix
        int64_t sinceNs = 0;
        const shm::OpRecord& record() const { return cells[0]; }
    };
    using Key = std::tuple<int, uint32_t, uint32_t>; // (family, object id, task id or 0)
    // An object's operations waiting for an earlier one, in its order (equal numbers, which
    // only a bug could log, in the order they came), and how many began waiting at each time:
    // after a drop thousands wait, and neither releasing the next nor finding the longest
    // wait may look at each of them.
    struct HeldOps {
        std::multimap<uint32_t, Held> bySeq;
        std::map<int64_t, uint32_t> since;
    };

    // Records copied out of the rings wait in fixed chunks, which are handed back to a spare
    // list once emitted and kept for the run: a backlog in one growing array would copy all it
    // holds as it grows, and touch fresh pages each time, delaying the next look at the rings
    // while busy processes fill them.
    static constexpr std::size_t kChunkCells = 2048; // 64 KiB
    struct Chunk {
        shm::OpRecord cells[kChunkCells];
        std::size_t end = 0; // cells used; a record never spans two chunks
    };
    struct Backlog {
        // A slot's records, oldest first from `first` on (not a deque, which would allocate
        // for each of the 1024 slots at once).
        std::vector<std::unique_ptr<Chunk>> chunks;
        std::size_t first = 0; // the chunk being emitted
        std::size_t next = 0;  // in it: the first cell not emitted yet
        bool empty() const { return first == chunks.size(); }
        const shm::OpRecord& front() const { return chunks[first]->cells[next]; }
    };
    void append(Backlog& backlog, const shm::OpRecord& r);
    void advance(Backlog& backlog);
    // A LockRun stands for `a` operations from objSeq: what is left of it after the first
    // `from` goes to `out` as a run of its own.
    void appendRun(Backlog& out, const shm::OpRecord& run, uint32_t from);
    // The open run of `ring` (slot's last), what it holds beyond what was read before.
    void readOpenRun(std::size_t slot, shm::Offset ringOffset, const shm::OpRing& ring,
                     Backlog& out);
    void collect();
    void emitCollected(std::size_t budget);
    void settleHeldAndStates();
    void emitInOrder(const shm::OpRecord& r, bool gapsExpected);
    void releaseHeld(const Key& key, bool all);
    void emitOp(const shm::OpRecord& r);
    void emitQueueStates(bool force);
    void unchainRings();
    void refreshObjects();
    QueueReplay& replayOf(uint32_t queue);
    // A queue's operation, read from a ring, goes to its replay (which sends it in its turn).
    void queueRecord(const shm::OpRecord& r, bool gapsExpected);
    // The replays that hold records back, once more records or the queues' positions came.
    void advanceQueues(bool gapsExpected);
    void emitQueueOp(const shm::OpRecord& r, long long size);
    double secondsOf(uint64_t stamp);
    double now() const;
    std::string itemRepr(const char* prefix, std::size_t have, uint32_t len) const;

    shm::Arena* arena_;
    double floor_ = 0;
    channel::SharedState* shared_;
    Sink sink_;

    // The op stamps' clock against CLOCK_MONOTONIC, measured at the start and at each look.
    uint64_t stamp0_ = 0;
    int64_t ns0_ = 0;
    double nsPerStamp_ = 1.0;

    int64_t lastCollectNs_ = 0;    // when the rings were last read
    std::size_t readByLook_ = 0;   // cells the last look at the rings read
    std::size_t backlogCells_ = 0; // cells read and not emitted yet
    bool paced_ = false;
    uint64_t unreadAtLastPump_ = 0; // cells the rings held, unread, at the last paced pump
    struct Unread {
        uint64_t cells = 0;
        bool filling = false; // a process's ring holds more than a paced pump leaves there
    };
    Unread unread() const;
    std::map<Key, uint32_t> nextSeq_; // the next objSeq of each object
    std::map<Key, HeldOps> held_;     // operations waiting for an earlier one
    uint64_t droppedReported_ = 0, droppedSeen_ = 0, droppedHeld_ = 0;
    std::vector<Backlog> backlog_ = std::vector<Backlog>(shm::Arena::kMaxSlots);
    std::vector<std::unique_ptr<Chunk>> spareChunks_;
    std::set<std::size_t> pending_; // slots with a backlog
    // Per slot: the open run read so far (the ring, the run's position, operations read), so
    // that once committed only the rest of it is read.
    struct OpenRun {
        shm::Offset ring = 0;
        uint64_t pos = 0;
        uint32_t read = 0;
    };
    std::vector<OpenRun> openRuns_ = std::vector<OpenRun>(shm::Arena::kMaxSlots);
    int deadSlot_ = -1; // its process died: its open run is read even if caught mid-change

    uint32_t scanned_ = 0;          // directory entries looked at
    std::vector<uint32_t> unready_; // entries being created when last looked at
    std::vector<shm::Offset> queues_, locks_;
    std::vector<QueueReplay> replays_; // of each queue, by id (1, 2...)
    std::set<uint32_t> waitingQueues_; // ids of those holding records back
    QueueReplay::Emit emitQueue_ = [this](const shm::OpRecord& r, long long size) {
        emitQueueOp(r, size);
    };
    // The positions of the contents last reported: the same positions, the same contents.
    std::map<shm::Offset, std::pair<uint64_t, uint64_t>> shownAt_;
};

} // namespace forkscope::observer

#pragma once

// What every process of a run did over time, built from the engine's events alone (like
// RunModel, which only knows the present): per process, the intervals of each state, the orphan
// period, and point markers (spawn, exec, exit, reap, reparent, and whatever per-process events
// the engine adds later: queue put/get, lock acquire/release, task start/done, ...). Queryable at
// any instant: "what was every process doing at t?". Also the counts of processes in each state
// over time, and each queue's length over time, for the charts.
//
// Marker kinds are data, not code: a per-process event that is not a state, line or output
// becomes a marker named after its kind, with "-" and its `op` when it has one ("queue-put",
// "lock-acquire", "task-done"), and keeps its fields. Views map kinds to glyphs with a fallback,
// so a kind the engine adds tomorrow shows up without a change here.

#include "core/EngineEvent.h"
#include "core/RunModel.h" // ProcState

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <array>

// One interval of one state. `end` < 0: it lasts until now (the process is still in it).
struct StateSpan {
    double start = 0.0;
    double end = -1.0;
    ProcState state = ProcState::Running;
    QString on;     // with Waiting: sleep, join, wait, io, queue-get, queue-put, lock, ...
    QString detail; // what else the state event said (e.g. "queue 1"), empty mostly

    bool isOpen() const { return end < 0; }
    double endOr(double now) const { return end < 0 ? now : end; }
};

struct HistoryMarker {
    double t = 0.0;
    QString kind;       // spawn, exec, exit, reap, reparent, error, queue-put, lock-acquire, ...
    QJsonObject fields; // the event as it came
};

// One process of the run, from its spawn to its reap: one lane of the timeline.
struct ProcessHistory {
    int serial = -1; // spawn order in the run, as RunModel's serial
    int pid = 0;
    int ppid = 0; // the parent at spawn
    int parentSerial = -1;
    QString name;
    QString how; // init, main, fork, process
    double born = 0.0;
    double exited = -1.0;      // its exit event, < 0 before
    double gone = -1.0;        // its reap, < 0 before
    double orphanSince = -1.0; // the reparent, < 0 if it never was an orphan
    int adopter = 0;
    QList<StateSpan> spans;       // in time order, without gaps, from born to gone (or now)
    QList<HistoryMarker> markers; // in time order

    bool existsAt(double t) const { return t >= born && (gone < 0 || t < gone); }
    bool isOrphanAt(double t) const { return orphanSince >= 0 && t >= orphanSince; }
    // The index of the span holding t (the last one starting at or before t), -1 if none.
    qsizetype spanIndexAt(double t) const;
    const StateSpan* spanAt(double t) const;
    // The first span that ends after t (or is open): where a painter starts for a range.
    qsizetype firstSpanEndingAfter(double t) const;
    // The first marker at or after t.
    qsizetype firstMarkerAtOrAfter(double t) const;
};

// The states the charts count, in stacking order (Reaped is never counted: it is gone).
inline constexpr std::array kCountedStates{ProcState::Running, ProcState::Ready,
                                           ProcState::Waiting, ProcState::Paused,
                                           ProcState::Stopped, ProcState::Zombie};
inline constexpr int kCountedStateCount = int(kCountedStates.size());
int countedStateIndex(ProcState state); // -1 for Reaped

// From `t` on (until the next sample), this many of the script's processes were in each state
// (indexed as kCountedStates). PID 1, the engine's init, is not counted.
struct StateCounts {
    double t = 0.0;
    std::array<int, kCountedStateCount> n{};
    int total() const;
};

struct QueueSample {
    double t = 0.0;
    int size = 0;
};

struct QueueHistory {
    int id = 0;
    int capacity = 0;           // 0: unbounded or not said
    QList<QueueSample> samples; // one per `queue` event with a `size`, in time order
    int sizeAt(double t) const; // 0 before the first sample
};

// What one process was doing at one instant.
struct InstantState {
    int serial = -1;
    int pid = 0;
    QString name;
    bool exists = false; // false before its spawn and after its reap
    bool gone = false;   // reaped at or before t
    ProcState state = ProcState::Running;
    QString on;
    QString detail;
    bool orphan = false;
    double since = 0.0; // when it entered this state
};

class StateHistory : public QObject {
    Q_OBJECT

public:
    explicit StateHistory(QObject* parent = nullptr);

    // Applies events in order, then emits changed() once.
    void apply(const QList<EngineEvent>& events);
    void apply(const EngineEvent& event);
    void clear();

    // The marker kind an event gives, empty if it gives none (data-driven, see above).
    static QString markerKind(const EngineEvent& event);

    const QList<ProcessHistory>& processes() const { return m_processes; }
    const ProcessHistory* process(int serial) const;
    const ProcessHistory* latest(int pid) const; // the latest with this pid, possibly reaped

    bool started() const { return m_started; }
    bool ended() const { return m_ended; }
    double now() const { return m_now; } // the latest event's t
    int cpus() const { return m_cpus; }

    // What each process that existed at t was doing then, in spawn order.
    QList<InstantState> at(double t) const;
    InstantState stateOf(int serial, double t) const;

    // The counts of processes in each state, as a step function: one sample per change.
    const QList<StateCounts>& counts() const { return m_counts; }
    StateCounts countsAt(double t) const;
    // The step function sampled for a chart: exact steps when there are few changes, else
    // the value at `maxPoints` evenly spaced instants from 0 to now (never more points).
    QList<StateCounts> countSeries(int maxPoints) const;

    const QMap<int, QueueHistory>& queues() const { return m_queues; }

signals:
    void cleared();
    void processAdded(int serial);
    // Once per apply(): something changed (the views repaint at most once per batch).
    void changed();

private:
    void applyOne(const EngineEvent& event);
    ProcessHistory* current(int pid); // the latest record unless it is gone
    void setState(ProcessHistory& p, double t, ProcState state, const QString& on = {},
                  const QString& detail = {});
    void endLife(ProcessHistory& p, double t);
    // Moves one counted process from one state to another (-1: none) at t.
    void recount(const ProcessHistory& p, double t, int from, int to);
    static void addMarker(ProcessHistory& p, const EngineEvent& event, const QString& kind);

    QList<ProcessHistory> m_processes;
    QHash<int, int> m_latestByPid;
    QList<StateCounts> m_counts;
    StateCounts m_current; // the counts now
    QMap<int, QueueHistory> m_queues;
    double m_now = 0.0;
    int m_cpus = 0;
    bool m_started = false;
    bool m_ended = false;
};

#pragma once

// Decides, event by event, whether a step's moment has occurred in a run: feed it the run's
// events in order (live, as they arrive, or a whole recording) and it says at which event the
// moment came. Each moment is looked for on its own, from the start of the run: its `count`
// is the occurrence that counts. Pure logic, no Qt objects.

#include "core/EngineEvent.h"
#include "core/LessonMoment.h"
#include "core/LessonProcessTable.h"

#include <QHash>
#include <QList>
#include <QString>

class LessonMomentMatcher {
public:
    explicit LessonMomentMatcher(const LessonMoment& moment);

    const LessonMoment& moment() const { return m_moment; }
    void reset();
    // Takes the next event of the run. True exactly once: at the event where the moment
    // occurs (its count-th occurrence). Events after that are still taken, and ignored.
    bool feed(const EngineEvent& event);
    bool hasOccurred() const { return m_occurred; }
    int occurrences() const { return m_seen; }
    // When it occurred: the process concerned (0 for start and end), and the event's time.
    int pid() const { return m_pid; }
    double time() const { return m_time; }

    // The index in `events` of the event where the moment occurs, -1 if it never does.
    static qsizetype find(const LessonMoment& moment, const QList<EngineEvent>& events);

private:
    // How many occurrences `event` is (usually 0 or 1; an output event may hold several lines).
    int occurrencesIn(const EngineEvent& event);
    // Whether the step's `who` names this process (never PID 1 unless it says `init`).
    bool concerns(int pid) const;
    // Whether the engine reported this process gone without a status (see
    // LessonProcessTable::apply): its `reap` then is no reaping either.
    bool lostSightOf(int pid) const;

    LessonMoment m_moment;
    LessonProcessTable m_table;
    QHash<int, QString> m_partialLines; // pid -> output not yet ended by a newline
    QHash<int, int> m_brokeAt;          // pid -> the line a breakpoint stopped it before
    bool m_seenAgain = false;           // the event is the spawn of a process the engine had lost
    int m_seen = 0;
    bool m_occurred = false;
    int m_pid = 0;
    double m_time = -1.0;
};

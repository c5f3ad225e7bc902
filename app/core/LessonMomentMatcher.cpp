#include "core/LessonMomentMatcher.h"

#include <QJsonValue>

namespace {

using Kind = LessonMoment::Kind;

// The exit code as Python reports it: the code, or minus the signal number.
std::optional<int> exitCodeOf(const EngineEvent& event) {
    if (event.has(QLatin1StringView("code"))) return event.integer(QLatin1StringView("code"));
    if (event.has(QLatin1StringView("signal"))) return -event.integer(QLatin1StringView("signal"));
    return std::nullopt;
}

QString kindOf(const EngineEvent& event) {
    // The name as written, so that kinds this build does not know yet (queue, lock, task)
    // can still be matched.
    return event.fields.value(QLatin1StringView("kind")).toString();
}

} // namespace

LessonMomentMatcher::LessonMomentMatcher(const LessonMoment& moment) : m_moment(moment) {}

void LessonMomentMatcher::reset() {
    m_table.clear();
    m_partialLines.clear();
    m_brokeAt.clear();
    m_seen = 0;
    m_occurred = false;
    m_pid = 0;
    m_time = -1.0;
}

bool LessonMomentMatcher::feed(const EngineEvent& event) {
    if (event.kind == EventKind::Start) reset(); // a new run
    const LessonProcessTable::Process* known = m_table.find(event.pid);
    m_seenAgain = event.kind == EventKind::Spawn && known && known->lostSight;
    m_table.apply(event);
    if (m_occurred) return false;
    const int found = occurrencesIn(event);
    if (found == 0) return false;
    m_seen += found;
    if (m_seen < m_moment.count) return false;
    m_occurred = true;
    m_pid = event.pid;
    m_time = event.t;
    return true;
}

bool LessonMomentMatcher::lostSightOf(int pid) const {
    const LessonProcessTable::Process* p = m_table.find(pid);
    return p && p->lostSight;
}

bool LessonMomentMatcher::concerns(int pid) const {
    // PID 1 is the engine's reaper: it is only ever meant when a step says so.
    const LessonProcessTable::Process* p = m_table.find(pid);
    const bool init = pid == 1 || (p && p->how == QLatin1String("init"));
    if (init) return m_moment.who == QLatin1String("init");
    return m_table.matches(pid, m_moment.who);
}

int LessonMomentMatcher::occurrencesIn(const EngineEvent& event) {
    const LessonMoment& m = m_moment;
    const QString kind = kindOf(event);

    if (m.kind == Kind::Start) return event.kind == EventKind::Start ? 1 : 0;
    if (m.kind == Kind::End) return event.kind == EventKind::End ? 1 : 0;

    // Output is cut into lines first: a line may come in several events, and an event may
    // hold several lines. A line counts once it is complete (or its process has ended).
    if (m.kind == Kind::Output) {
        if (event.kind != EventKind::Stdout && event.kind != EventKind::Exit) return 0;
        QString& pending = m_partialLines[event.pid];
        QStringList lines;
        if (event.kind == EventKind::Stdout) {
            pending += event.text(QLatin1StringView("text"));
            const qsizetype end = pending.lastIndexOf(QLatin1Char('\n'));
            if (end < 0) return 0;
            lines = pending.left(end).split(QLatin1Char('\n'));
            pending.remove(0, end + 1);
        } else {
            if (pending.isEmpty()) return 0;
            lines << pending;
            pending.clear();
        }
        if (!concerns(event.pid)) return 0;
        int found = 0;
        for (const QString& line : lines)
            if (line.contains(m.detail)) ++found;
        return found;
    }

    bool hit = false;
    switch (m.kind) {
    case Kind::Line:
        // A breakpoint (docs/protocol.md, `break`) is the exact moment a process reaches the
        // line, even when it was on that line already and no `line` event follows; the `line`
        // event that does follow it is the same occurrence.
        if (kind == QLatin1StringView("break")) {
            hit = event.integer(QLatin1StringView("line")) == m.number;
            if (hit) m_brokeAt.insert(event.pid, m.number);
        } else if (event.kind == EventKind::Line) {
            const int line = event.integer(QLatin1StringView("line"));
            hit = line == m.number && m_brokeAt.value(event.pid) != line;
            m_brokeAt.remove(event.pid);
        }
        break;
    case Kind::Spawn:
        hit = event.kind == EventKind::Spawn && !m_seenAgain &&
              (m.word.isEmpty() || event.text(QLatin1StringView("how")) == m.word);
        break;
    case Kind::Exec:
        hit = event.kind == EventKind::Exec;
        break;
    case Kind::Exit:
        // An exit without a status is the engine losing sight of a process, not its end.
        hit = event.kind == EventKind::Exit && LessonProcessTable::hasStatus(event) &&
              (!m.hasNumber || exitCodeOf(event) == m.number);
        break;
    case Kind::Zombie:
        hit = event.kind == EventKind::State &&
              event.text(QLatin1StringView("state")) == QLatin1String("zombie");
        break;
    case Kind::Reap:
        hit = event.kind == EventKind::Reap && !lostSightOf(event.pid) &&
              (!m.hasNumber || event.integer(QLatin1StringView("by")) == m.number);
        break;
    case Kind::Reparent:
        hit = event.kind == EventKind::Reparent &&
              (!m.hasNumber || event.integer(QLatin1StringView("to")) == m.number);
        break;
    case Kind::State:
        hit = event.kind == EventKind::State && event.text(QLatin1StringView("state")) == m.word &&
              (m.detail.isEmpty() || event.text(QLatin1StringView("on")) == m.detail);
        break;
    case Kind::Error:
        hit = event.kind == EventKind::Error &&
              (m.word.isEmpty() || event.text(QLatin1StringView("what")) == m.word);
        break;
    case Kind::Queue:
    case Kind::Lock:
    case Kind::Task: {
        const QLatin1StringView wanted(m.kind == Kind::Queue  ? "queue"
                                       : m.kind == Kind::Lock ? "lock"
                                                              : "task");
        hit = kind == wanted && (m.word.isEmpty() || event.text(QLatin1StringView("op")) == m.word);
        break;
    }
    case Kind::QueueFull: {
        const int capacity = event.integer(QLatin1StringView("capacity"));
        hit = kind == QLatin1String("queue") && capacity > 0 &&
              event.integer(QLatin1StringView("size")) >= capacity;
        break;
    }
    case Kind::LockContended:
        hit = kind == QLatin1String("lock") &&
              event.text(QLatin1StringView("op")) == QLatin1String("wait");
        break;
    case Kind::TaskStart:
    case Kind::TaskDone:
        hit = kind == QLatin1String("task") &&
              event.text(QLatin1StringView("op")) ==
                  QLatin1String(m.kind == Kind::TaskStart ? "start" : "done");
        break;
    case Kind::Start:
    case Kind::End:
    case Kind::Output:
        break;
    }
    if (!hit) return 0;
    return concerns(event.pid) ? 1 : 0;
}

qsizetype LessonMomentMatcher::find(const LessonMoment& moment, const QList<EngineEvent>& events) {
    LessonMomentMatcher matcher(moment);
    for (qsizetype i = 0; i < events.size(); ++i)
        if (matcher.feed(events[i])) return i;
    return -1;
}

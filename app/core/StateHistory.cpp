#include "core/StateHistory.h"

#include <QJsonValue>
#include <QLatin1StringView>
#include <QStringList>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// The fields of a `state` event that say what it is about rather than add detail.
bool isStateField(const QString& key) {
    return key == "t"_L1 || key == "pid"_L1 || key == "kind"_L1 || key == "state"_L1 ||
           key == "on"_L1;
}

// Extra fields of a state event, as "queue 1, ..." (empty for the usual events).
QString detailOf(const EngineEvent& e) {
    if (e.fields.size() <= 5) {
        bool plain = true;
        for (auto it = e.fields.constBegin(); it != e.fields.constEnd() && plain; ++it)
            plain = isStateField(it.key());
        if (plain) return {};
    }
    QStringList parts;
    for (auto it = e.fields.constBegin(); it != e.fields.constEnd(); ++it) {
        if (isStateField(it.key())) continue;
        const QJsonValue v = it.value();
        QString value;
        if (v.isDouble())
            value = QString::number(v.toDouble());
        else if (v.isString())
            value = v.toString();
        else if (v.isBool())
            value = v.toBool() ? u"true"_s : u"false"_s;
        else
            continue;
        parts << it.key() + u' ' + value;
    }
    return parts.join(u", "_s);
}

bool isInit(const ProcessHistory& p) {
    return p.how == "init"_L1;
}

} // namespace

int countedStateIndex(ProcState state) {
    for (int i = 0; i < kCountedStateCount; ++i)
        if (kCountedStates[size_t(i)] == state) return i;
    return -1;
}

int StateCounts::total() const {
    int sum = 0;
    for (int v : n)
        sum += v;
    return sum;
}

qsizetype ProcessHistory::spanIndexAt(double t) const {
    const auto it =
        std::upper_bound(spans.cbegin(), spans.cend(), t,
                         [](double value, const StateSpan& s) { return value < s.start; });
    return (it - spans.cbegin()) - 1;
}

const StateSpan* ProcessHistory::spanAt(double t) const {
    const qsizetype i = spanIndexAt(t);
    return i < 0 ? nullptr : &spans[i];
}

qsizetype ProcessHistory::firstSpanEndingAfter(double t) const {
    return std::max<qsizetype>(0, spanIndexAt(t));
}

qsizetype ProcessHistory::firstMarkerAtOrAfter(double t) const {
    const auto it =
        std::lower_bound(markers.cbegin(), markers.cend(), t,
                         [](const HistoryMarker& m, double value) { return m.t < value; });
    return it - markers.cbegin();
}

int QueueHistory::sizeAt(double t) const {
    const auto it =
        std::upper_bound(samples.cbegin(), samples.cend(), t,
                         [](double value, const QueueSample& s) { return value < s.t; });
    return it == samples.cbegin() ? 0 : std::prev(it)->size;
}

StateHistory::StateHistory(QObject* parent) : QObject(parent) {}

const ProcessHistory* StateHistory::process(int serial) const {
    if (serial < 0 || serial >= m_processes.size()) return nullptr;
    return &m_processes[serial];
}

const ProcessHistory* StateHistory::latest(int pid) const {
    const auto it = m_latestByPid.constFind(pid);
    return it == m_latestByPid.cend() ? nullptr : &m_processes[*it];
}

ProcessHistory* StateHistory::current(int pid) {
    const auto it = m_latestByPid.constFind(pid);
    if (it == m_latestByPid.cend() || m_processes[*it].gone >= 0) return nullptr;
    return &m_processes[*it];
}

void StateHistory::clear() {
    m_processes.clear();
    m_latestByPid.clear();
    m_counts.clear();
    m_current = StateCounts{};
    m_queues.clear();
    m_now = 0.0;
    m_cpus = 0;
    m_started = false;
    m_ended = false;
    emit cleared();
    emit changed();
}

void StateHistory::apply(const QList<EngineEvent>& events) {
    for (const EngineEvent& event : events)
        applyOne(event);
    if (!events.isEmpty()) emit changed();
}

void StateHistory::apply(const EngineEvent& event) {
    applyOne(event);
    emit changed();
}

QString StateHistory::markerKind(const EngineEvent& e) {
    switch (e.kind) {
    case EventKind::Start:
    case EventKind::Notice:
    case EventKind::State:
    case EventKind::Line:
    case EventKind::Stdout:
    case EventKind::Stderr:
    case EventKind::Mode:
    case EventKind::End:
        return {};
    case EventKind::Error:
        return e.pid > 0 ? u"error"_s : QString();
    default:
        break;
    }
    if (e.pid <= 0) return {};
    QString kind = e.kindName();
    const QString op = e.text("op"_L1);
    if (!op.isEmpty()) kind += u'-' + op;
    return kind;
}

void StateHistory::addMarker(ProcessHistory& p, const EngineEvent& e, const QString& kind) {
    HistoryMarker marker{e.t, kind, e.fields};
    // Keep time order even if an event comes a little late.
    if (p.markers.isEmpty() || p.markers.constLast().t <= e.t) {
        p.markers.append(std::move(marker));
    } else {
        const qsizetype i = p.firstMarkerAtOrAfter(e.t + 1e-12);
        p.markers.insert(i, std::move(marker));
    }
}

void StateHistory::recount(const ProcessHistory& p, double t, int from, int to) {
    if (isInit(p) || from == to) return;
    if (from >= 0) --m_current.n[size_t(from)];
    if (to >= 0) ++m_current.n[size_t(to)];
    m_current.t = t;
    if (!m_counts.isEmpty() && m_counts.constLast().t >= t) {
        m_counts.last().n = m_current.n; // several changes at one instant: one sample
        if (m_counts.size() >= 2 && m_counts[m_counts.size() - 2].n == m_current.n)
            m_counts.removeLast();
    } else if (m_counts.isEmpty() || m_counts.constLast().n != m_current.n) {
        m_counts.append(m_current);
    }
}

void StateHistory::setState(ProcessHistory& p, double t, ProcState state, const QString& on,
                            const QString& detail) {
    t = std::max(t, p.born);
    if (!p.spans.isEmpty()) {
        StateSpan& last = p.spans.last();
        if (last.state == state && last.on == on && last.detail == detail) return;
        recount(p, t, countedStateIndex(last.state), countedStateIndex(state));
        if (last.start >= t) { // a state that lasted no time: replaced
            last.state = state;
            last.on = on;
            last.detail = detail;
            if (p.spans.size() >= 2) { // and merged with the one before when they are alike
                const StateSpan& before = p.spans[p.spans.size() - 2];
                if (before.state == state && before.on == on && before.detail == detail) {
                    p.spans.removeLast();
                    p.spans.last().end = -1.0;
                }
            }
            return;
        }
        last.end = t;
    } else {
        recount(p, t, -1, countedStateIndex(state));
    }
    p.spans.append(StateSpan{t, -1.0, state, on, detail});
}

void StateHistory::endLife(ProcessHistory& p, double t) {
    t = std::max(t, p.born);
    if (!p.spans.isEmpty()) {
        recount(p, t, countedStateIndex(p.spans.constLast().state), -1);
        p.spans.last().end = std::max(t, p.spans.constLast().start);
    }
    p.gone = t;
}

void StateHistory::applyOne(const EngineEvent& e) {
    if (e.kind == EventKind::Start && (m_started || !m_processes.isEmpty()))
        clear(); // a new run in the same stream starts from nothing
    m_now = std::max(m_now, e.t);

    switch (e.kind) {
    case EventKind::Start:
        m_started = true;
        m_cpus = e.integer("cpus"_L1);
        return;
    case EventKind::End:
        m_ended = true;
        return;
    case EventKind::Mode:
        // Resumed: nobody is held by the engine any more, whether or not each process's own
        // state event follows.
        if (e.has("paused"_L1) && !e.boolean("paused"_L1)) {
            for (ProcessHistory& p : m_processes)
                if (p.gone < 0 && !p.spans.isEmpty() &&
                    p.spans.constLast().state == ProcState::Paused)
                    setState(p, e.t, ProcState::Running);
        }
        return;
    case EventKind::Spawn: {
        ProcessHistory p;
        p.serial = int(m_processes.size());
        p.pid = e.pid;
        p.ppid = e.integer("ppid"_L1);
        if (const ProcessHistory* parent = current(p.ppid)) p.parentSerial = parent->serial;
        p.name = e.text("name"_L1);
        p.how = e.text("how"_L1);
        p.born = e.t;
        setState(p, e.t, ProcState::Running);
        addMarker(p, e, u"spawn"_s);
        m_processes.append(std::move(p));
        m_latestByPid.insert(e.pid, int(m_processes.size() - 1));
        emit processAdded(int(m_processes.size() - 1));
        return;
    }
    default:
        break;
    }

    if (e.kindName() == "queue"_L1 && e.has("queue"_L1)) {
        QueueHistory& q = m_queues[e.integer("queue"_L1)];
        q.id = e.integer("queue"_L1);
        if (e.has("capacity"_L1)) q.capacity = e.integer("capacity"_L1);
        if (e.has("size"_L1)) {
            const int size = e.integer("size"_L1);
            if (!q.samples.isEmpty() && q.samples.constLast().t >= e.t)
                q.samples.last().size = size;
            else
                q.samples.append({e.t, size});
        }
    }

    ProcessHistory* p = current(e.pid);
    if (!p) return;

    switch (e.kind) {
    case EventKind::State:
        if (const auto state = procStateFromName(e.text("state"_L1))) {
            if (p->exited >= 0 && *state != ProcState::Zombie) return; // too late to change
            const bool waiting = *state == ProcState::Waiting;
            setState(*p, e.t, *state, waiting ? e.text("on"_L1) : QString(), detailOf(e));
        }
        return;
    case EventKind::Exit:
        p->exited = e.t;
        setState(*p, e.t, ProcState::Zombie);
        addMarker(*p, e, u"exit"_s);
        return;
    case EventKind::Reap:
        addMarker(*p, e, u"reap"_s);
        endLife(*p, e.t);
        return;
    case EventKind::Reparent:
        if (p->orphanSince < 0) p->orphanSince = e.t;
        p->adopter = e.integer("to"_L1);
        addMarker(*p, e, u"reparent"_s);
        return;
    default:
        break;
    }
    const QString kind = markerKind(e);
    if (!kind.isEmpty()) addMarker(*p, e, kind);
}

InstantState StateHistory::stateOf(int serial, double t) const {
    InstantState s;
    const ProcessHistory* p = process(serial);
    if (!p) return s;
    s.serial = p->serial;
    s.pid = p->pid;
    s.name = p->name;
    s.exists = p->existsAt(t);
    s.gone = p->gone >= 0 && t >= p->gone;
    s.orphan = s.exists && p->isOrphanAt(t);
    if (s.gone) {
        s.state = ProcState::Reaped;
        s.since = p->gone;
        return s;
    }
    if (const StateSpan* span = s.exists ? p->spanAt(t) : nullptr) {
        s.state = span->state;
        s.on = span->on;
        s.detail = span->detail;
        s.since = span->start;
    }
    return s;
}

QList<InstantState> StateHistory::at(double t) const {
    QList<InstantState> states;
    for (const ProcessHistory& p : m_processes)
        if (p.existsAt(t)) states.append(stateOf(p.serial, t));
    return states;
}

StateCounts StateHistory::countsAt(double t) const {
    const auto it =
        std::upper_bound(m_counts.cbegin(), m_counts.cend(), t,
                         [](double value, const StateCounts& c) { return value < c.t; });
    if (it == m_counts.cbegin()) {
        StateCounts none;
        none.t = t;
        return none;
    }
    StateCounts c = *std::prev(it);
    c.t = t;
    return c;
}

QList<StateCounts> StateHistory::countSeries(int maxPoints) const {
    QList<StateCounts> series;
    maxPoints = std::max(maxPoints, 2);
    if (m_counts.size() + 1 <= maxPoints) {
        series = m_counts;
        if (series.isEmpty() || series.constLast().t < m_now) {
            StateCounts last = series.isEmpty() ? StateCounts{} : series.constLast();
            last.t = m_now;
            series.append(last);
        }
        return series;
    }
    series.reserve(maxPoints);
    for (int i = 0; i < maxPoints; ++i)
        series.append(countsAt(m_now * i / (maxPoints - 1)));
    return series;
}

#include "core/RunModel.h"

#include <QLatin1StringView>
#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace {

struct StateName {
    ProcState state;
    QLatin1StringView name;
};

constexpr std::array kStateNames{
    StateName{ProcState::Running, "running"_L1}, StateName{ProcState::Ready, "ready"_L1},
    StateName{ProcState::Waiting, "waiting"_L1}, StateName{ProcState::Paused, "paused"_L1},
    StateName{ProcState::Stopped, "stopped"_L1}, StateName{ProcState::Zombie, "zombie"_L1},
    StateName{ProcState::Reaped, "reaped"_L1},
};

} // namespace

std::optional<ProcState> procStateFromName(QStringView name) {
    for (const auto& entry : kStateNames)
        if (name == entry.name && entry.state != ProcState::Reaped) return entry.state;
    return std::nullopt;
}

QString procStateName(ProcState state) {
    for (const auto& entry : kStateNames)
        if (entry.state == state) return QString(entry.name);
    return {};
}

RunModel::RunModel(QObject* parent) : QObject(parent) {}

const ProcessRecord* RunModel::process(int serial) const {
    if (serial < 0 || serial >= m_processes.size()) return nullptr;
    return &m_processes[serial];
}

const ProcessRecord* RunModel::latest(int pid) const {
    const auto it = m_latestByPid.constFind(pid);
    return it == m_latestByPid.cend() ? nullptr : &m_processes[*it];
}

int RunModel::liveSerial(int pid) const {
    const auto it = m_latestByPid.constFind(pid);
    if (it == m_latestByPid.cend() || m_processes[*it].isReaped()) return -1;
    return *it;
}

ProcessRecord* RunModel::current(int pid) {
    const int serial = liveSerial(pid);
    return serial < 0 ? nullptr : &m_processes[serial];
}

int RunModel::aliveCount() const {
    return int(std::count_if(m_processes.cbegin(), m_processes.cend(),
                             [](const ProcessRecord& p) { return p.isAlive(); }));
}

int RunModel::zombieCount() const {
    return int(std::count_if(m_processes.cbegin(), m_processes.cend(),
                             [](const ProcessRecord& p) { return p.isZombie(); }));
}

QMap<int, int> RunModel::currentLines() const {
    QMap<int, int> lines;
    for (const ProcessRecord& p : m_processes)
        if (p.isAlive() && p.line > 0 && p.comm.isEmpty()) lines.insert(p.pid, p.line);
    return lines;
}

int RunModel::latestMovedLivePid() const {
    const ProcessRecord* latest = nullptr;
    for (const ProcessRecord& p : m_processes)
        if (p.isAlive() && p.line > 0 && p.comm.isEmpty() &&
            (!latest || p.lineAt >= latest->lineAt))
            latest = &p;
    return latest ? latest->pid : 0;
}

void RunModel::clear() {
    m_run = RunInfo{};
    m_processes.clear();
    m_latestByPid.clear();
    m_output.clear();
    m_eventCount = 0;
    m_lastMovedPid = 0;
    emit cleared();
    emit runChanged();
}

void RunModel::apply(const QList<EngineEvent>& events) {
    for (const EngineEvent& event : events)
        applyOne(event);
    emit applied();
}

void RunModel::apply(const EngineEvent& event) {
    applyOne(event);
    emit applied();
}

void RunModel::applyOne(const EngineEvent& e) {
    if (e.kind == EventKind::Start && (m_run.started || !m_processes.isEmpty()))
        clear(); // a new run in the same stream starts from nothing
    ++m_eventCount;
    m_run.time = std::max(m_run.time, e.t);

    switch (e.kind) {
    case EventKind::Start:
        m_run.started = true;
        m_run.script = e.text("script"_L1);
        m_run.mode = e.text("mode"_L1);
        m_run.version = e.text("version"_L1);
        m_run.cpus = e.integer("cpus"_L1);
        m_run.online = e.integer("online"_L1);
        m_run.speed = e.number("speed"_L1, 1.0);
        m_run.stepMode = e.boolean("step"_L1);
        m_run.paused = m_run.stepMode;
        emit runChanged();
        return;

    case EventKind::Notice:
        m_run.notices.append({e.t, e.text("code"_L1), e.text("message"_L1)});
        m_output.append({e.t, e.pid, OutputChunk::Stream::Notice, e.text("message"_L1)});
        emit runChanged();
        return;

    case EventKind::Spawn: {
        ProcessRecord record;
        record.serial = int(m_processes.size());
        record.pid = e.pid;
        record.ppid = e.integer("ppid"_L1);
        record.originalPpid = record.ppid;
        record.parentSerial = liveSerial(record.ppid);
        record.name = e.text("name"_L1);
        record.how = e.text("how"_L1);
        record.spawnedAt = e.t;
        m_processes.append(record);
        m_latestByPid.insert(e.pid, record.serial);
        emit processAdded(record.serial);
        return;
    }

    case EventKind::Error: {
        RunError error{e.t,
                       e.pid,
                       e.text("what"_L1),
                       e.text("message"_L1),
                       e.text("file"_L1),
                       e.integer("line"_L1)};
        if (ProcessRecord* p = e.pid > 0 ? current(e.pid) : nullptr) {
            p->error = error.message;
            emit processChanged(p->serial);
        }
        m_output.append({e.t, e.pid, OutputChunk::Stream::Error, error.message});
        m_run.errors.append(error);
        emit runChanged();
        return;
    }

    case EventKind::Mode:
        if (e.has("paused"_L1)) m_run.paused = e.boolean("paused"_L1);
        if (e.has("speed"_L1)) m_run.speed = e.number("speed"_L1, m_run.speed);
        emit runChanged();
        return;

    case EventKind::End:
        m_run.ended = true;
        m_run.paused = false;
        m_run.endStatus = e.integer("status"_L1);
        m_run.endReason = e.text("reason"_L1);
        emit runChanged();
        return;

    case EventKind::Unknown:
        return;

    default:
        break;
    }

    // Output is read from a pipe, so what a process wrote just before it ended may come after
    // its reap: it is still that process's.
    if ((e.kind == EventKind::Stdout || e.kind == EventKind::Stderr) && !current(e.pid)) {
        const auto it = m_latestByPid.constFind(e.pid);
        if (it == m_latestByPid.cend()) return;
        ProcessRecord& gone = m_processes[*it];
        const QString text = e.text("text"_L1);
        gone.output += text;
        m_output.append({e.t, e.pid,
                         e.kind == EventKind::Stdout ? OutputChunk::Stream::Stdout
                                                     : OutputChunk::Stream::Stderr,
                         text});
        return;
    }

    // The remaining kinds are about one process; events for a pid that is not (or no longer)
    // part of the run are ignored.
    ProcessRecord* p = current(e.pid);
    if (!p) return;

    switch (e.kind) {
    case EventKind::Exec:
        p->comm = e.text("comm"_L1);
        p->line = 0; // it no longer runs the script
        break;

    case EventKind::State:
        if (const auto state = procStateFromName(e.text("state"_L1))) {
            if (p->hasExited() && *state != ProcState::Zombie) return; // too late to change
            p->state = *state;
            p->waitingOn = *state == ProcState::Waiting ? e.text("on"_L1) : QString();
        }
        break;

    case EventKind::Line:
        // A script line after an exec: the process runs the script after all (the engine, when
        // loaded, may see its main process's start as an exec to python3), so it is marked.
        p->comm.clear();
        p->line = e.integer("line"_L1);
        p->lineAt = e.t;
        m_lastMovedPid = p->pid;
        break;

    case EventKind::Stdout:
    case EventKind::Stderr: {
        const QString text = e.text("text"_L1);
        p->output += text;
        m_output.append({e.t, e.pid,
                         e.kind == EventKind::Stdout ? OutputChunk::Stream::Stdout
                                                     : OutputChunk::Stream::Stderr,
                         text});
        return; // output does not change what the tree shows
    }

    case EventKind::Exit:
        if (e.has("signal"_L1)) {
            p->exitSignal = e.integer("signal"_L1);
            p->signalName = e.text("signame"_L1);
        } else {
            p->exitCode = e.integer("code"_L1);
        }
        p->state = ProcState::Zombie;
        p->waitingOn.clear();
        p->exitedAt = e.t;
        break;

    case EventKind::Reap:
        p->state = ProcState::Reaped;
        p->waitingOn.clear();
        p->reapedBy = e.integer("by"_L1);
        p->reapedAt = e.t;
        break;

    case EventKind::Reparent: {
        const int to = e.integer("to"_L1);
        const int oldParent = p->parentSerial;
        const int newParent = liveSerial(to);
        p->ppid = to;
        p->orphan = true;
        p->adopter = to;
        p->parentSerial = newParent == p->serial ? -1 : newParent;
        if (oldParent != p->parentSerial)
            emit processReparented(p->serial, oldParent, p->parentSerial);
        break;
    }

    default:
        return;
    }
    emit processChanged(p->serial);
}

#pragma once

// Everything known about one run, built from the engine's events alone: a live run and a
// replayed recording give the same model. Widgets and item models observe it through signals.

#include "core/EngineEvent.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <optional>

// A process's state as the protocol names it, plus Reaped: gone, after its `reap` event.
enum class ProcState { Running, Ready, Waiting, Paused, Stopped, Zombie, Reaped };

std::optional<ProcState> procStateFromName(QStringView name);
QString procStateName(ProcState state); // the protocol's word; "reaped" for Reaped

struct ProcessRecord {
    int serial = -1; // index in RunModel::processes(): unique in the run, unlike a reused pid
    int pid = 0;
    int ppid = 0;          // the current parent: the adopter after a reparent
    int parentSerial = -1; // the current parent's record, -1 when it is not part of the run
    int originalPpid = 0;
    QString name;
    QString how;  // init, main, fork, process
    QString comm; // the program after an exec, empty before
    ProcState state = ProcState::Running;
    QString waitingOn; // with Waiting: sleep, join, wait, io, ...
    int line = 0;      // the script line it is about to execute, 0 if unknown or after exec
    std::optional<int> exitCode;
    std::optional<int> exitSignal;
    QString signalName;
    int reapedBy = 0;
    bool orphan = false;
    int adopter = 0;
    QString output;       // stdout and stderr as written, interleaved
    QString error;        // an uncaught exception's message
    double lineAt = -1.0; // when `line` last changed
    double spawnedAt = 0.0;
    double exitedAt = -1.0;
    double reapedAt = -1.0;

    bool isReaped() const { return state == ProcState::Reaped; }
    bool hasExited() const { return exitCode.has_value() || exitSignal.has_value(); }
    bool isAlive() const { return !hasExited() && state != ProcState::Zombie && !isReaped(); }
    bool isZombie() const { return state == ProcState::Zombie; }
};

struct OutputChunk {
    enum class Stream { Stdout, Stderr, Error, Notice };
    double t = 0.0;
    int pid = 0;
    Stream stream = Stream::Stdout;
    QString text;
};

struct RunError {
    double t = 0.0;
    int pid = 0;
    QString what; // syntax, exception, unsupported, limit, script, command, engine
    QString message;
    QString file;
    int line = 0;
};

struct RunNotice {
    double t = 0.0;
    QString code;
    QString message;
};

struct RunInfo {
    bool started = false;
    QString script;
    QString mode; // namespace or subreaper
    QString version;
    int cpus = 0;
    int online = 0;
    double speed = 1.0;
    bool stepMode = false;
    bool paused = false;
    bool ended = false;
    int endStatus = 0;
    QString endReason; // finished, stopped, limit, error
    double time = 0.0; // the latest event's t
    QList<RunNotice> notices;
    QList<RunError> errors;
};

class RunModel : public QObject {
    Q_OBJECT

public:
    explicit RunModel(QObject* parent = nullptr);

    // Applies events in order, emitting the fine-grained signals as it goes, then applied().
    void apply(const QList<EngineEvent>& events);
    void apply(const EngineEvent& event);
    void clear();

    const RunInfo& run() const { return m_run; }
    const QList<ProcessRecord>& processes() const { return m_processes; }
    const ProcessRecord* process(int serial) const;
    // The latest record for a pid (possibly reaped), nullptr if the pid never appeared.
    const ProcessRecord* latest(int pid) const;
    const QList<OutputChunk>& output() const { return m_output; }
    int eventCount() const { return m_eventCount; }

    int aliveCount() const;
    int zombieCount() const;
    // pid -> current line, for the processes that are alive and on a script line.
    QMap<int, int> currentLines() const;
    // The process whose `line` event came last (0 if none yet).
    int lastMovedPid() const { return m_lastMovedPid; }
    // Of the processes on a line now, the one that got there last (0 if none): the one to
    // follow in the code.
    int latestMovedLivePid() const;

signals:
    void cleared();
    void processAdded(int serial);
    void processChanged(int serial);
    void processReparented(int serial, int oldParentSerial, int newParentSerial);
    void runChanged();
    void applied();

private:
    void applyOne(const EngineEvent& event);
    ProcessRecord* current(int pid); // the latest record unless it has been reaped
    int liveSerial(int pid) const;   // -1 if none, or reaped

    RunInfo m_run;
    QList<ProcessRecord> m_processes;
    QHash<int, int> m_latestByPid;
    QList<OutputChunk> m_output;
    int m_eventCount = 0;
    int m_lastMovedPid = 0;
};

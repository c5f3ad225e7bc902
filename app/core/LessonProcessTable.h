#pragma once

// What a lesson's moments and answers need to know about the processes of a run, kept up
// to date from its events: each process's name, how it was born, and its family, so that
// `who = child` or `exitcode greeter` can be decided event by event. Pure logic.

#include "core/EngineEvent.h"

#include <QHash>
#include <QString>

class LessonProcessTable {
public:
    struct Process {
        int pid = 0;
        int originalPpid = 0; // the parent at birth (an orphan keeps it)
        QString name;         // as in `spawn` (Process-1, MainProcess, a program after exec)
        QString how;          // init, main, fork, process
        QString comm;         // the program after an `exec`
        bool exited = false;
        bool lostSight = false; // an `exit` without a status: the engine lost the process
    };

    void clear() { m_processes.clear(); }
    // Records what `event` says about a process (spawn, exec, exit, reap).
    //
    // An `exit` that carries neither a code nor a signal is the engine losing sight of a
    // process it was told about before it could see it (the protocol always gives one or the
    // other); when the same pid is spawned again right after, that is the same process, and
    // it keeps its name, manner of birth and parent.
    void apply(const EngineEvent& event);
    // Whether an exit event says how the process ended (a code or a signal).
    static bool hasStatus(const EngineEvent& exit);
    // The process now known by this pid (the latest one if it was reused), nullptr if none.
    const Process* find(int pid) const;
    // Whether the process with this pid is what `who` names: any, main, child (born of the
    // main process), grandchild (born of a child), init, or a name (its `spawn` name or the
    // program it exec'd).
    bool matches(int pid, const QString& who) const;

private:
    QHash<int, Process> m_processes;
};

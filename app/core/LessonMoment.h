#pragma once

// A moment of a run that a lesson step is tied to, as written after `at =` in a lesson file
// (docs/lessons.md): "line 12", "zombie", "reap by 1", "state waiting join", "output done",
// plus the step's `who` (which process) and `count` (which occurrence).

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <optional>

struct LessonMoment {
    Q_DECLARE_TR_FUNCTIONS(LessonMoment)

public:
    enum class Kind {
        Start,     // the run started
        End,       // the run ended
        Line,      // a process is about to run line `number`
        Spawn,     // a process appeared (`word`: fork, process or main; empty: any way)
        Exec,      // a process replaced its program
        Exit,      // a process ended (`number` with `hasNumber`: that exit code, -N for signal N)
        Zombie,    // a process became a zombie
        Reap,      // a process was reaped (`number` with `hasNumber`: by that pid)
        Reparent,  // a process was adopted (`number` with `hasNumber`: by that pid)
        State,     // a process changed state to `word` (and, if `detail` is set, waits on it)
        Output,    // a process printed a line (on stdout) containing `detail`
        Error,     // an error event (`word`: its `what`; empty: any)
        Queue,     // a queue event whose op is `word` (empty: any)
        QueueFull, // a queue event after which the queue is full
        Lock,      // a lock event whose op is `word` (empty: any)
        LockContended, // a process has to wait for a lock
        Task,          // a task event whose op is `word` (empty: any)
        TaskStart,     // a pool task started
        TaskDone,      // a pool task finished
    };

    Kind kind = Kind::Start;
    int number = 0;
    bool hasNumber = false;
    QString word;
    QString detail;
    QString who = QStringLiteral("any"); // any, main, child, grandchild, init, or a name
    int count = 1;                       // the count-th occurrence, from the start of the run

    // Parses the text after `at =`. On failure, nullopt and a translated message in *error.
    static std::optional<LessonMoment> parse(const QString& text, QString* error = nullptr);
    // The keywords a moment starts with, for messages and documentation.
    static QStringList kindNames();
    // The panel a step tied to this moment highlights unless it names one.
    QString defaultPanel() const;
    // Whether `who` means anything for this kind (not for start and end).
    bool concernsAProcess() const { return kind != Kind::Start && kind != Kind::End; }
    // Written back in the file's syntax ("state waiting join"), without who and count.
    QString toString() const;

    // The values `who` can take besides a process name.
    static QStringList whoKeywords();
    // The states of the protocol and what a waiting process can wait on.
    static QStringList stateNames();
    static QStringList waitReasons();
    // The panels a step may highlight.
    static QStringList panelNames();
};

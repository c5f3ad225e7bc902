#pragma once

// Runs `forkscope-engine run SCRIPT --json` as a child process and turns its stdout into batches
// of events, at most one batch per frame; writes commands to its stdin. The GUI never forks
// lesson processes itself: everything it shows comes through here (or from a recording).

#include "core/EngineEvent.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTimer>

class EngineClient : public QObject {
    Q_OBJECT

public:
    struct RunOptions {
        QString script;
        double speed = 1.0;    // sent as --speed unless 1
        int cores = 0;         // sent as --cores when > 0
        bool step = false;     // --step: the run starts paused, before the first line
        QList<int> breakLines; // --break: armed from the first line on, before any command
    };

    explicit EngineClient(QObject* parent = nullptr);
    // Ends the engine if it still runs (stop, then terminate, then kill) and waits for it.
    ~EngineClient() override;

    // $FORKSCOPE_ENGINE if set, else forkscope-engine next to this executable.
    static QString defaultEngineProgram();
    static QStringList argumentsFor(const RunOptions& options);

    void setEngineProgram(const QString& program) { m_program = program; }
    QString engineProgram() const { return m_program; }
    // How long stop() and the destructor wait before terminate(), and again before kill().
    void setStopGracePeriod(int milliseconds) { m_graceMs = milliseconds; }
    int stopGracePeriod() const { return m_graceMs; }
    void setFrameInterval(int milliseconds) { m_frame.setInterval(milliseconds); }

    bool isRunning() const;
    bool isStopping() const { return m_stopRequested && isRunning(); }
    qint64 processId() const;
    int badLineCount() const { return m_badLines; }
    QString stderrText() const { return QString::fromUtf8(m_stderr); }

    // Starts a run; false (and engineFailed) if one is running or the engine cannot be found.
    bool start(const RunOptions& options);
    // Writes one command as a JSON line; ignored when no engine runs.
    void sendCommand(const QJsonObject& command);
    void pause();
    void resume();
    void step(int pid = 0); // pid 0: every paused process
    void setSpeed(double value);
    // Asks the engine to stop; terminate() after the grace period, kill() after another one.
    void stop();

signals:
    void started();
    void eventsArrived(const QList<EngineEvent>& events);
    // The engine is missing, failed to start, or crashed (not when stop() ended it).
    void engineFailed(const QString& message);
    // The engine process ended: its exit status, or -1 if it was killed or crashed. Every
    // event it wrote has been delivered by then.
    void finished(int status);

private:
    void onReadyRead();
    void onStderr();
    void onFinished(int exitCode, QProcess::ExitStatus exitStatus);
    void onError(QProcess::ProcessError error);
    void consume(const QByteArray& bytes, bool atEnd);
    void flush();
    void endProcess();
    void release();

    QString m_program;
    QProcess* m_process = nullptr;
    QByteArray m_tail;
    QByteArray m_stderr;
    QList<EngineEvent> m_pending;
    QTimer m_frame;
    QTimer m_terminateTimer;
    QTimer m_killTimer;
    int m_graceMs = 2000;
    int m_badLines = 0;
    bool m_stopRequested = false;
};

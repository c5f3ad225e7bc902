#include "core/EngineClient.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QtGlobal>

namespace {

constexpr qsizetype kStderrKeep = 8192;

} // namespace

EngineClient::EngineClient(QObject* parent) : QObject(parent), m_program(defaultEngineProgram()) {
    m_frame.setSingleShot(true);
    m_frame.setTimerType(Qt::PreciseTimer);
    m_frame.setInterval(16);
    connect(&m_frame, &QTimer::timeout, this, &EngineClient::flush);

    m_terminateTimer.setSingleShot(true);
    connect(&m_terminateTimer, &QTimer::timeout, this, [this] {
        if (!isRunning()) return;
        m_process->terminate();
        m_killTimer.start(m_graceMs);
    });
    m_killTimer.setSingleShot(true);
    connect(&m_killTimer, &QTimer::timeout, this, [this] {
        if (isRunning()) m_process->kill();
    });
}

EngineClient::~EngineClient() {
    endProcess();
}

QString EngineClient::defaultEngineProgram() {
    const QString fromEnv = qEnvironmentVariable("FORKSCOPE_ENGINE");
    if (!fromEnv.isEmpty()) return fromEnv;
    return QDir(QCoreApplication::applicationDirPath())
        .filePath(QStringLiteral("forkscope-engine"));
}

QStringList EngineClient::argumentsFor(const RunOptions& options) {
    QStringList args{QStringLiteral("run"), options.script, QStringLiteral("--json")};
    if (!qFuzzyCompare(options.speed, 1.0))
        args << QStringLiteral("--speed") << QString::number(options.speed);
    if (options.cores > 0) args << QStringLiteral("--cores") << QString::number(options.cores);
    if (options.step) args << QStringLiteral("--step");
    if (!options.breakLines.isEmpty()) {
        QStringList lines;
        for (int line : options.breakLines)
            lines << QString::number(line);
        args << QStringLiteral("--break") << lines.join(QLatin1Char(','));
    }
    return args;
}

bool EngineClient::isRunning() const {
    return m_process && m_process->state() != QProcess::NotRunning;
}

qint64 EngineClient::processId() const {
    return m_process ? m_process->processId() : 0;
}

bool EngineClient::start(const RunOptions& options) {
    if (m_process) {
        emit engineFailed(tr("A run is already in progress."));
        return false;
    }
    const QFileInfo program(m_program);
    if (!program.exists() || !program.isExecutable()) {
        emit engineFailed(tr("The engine was not found at %1. Build the forkscope-engine target, "
                             "or set FORKSCOPE_ENGINE to its path.")
                              .arg(QDir::toNativeSeparators(m_program)));
        return false;
    }

    m_tail.clear();
    m_stderr.clear();
    m_pending.clear();
    m_badLines = 0;
    m_stopRequested = false;

    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    const QFileInfo script(options.script);
    if (script.exists()) m_process->setWorkingDirectory(script.absolutePath());
    connect(m_process, &QProcess::readyReadStandardOutput, this, &EngineClient::onReadyRead);
    connect(m_process, &QProcess::readyReadStandardError, this, &EngineClient::onStderr);
    connect(m_process, &QProcess::finished, this, &EngineClient::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, &EngineClient::onError);
    connect(m_process, &QProcess::started, this, &EngineClient::started);
    m_process->start(m_program, argumentsFor(options));
    return m_process != nullptr; // onError may already have released it
}

void EngineClient::sendCommand(const QJsonObject& command) {
    if (!isRunning()) return;
    QByteArray line = QJsonDocument(command).toJson(QJsonDocument::Compact);
    line.append('\n');
    m_process->write(line);
}

void EngineClient::pause() {
    sendCommand({{QStringLiteral("cmd"), QStringLiteral("pause")}});
}

void EngineClient::resume() {
    sendCommand({{QStringLiteral("cmd"), QStringLiteral("resume")}});
}

void EngineClient::step(int pid) {
    QJsonObject command{{QStringLiteral("cmd"), QStringLiteral("step")}};
    if (pid > 0) command.insert(QStringLiteral("pid"), pid);
    sendCommand(command);
}

void EngineClient::setSpeed(double value) {
    sendCommand(
        {{QStringLiteral("cmd"), QStringLiteral("speed")}, {QStringLiteral("value"), value}});
}

void EngineClient::stop() {
    if (!isRunning() || m_stopRequested) return;
    m_stopRequested = true;
    sendCommand({{QStringLiteral("cmd"), QStringLiteral("stop")}});
    m_terminateTimer.start(m_graceMs);
}

void EngineClient::onReadyRead() {
    if (m_process) consume(m_process->readAllStandardOutput(), false);
}

void EngineClient::onStderr() {
    if (!m_process) return;
    m_stderr.append(m_process->readAllStandardError());
    if (m_stderr.size() > kStderrKeep) m_stderr.remove(0, m_stderr.size() - kStderrKeep);
}

void EngineClient::consume(const QByteArray& bytes, bool atEnd) {
    m_tail.append(bytes);
    qsizetype begin = 0;
    for (qsizetype nl = m_tail.indexOf('\n'); nl >= 0; nl = m_tail.indexOf('\n', begin)) {
        const QByteArrayView line(m_tail.constData() + begin, nl - begin);
        if (auto event = parseEventLine(line))
            m_pending.append(std::move(*event));
        else if (!line.trimmed().isEmpty())
            ++m_badLines;
        begin = nl + 1;
    }
    m_tail.remove(0, begin); // keep the partial line for the next read
    if (atEnd && !m_tail.isEmpty()) {
        if (auto event = parseEventLine(m_tail))
            m_pending.append(std::move(*event));
        else if (!m_tail.trimmed().isEmpty())
            ++m_badLines;
        m_tail.clear();
    }
    if (!m_pending.isEmpty() && !m_frame.isActive()) m_frame.start();
}

void EngineClient::flush() {
    m_frame.stop();
    if (m_pending.isEmpty()) return;
    const QList<EngineEvent> batch = std::exchange(m_pending, {});
    emit eventsArrived(batch);
}

void EngineClient::onFinished(int exitCode, QProcess::ExitStatus exitStatus) {
    if (!m_process) return;
    consume(m_process->readAllStandardOutput(), true);
    onStderr();
    flush();
    const bool crashed = exitStatus == QProcess::CrashExit;
    const bool requested = m_stopRequested;
    release();
    if (crashed && !requested) {
        QString message = tr("The engine stopped unexpectedly.");
        const QString detail = stderrText().trimmed();
        if (!detail.isEmpty()) message += QLatin1Char('\n') + detail.right(600);
        emit engineFailed(message);
    }
    emit finished(crashed ? -1 : exitCode);
}

void EngineClient::onError(QProcess::ProcessError error) {
    if (error != QProcess::FailedToStart || !m_process) return; // crashes: see onFinished
    const QString reason = m_process->errorString();
    release();
    emit engineFailed(tr("The engine %1 could not be started: %2")
                          .arg(QDir::toNativeSeparators(m_program), reason));
}

void EngineClient::release() {
    m_terminateTimer.stop();
    m_killTimer.stop();
    if (!m_process) return;
    m_process->disconnect(this);
    m_process->deleteLater(); // we may be inside one of its signals
    m_process = nullptr;
}

void EngineClient::endProcess() {
    m_frame.stop();
    if (!m_process) return;
    QProcess* process = m_process;
    process->disconnect(this);
    m_process = nullptr;
    if (process->state() != QProcess::NotRunning) {
        const QByteArray stop = QByteArrayLiteral("{\"cmd\":\"stop\"}\n");
        process->write(stop);
        process->waitForBytesWritten(100);
        if (!process->waitForFinished(m_graceMs)) {
            process->terminate();
            if (!process->waitForFinished(m_graceMs)) {
                process->kill();
                process->waitForFinished(-1);
            }
        }
    }
    delete process;
}

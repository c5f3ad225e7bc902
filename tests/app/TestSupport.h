#pragma once

#include "core/EngineEvent.h"
#include "core/Recording.h"
#include "gui/MainWindow.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <functional>
#include <string>

namespace Catch {
template <> struct StringMaker<QString> {
    static std::string convert(const QString& value) { return '"' + value.toStdString() + '"'; }
};
template <> struct StringMaker<QStringList> {
    static std::string convert(const QStringList& value) {
        return '[' + value.join(QStringLiteral(", ")).toStdString() + ']';
    }
};
} // namespace Catch

namespace testing {

// QAbstractItemModelTester in Warning mode reports through warnings: while one of these lives,
// every warning is collected, and a test checks that there were none.
class WarningCounter {
public:
    WarningCounter() {
        s_messages.clear();
        m_previous = qInstallMessageHandler(&WarningCounter::handle);
    }
    ~WarningCounter() { qInstallMessageHandler(m_previous); }
    WarningCounter(const WarningCounter&) = delete;
    WarningCounter& operator=(const WarningCounter&) = delete;
    static QStringList messages() { return s_messages; }

private:
    static void handle(QtMsgType type, const QMessageLogContext&, const QString& message) {
        if (type != QtDebugMsg && type != QtInfoMsg) s_messages << message;
    }
    static inline QStringList s_messages;
    QtMessageHandler m_previous = nullptr;
};

// Events written inline, one JSON object per line (blank lines skipped).
inline QList<EngineEvent> eventsFrom(const char* lines) {
    QList<EngineEvent> events;
    for (const QByteArray& line : QByteArray(lines).split('\n'))
        if (auto e = parseEventLine(line)) events << *e;
    return events;
}

// A main window that neither reads nor writes the layout's settings.
inline MainWindow::Options windowOptions() {
    MainWindow::Options options;
    options.useSettings = false;
    return options;
}

inline QString dataPath(const QString& name) {
    return QDir(QStringLiteral(FORKSCOPE_APP_TEST_DATA)).filePath(name);
}

// A fake engine script, made executable in case the checkout lost the bit.
inline QString fakeEngine(const QString& name) {
    const QString path = dataPath(QStringLiteral("fake/") + name);
    QFile::setPermissions(path, QFile::permissions(path) | QFile::ExeOwner | QFile::ExeGroup |
                                    QFile::ExeOther);
    return path;
}

inline QList<EngineEvent> loadEvents(const QString& name) {
    Recording recording;
    QString error;
    if (!recording.load(dataPath(name), &error)) qFatal("cannot load %s", qPrintable(name));
    return recording.events();
}

// Runs the event loop until the condition holds or the time is up.
inline bool waitFor(const std::function<bool()>& condition, int milliseconds = 5000) {
    QDeadlineTimer deadline(milliseconds);
    while (!condition()) {
        if (deadline.hasExpired()) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    return true;
}

// The children this test process has now, from /proc (every thread's list).
inline QStringList childPids() {
    QStringList pids;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString& task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile file(tasks.filePath(task + QStringLiteral("/children")));
        if (file.open(QIODevice::ReadOnly))
            pids += QString::fromLatin1(file.readAll()).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }
    return pids;
}

// Points GenericDataLocation (and AppLocalDataLocation, where lesson edits go) at a temporary
// folder for the life of the object.
class TemporaryDataHome {
public:
    TemporaryDataHome() : m_old(qgetenv("XDG_DATA_HOME")) {
        qputenv("XDG_DATA_HOME", m_dir.path().toLocal8Bit());
    }
    ~TemporaryDataHome() {
        if (m_old.isNull()) {
            qunsetenv("XDG_DATA_HOME");
        } else {
            qputenv("XDG_DATA_HOME", m_old);
        }
    }
    QString path() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    QByteArray m_old;
};

} // namespace testing

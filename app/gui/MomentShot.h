#pragma once

// Saves a picture of the whole window at a moment of the run (a lesson moment, docs/lessons.md:
// "zombie", "reparent", "task-start", "state waiting queue-put", ...), for the screenshots
// command: the moment is decided from the events the window applies, never by waiting a fixed
// time. In a recording, the replay is taken to the moment instead.

#include "core/LessonMoment.h"
#include "core/LessonMomentMatcher.h"

#include <QObject>
#include <QString>

class MainWindow;

class MomentShot : public QObject {
    Q_OBJECT

public:
    // `moment` as after `at =`, optionally followed by "#N" for its N-th occurrence.
    // parse() fails (nullopt, with a message) on a moment that is not one.
    static std::optional<LessonMoment> parse(const QString& moment, QString* error);

    MomentShot(MainWindow* window, const LessonMoment& moment, const QString& path);

    // Starts watching (a live run) or seeks the replay (a recording already open).
    void start();

signals:
    // The picture was saved (or could not be: `ok` false, with a message); `ok` is false too
    // when the run ended without the moment.
    void finished(bool ok, const QString& message);

private:
    void onApplied();
    void shoot();

    MainWindow* m_window;
    LessonMomentMatcher m_matcher;
    QString m_path;
    qsizetype m_seen = 0; // events of the recording already fed to the matcher
    bool m_done = false;
};

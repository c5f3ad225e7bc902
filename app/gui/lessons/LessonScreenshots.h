#pragma once

// forkscope --lesson-screenshots DIR: every lesson of the library in turn is opened and run
// until its first step with a moment comes (the run pauses there, the step is shown and its
// panel framed), and the window is saved as DIR/ID.LANG.png; then the run is stopped and the
// next lesson follows. Driven by the lesson's own events, not by waiting a fixed time.

#include <QObject>
#include <QString>
#include <QStringList>

class MainWindow;
class QTimer;

class LessonScreenshots : public QObject {
    Q_OBJECT

public:
    LessonScreenshots(MainWindow* window, const QString& directory);

    // Starts with the first lesson; finished() comes after the last.
    void start();

signals:
    // How many lessons could not be shot at their first step (opened, but the moment never
    // came, or not opened at all).
    void finished(int failures);

private:
    enum class Phase { Idle, Waiting, Settling, Stopping };

    void shootNext();
    void settle(const QString& problem);
    void capture();

    MainWindow* m_window;
    QString m_directory;
    QStringList m_queue;
    QString m_current;
    Phase m_phase = Phase::Idle;
    QTimer* m_timeout;
    int m_failures = 0;
};

#include "gui/lessons/LessonScreenshots.h"

#include "core/EngineClient.h"
#include "core/LanguageSwitcher.h"
#include "core/LessonLibrary.h"
#include "gui/MainWindow.h"
#include "gui/lessons/LessonController.h"

#include <QDir>
#include <QTimer>
#include <cstdio>

namespace {

// A run's first moment comes within a few seconds in every lesson; this is for one that hangs.
constexpr int kMomentTimeoutMs = 30000;
// Once paused, the views take a frame or two to show the last batch of events.
constexpr int kSettleMs = 500;

} // namespace

LessonScreenshots::LessonScreenshots(MainWindow* window, const QString& directory)
    : QObject(window), m_window(window), m_directory(directory), m_timeout(new QTimer(this)) {
    m_timeout->setSingleShot(true);
    m_timeout->setInterval(kMomentTimeoutMs);
    connect(m_timeout, &QTimer::timeout, this,
            [this] { settle(QStringLiteral("its first step's moment did not come in time")); });
    connect(m_window->lessons(), &LessonController::momentReached, this,
            [this] { settle(QString()); });
    connect(m_window->engine(), &EngineClient::finished, this, [this] {
        if (m_phase == Phase::Waiting) {
            settle(QStringLiteral("the run ended before its first step's moment"));
        } else if (m_phase == Phase::Stopping) {
            m_phase = Phase::Idle;
            QTimer::singleShot(0, this, &LessonScreenshots::shootNext);
        }
    });
}

void LessonScreenshots::start() {
    QDir().mkpath(m_directory);
    m_queue.clear();
    for (const Lesson& lesson : m_window->lessons()->library()->lessons())
        m_queue << lesson.id;
    shootNext();
}

void LessonScreenshots::shootNext() {
    if (m_queue.isEmpty()) {
        emit finished(m_failures);
        return;
    }
    m_current = m_queue.takeFirst();
    LessonController* lessons = m_window->lessons();
    if (!lessons->openLesson(m_current)) {
        std::fprintf(stderr, "lesson-screenshots: %s: cannot be opened\n", qPrintable(m_current));
        ++m_failures;
        QTimer::singleShot(0, this, &LessonScreenshots::shootNext);
        return;
    }
    bool tied = false;
    for (const LessonStep& step : lessons->session().lesson().steps)
        tied = tied || step.moment.has_value();
    m_phase = Phase::Waiting;
    if (!tied) {
        settle(QStringLiteral("it has no step with a moment: shot before the run"));
        return;
    }
    m_timeout->start();
    m_window->run();
}

void LessonScreenshots::settle(const QString& problem) {
    if (m_phase != Phase::Waiting) return;
    m_phase = Phase::Settling;
    m_timeout->stop();
    if (!problem.isEmpty()) {
        std::fprintf(stderr, "lesson-screenshots: %s: %s\n", qPrintable(m_current),
                     qPrintable(problem));
        ++m_failures;
    }
    QTimer::singleShot(kSettleMs, this, &LessonScreenshots::capture);
}

void LessonScreenshots::capture() {
    const QString path =
        QDir(m_directory)
            .filePath(QStringLiteral("%1.%2.png")
                          .arg(m_current, LanguageSwitcher::instance()->language()));
    if (m_window->saveScreenshot(path)) {
        std::printf("%s\n", qPrintable(path));
        std::fflush(stdout);
    } else {
        std::fprintf(stderr, "lesson-screenshots: cannot save %s\n", qPrintable(path));
        ++m_failures;
    }
    if (m_window->engine()->isRunning()) {
        m_phase = Phase::Stopping;
        m_window->stopRun();
    } else {
        m_phase = Phase::Idle;
        QTimer::singleShot(0, this, &LessonScreenshots::shootNext);
    }
}

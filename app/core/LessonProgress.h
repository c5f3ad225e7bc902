#pragma once

// How far the learner got in each lesson, remembered across launches (QSettings): not
// started, in progress (its script has been run), done (a run showed every step). Progress
// never goes back by itself: running a done lesson again leaves it done.

#include <QString>

class LessonProgress {
public:
    enum class State { NotStarted, InProgress, Done };

    static State state(const QString& lessonId);
    static void markStarted(const QString& lessonId);
    static void markDone(const QString& lessonId);
    static void forget(const QString& lessonId);

    // The lesson open when the app last closed (empty if none).
    static QString lastLesson();
    static void setLastLesson(const QString& lessonId);
};

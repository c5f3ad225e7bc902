#include "core/LessonProgress.h"

#include <QSettings>

namespace {

QString key(const QString& lessonId) {
    return QStringLiteral("lessons/progress/") + lessonId;
}

} // namespace

LessonProgress::State LessonProgress::state(const QString& lessonId) {
    const QString value = QSettings().value(key(lessonId)).toString();
    if (value == QLatin1StringView("done")) return State::Done;
    if (value == QLatin1StringView("started")) return State::InProgress;
    return State::NotStarted;
}

void LessonProgress::markStarted(const QString& lessonId) {
    if (state(lessonId) == State::NotStarted)
        QSettings().setValue(key(lessonId), QStringLiteral("started"));
}

void LessonProgress::markDone(const QString& lessonId) {
    QSettings().setValue(key(lessonId), QStringLiteral("done"));
}

void LessonProgress::forget(const QString& lessonId) {
    QSettings().remove(key(lessonId));
}

QString LessonProgress::lastLesson() {
    return QSettings().value(QStringLiteral("lessons/last")).toString();
}

void LessonProgress::setLastLesson(const QString& lessonId) {
    QSettings().setValue(QStringLiteral("lessons/last"), lessonId);
}

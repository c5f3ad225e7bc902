#include "core/Lesson.h"

#include <QDir>

QString LessonProblem::toString() const {
    QString where = QDir::toNativeSeparators(file);
    if (line > 0) where += QLatin1Char(':') + QString::number(line);
    return where + QStringLiteral(": ") + message;
}

qsizetype LessonQuestion::choiceFor(const QString& given) const {
    if (given.trimmed().isEmpty()) return -1; // the run did not say
    qsizetype catchAll = -1;
    for (qsizetype i = 0; i < choices.size(); ++i) {
        if (choices[i].isCatchAll()) {
            catchAll = i;
        } else if (choices[i].value == given.trimmed()) {
            return i;
        }
    }
    return catchAll;
}

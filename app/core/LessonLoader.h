#pragma once

// Reads a lesson folder (docs/lessons.md) into a Lesson and checks it, reporting every
// problem it finds with its file and line: a malformed line, an unknown section or key, a
// missing language, an unknown moment or answer rule, a step on a line the script does not
// have, a missing script, text that is not UTF-8, ... It never throws and never gives up
// early: a broken lesson comes back with all its problems listed.

#include "core/Lesson.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class LessonLoader {
    Q_DECLARE_TR_FUNCTIONS(LessonLoader)

public:
    // The name of the text file of a lesson folder.
    static QString fileName() { return QStringLiteral("lesson.ini"); }
    // The languages every lesson must have all its texts in.
    static QStringList requiredLanguages() {
        return {QStringLiteral("en"), QStringLiteral("zh_CN")};
    }
    // Files larger than this are not read (a lesson file is a few kilobytes).
    static constexpr qint64 kMaxFileSize = 1024 * 1024;

    static bool isLessonFolder(const QString& directory);
    // Reads and checks the lesson in `directory`. Problems are in Lesson::problems.
    static Lesson load(const QString& directory);
};

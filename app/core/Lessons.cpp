#include "core/Lessons.h"

#include "core/LessonLoader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

QStringList lessonDirectories() {
    QStringList dirs;
    dirs << QDir(QCoreApplication::applicationDirPath())
                .absoluteFilePath(QStringLiteral("../share/forkscope/lessons"));
#ifdef FORKSCOPE_LESSONS_DIR
    dirs << QStringLiteral(FORKSCOPE_LESSONS_DIR);
#endif
    QStringList existing;
    for (const QString& dir : dirs)
        if (QFileInfo(dir).isDir()) existing << QDir::cleanPath(dir);
    existing.removeDuplicates();
    return existing;
}

QString firstLessonIn(const QString& directory) {
    if (LessonLoader::isLessonFolder(directory)) {
        const Lesson lesson = LessonLoader::load(directory);
        if (!lesson.scriptPath.isEmpty() && QFileInfo(lesson.scriptPath).isFile())
            return lesson.scriptPath;
    }
    const QDir dir(directory);
    const QFileInfoList scripts =
        dir.entryInfoList({QStringLiteral("*.py")}, QDir::Files | QDir::Readable, QDir::Name);
    if (!scripts.isEmpty()) return scripts.first().absoluteFilePath();
    const QFileInfoList subdirs =
        dir.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Readable, QDir::Name);
    for (const QFileInfo& sub : subdirs) {
        if (sub.fileName().startsWith(QLatin1Char('_')) || sub.fileName().startsWith('.'))
            continue; // __pycache__, hidden folders
        const QString found = firstLessonIn(sub.absoluteFilePath());
        if (!found.isEmpty()) return found;
    }
    return {};
}

#include "core/LessonLibrary.h"

#include "core/LessonLoader.h"
#include "core/Lessons.h"

#include <QDir>
#include <QFileInfo>
#include <QMap>
#include <QStandardPaths>

LessonLibrary::LessonLibrary(QObject* parent) : LessonLibrary(defaultSearchPaths(), parent) {}

LessonLibrary::LessonLibrary(const QStringList& searchPaths, QObject* parent)
    : QObject(parent), m_searchPaths(searchPaths) {
    reload();
}

QString LessonLibrary::userDirectory() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/forkscope/lessons");
}

QStringList LessonLibrary::defaultSearchPaths() {
    QStringList paths = lessonDirectories();
    const QString user = QDir::cleanPath(userDirectory());
    paths.removeAll(user);
    paths << user;
    return paths;
}

void LessonLibrary::setSearchPaths(const QStringList& paths) {
    m_searchPaths = paths;
    reload();
}

void LessonLibrary::reload() {
    QMap<QString, Lesson> byId; // ordered by folder name; a later folder overrides
    m_folderProblems.clear();
    for (const QString& path : std::as_const(m_searchPaths)) {
        const QDir dir(path);
        if (!dir.exists()) continue;
        const QFileInfoList folders =
            dir.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Readable, QDir::Name);
        for (const QFileInfo& folder : folders) {
            const QString name = folder.fileName();
            if (name.startsWith(QLatin1Char('_')) || name.startsWith(QLatin1Char('.')))
                continue; // __pycache__, hidden folders
            if (LessonLoader::isLessonFolder(folder.absoluteFilePath())) {
                byId.insert(name, LessonLoader::load(folder.absoluteFilePath()));
            } else if (!QDir(folder.absoluteFilePath())
                            .entryList({QStringLiteral("*.py")}, QDir::Files)
                            .isEmpty()) {
                m_folderProblems << LessonProblem{
                    QDir(folder.absoluteFilePath()).filePath(LessonLoader::fileName()), 0,
                    tr("this folder has a Python script but no %1, so it is not a lesson yet")
                        .arg(LessonLoader::fileName())};
            }
        }
    }
    m_lessons = byId.values();
    emit reloaded();
}

const Lesson* LessonLibrary::lesson(const QString& id) const {
    for (const Lesson& l : m_lessons)
        if (l.id == id) return &l;
    return nullptr;
}

QList<LessonChapter> LessonLibrary::chapters() const {
    QList<LessonChapter> chapters;
    for (const Lesson& l : m_lessons) {
        const QString key = l.chapter.in(QStringLiteral("en"));
        auto it = std::find_if(chapters.begin(), chapters.end(), [&key](const LessonChapter& c) {
            return c.title.in(QStringLiteral("en")) == key;
        });
        if (it == chapters.end()) {
            chapters.append(LessonChapter{l.chapter, {}});
            it = chapters.end() - 1;
        }
        it->lessonIds << l.id;
    }
    return chapters;
}

QList<LessonProblem> LessonLibrary::problems() const {
    QList<LessonProblem> all = m_folderProblems;
    for (const Lesson& l : m_lessons)
        all += l.problems;
    return all;
}

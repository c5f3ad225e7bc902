#pragma once

// Every lesson the app can offer: those installed with it (lessonDirectories()) and those in
// the user's folder (~/.local/share/forkscope/lessons), where a teacher adds a lesson, or
// overrides an installed one by copying its folder there under the same name, without
// rebuilding anything. reload() reads them all again.

#include "core/Lesson.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

struct LessonChapter {
    LessonText title;
    QStringList lessonIds; // in lesson order
};

class LessonLibrary : public QObject {
    Q_OBJECT

public:
    // Starts with defaultSearchPaths() and reads them.
    explicit LessonLibrary(QObject* parent = nullptr);
    LessonLibrary(const QStringList& searchPaths, QObject* parent = nullptr);

    // GenericDataLocation/forkscope/lessons: ~/.local/share/forkscope/lessons, or under
    // $XDG_DATA_HOME when it is set. It need not exist.
    static QString userDirectory();
    // lessonDirectories(), then userDirectory().
    static QStringList defaultSearchPaths();

    QStringList searchPaths() const { return m_searchPaths; }
    // Sets the folders to look in (later ones override earlier ones) and reloads.
    void setSearchPaths(const QStringList& paths);

    // Reads every lesson folder again; emits reloaded().
    void reload();

    // Every lesson found, valid or not, ordered by folder name (01-fork, 02-zombie, ...).
    const QList<Lesson>& lessons() const { return m_lessons; }
    const Lesson* lesson(const QString& id) const;
    // The chapters, in the order of their first lesson; a chapter is known by its English
    // title.
    QList<LessonChapter> chapters() const;
    // Every problem of every lesson, and folders that look like lessons but have no
    // lesson.ini.
    QList<LessonProblem> problems() const;

signals:
    void reloaded();

private:
    QStringList m_searchPaths;
    QList<Lesson> m_lessons;
    QList<LessonProblem> m_folderProblems;
};

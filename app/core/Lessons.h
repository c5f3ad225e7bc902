#pragma once

#include <QString>
#include <QStringList>

// Where the lessons are: the installed share/forkscope/lessons next to the executable's prefix,
// then the folder baked in at build time (the source tree's lessons/ in a dev build).
QStringList lessonDirectories();

// The first lesson script in a folder: the script a lesson folder's lesson.ini names, else the
// first .py in name order, looking into sub-folders (also in name order) when the folder itself
// has none. Empty if there is none.
QString firstLessonIn(const QString& directory);

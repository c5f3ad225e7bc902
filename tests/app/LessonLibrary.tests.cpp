// Finding lessons: the installed ones and the user's folder under XDG_DATA_HOME, where a
// teacher drops or edits a lesson and reloads, without rebuilding anything.

#include "core/LessonLibrary.h"

#include "TestSupport.h"
#include "core/LessonLoader.h"
#include "core/Lessons.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace {

QString shippedLessons() {
    return QDir(QStringLiteral(FORKSCOPE_SOURCE_DIR)).filePath(QStringLiteral("lessons"));
}

void writeFile(const QString& path, const QByteArray& text) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

QByteArray lessonText(const QByteArray& titleEn, const QByteArray& chapterEn = "My own lessons") {
    return "[lesson]\n"
           "script = hello.py\n"
           "title[en] = " +
           titleEn +
           "\n"
           "title[zh_CN] = 我的课\n"
           "chapter[en] = " +
           chapterEn +
           "\n"
           "chapter[zh_CN] = 我自己的课\n"
           "goal[en] = Say hello.\n"
           "goal[zh_CN] = 打个招呼。\n"
           "intro[en] = A lesson a teacher wrote.\n"
           "intro[zh_CN] = 老师自己写的一课。\n"
           "\n"
           "[step]\n"
           "at = output hello\n"
           "text[en] = It said hello.\n"
           "text[zh_CN] = 它打了招呼。\n";
}

} // namespace

TEST_CASE("lessons: the user's lesson folder is under XDG_DATA_HOME and searched last",
          "[lessons]") {
    testing::TemporaryDataHome home;
    CHECK(LessonLibrary::userDirectory() == home.path() + QStringLiteral("/forkscope/lessons"));
    const QStringList paths = LessonLibrary::defaultSearchPaths();
    REQUIRE_FALSE(paths.isEmpty());
    CHECK(paths.last() == LessonLibrary::userDirectory());
    // In a build tree the source tree's lessons come first.
    CHECK(paths.contains(QDir::cleanPath(shippedLessons())));
}

TEST_CASE("lessons: a lesson folder dropped into the user folder appears after a reload",
          "[lessons]") {
    testing::TemporaryDataHome home;
    LessonLibrary library; // the default search paths: the shipped lessons and the user folder
    const qsizetype shipped = library.lessons().size();
    REQUIRE(shipped >= 16);
    REQUIRE(library.lesson(QStringLiteral("99-my-lesson")) == nullptr);

    // A teacher writes a lesson, with no rebuild, while the app runs.
    const QString folder = LessonLibrary::userDirectory() + QStringLiteral("/99-my-lesson");
    writeFile(folder + QStringLiteral("/hello.py"), "print('hello')\n");
    writeFile(folder + QStringLiteral("/lesson.ini"), lessonText("My lesson"));
    CHECK(library.lesson(QStringLiteral("99-my-lesson")) == nullptr); // not before a reload

    QSignalSpy reloaded(&library, &LessonLibrary::reloaded);
    library.reload();
    CHECK(reloaded.count() == 1);
    REQUIRE(library.lessons().size() == shipped + 1);
    const Lesson* mine = library.lesson(QStringLiteral("99-my-lesson"));
    REQUIRE(mine != nullptr);
    const std::string firstProblem =
        mine->problems.isEmpty() ? std::string() : mine->problems.first().toString().toStdString();
    INFO(firstProblem);
    CHECK(mine->isValid());
    CHECK(mine->title.exact(QStringLiteral("en")) == QLatin1String("My lesson"));
    CHECK(library.lessons().last().id == QLatin1String("99-my-lesson")); // in folder order
    CHECK(library.chapters().last().title.exact(QStringLiteral("en")) ==
          QLatin1String("My own lessons"));

    // Edited while the app runs: the reload shows the new text.
    writeFile(folder + QStringLiteral("/lesson.ini"), lessonText("My lesson, edited"));
    library.reload();
    CHECK(library.lesson(QStringLiteral("99-my-lesson"))->title.exact(QStringLiteral("en")) ==
          QLatin1String("My lesson, edited"));

    // Broken by the edit: it is still listed, with its problem, file and line.
    writeFile(folder + QStringLiteral("/lesson.ini"),
              lessonText("My lesson").replace("at = output hello", "at = output"));
    library.reload();
    const Lesson* broken = library.lesson(QStringLiteral("99-my-lesson"));
    REQUIRE(broken != nullptr);
    REQUIRE(broken->problems.size() == 1);
    CHECK(broken->problems.first().file == folder + QStringLiteral("/lesson.ini"));
    CHECK(broken->problems.first().line == 13);
    CHECK(library.problems().size() == 1);

    // Removed: gone after the next reload.
    QDir(folder).removeRecursively();
    library.reload();
    CHECK(library.lessons().size() == shipped);
}

TEST_CASE("lessons: a lesson in the user folder overrides the installed one of the same name",
          "[lessons]") {
    testing::TemporaryDataHome home;
    const QString folder = LessonLibrary::userDirectory() + QStringLiteral("/01-fork");
    writeFile(folder + QStringLiteral("/hello.py"), "print('hello')\n");
    writeFile(folder + QStringLiteral("/lesson.ini"),
              lessonText("The teacher's own first lesson", "Processes and fork"));
    LessonLibrary library;
    const Lesson* first = library.lesson(QStringLiteral("01-fork"));
    REQUIRE(first != nullptr);
    CHECK(first->directory == QDir(folder).absolutePath());
    CHECK(first->title.exact(QStringLiteral("en")) ==
          QLatin1String("The teacher's own first lesson"));
    CHECK(std::count_if(library.lessons().cbegin(), library.lessons().cend(),
                        [](const Lesson& l) { return l.id == QLatin1String("01-fork"); }) == 1);
}

TEST_CASE("lessons: a folder with a script but no lesson.ini is reported, not listed",
          "[lessons]") {
    LessonLibrary library({testing::dataPath(QStringLiteral("broken_lessons"))});
    CHECK(library.lesson(QStringLiteral("no-lesson-file")) == nullptr);
    const QList<LessonProblem> problems = library.problems();
    CHECK(std::any_of(problems.cbegin(), problems.cend(), [](const auto& p) {
        return p.file.endsWith(QLatin1String("no-lesson-file/lesson.ini")) &&
               p.message.contains(QLatin1String("no lesson.ini"));
    }));
    // Every broken lesson is listed, with its problems, and none is valid.
    for (const Lesson& lesson : library.lessons()) {
        INFO(lesson.id.toStdString());
        CHECK_FALSE(lesson.isValid());
    }
    CHECK(library.lessons().size() == 9);
}

TEST_CASE("lessons: the first lesson of a folder is the script its lesson.ini names", "[lessons]") {
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("a_helper.py")), "x = 1\n");
    writeFile(dir.filePath(QStringLiteral("hello.py")), "print('hello')\n");
    CHECK(QFileInfo(firstLessonIn(dir.path())).fileName() == QLatin1String("a_helper.py"));
    writeFile(dir.filePath(QStringLiteral("lesson.ini")), lessonText("Mine"));
    CHECK(QFileInfo(firstLessonIn(dir.path())).fileName() == QLatin1String("hello.py"));
    // The shipped lessons open on the first lesson's script.
    CHECK(QFileInfo(firstLessonIn(shippedLessons())).fileName() == QLatin1String("fork.py"));
}

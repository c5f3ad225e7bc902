// The lesson format (docs/lessons.md): the shipped lessons load cleanly and completely in both
// languages, and every broken lesson under data/broken_lessons gives the expected problems,
// each with its file and line, without a crash.

#include "core/LessonLoader.h"

#include "TestSupport.h"
#include "core/LessonLibrary.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

namespace {

QString brokenLesson(const QString& name) {
    return testing::dataPath(QStringLiteral("broken_lessons/") + name);
}

QString shippedLessons() {
    return QDir(QStringLiteral(FORKSCOPE_SOURCE_DIR)).filePath(QStringLiteral("lessons"));
}

struct Expected {
    const char* file; // lesson.ini or the script's name
    int line;
    const char* fragment; // part of the message
};

QString describe(const QList<LessonProblem>& problems) {
    QStringList lines;
    for (const LessonProblem& p : problems)
        lines << p.toString();
    return lines.join(QLatin1Char('\n'));
}

// Every expected problem is there, with its file and line, and there is no other.
void requireProblems(const Lesson& lesson, const std::vector<Expected>& expected) {
    INFO(describe(lesson.problems).toStdString());
    for (const Expected& e : expected) {
        INFO("expected " << e.file << ":" << e.line << ": ..." << e.fragment << "...");
        const bool found =
            std::any_of(lesson.problems.cbegin(), lesson.problems.cend(), [&](const auto& p) {
                return QFileInfo(p.file).fileName() == QLatin1String(e.file) && p.line == e.line &&
                       p.message.contains(QString::fromUtf8(e.fragment));
            });
        CHECK(found);
    }
    CHECK(lesson.problems.size() == qsizetype(expected.size()));
    CHECK_FALSE(lesson.isValid());
}

// The line numbers a text mentions: "line 12", "lines 9 to 15", "(35 and 36)" in English,
// "第 12 行", "第 9 到 15 行", "第 35、36 行" in Chinese.
QSet<int> mentionedLines(const QString& text) {
    static const QRegularExpression english(
        QStringLiteral(R"(\blines? (\d+)(?:\s+(?:to|and)\s+(\d+))?)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression chinese(
        QStringLiteral(R"(第 (\d+)(?:\s*(?:到|、)\s*(\d+))? 行)"));
    static const QRegularExpression pair(QStringLiteral(R"(\((\d+) and (\d+)\))"));
    QSet<int> lines;
    for (const QRegularExpression* re : {&english, &chinese, &pair}) {
        auto it = re->globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            lines.insert(m.captured(1).toInt());
            if (!m.captured(2).isEmpty()) lines.insert(m.captured(2).toInt());
        }
    }
    return lines;
}

bool hasCjk(const QString& text) {
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return LessonText::isCjk(c); });
}

} // namespace

TEST_CASE("lessons: every shipped lesson loads without a problem", "[lessons]") {
    LessonLibrary library({shippedLessons()});
    INFO(describe(library.problems()).toStdString());
    REQUIRE(library.lessons().size() >= 16);
    CHECK(library.problems().isEmpty());
    for (const Lesson& lesson : library.lessons()) {
        INFO(lesson.id.toStdString());
        CHECK(lesson.isValid());
        CHECK(QFileInfo(lesson.scriptPath).isFile());
        CHECK_FALSE(lesson.steps.isEmpty());
        CHECK(std::any_of(lesson.steps.cbegin(), lesson.steps.cend(),
                          [](const LessonStep& s) { return s.moment.has_value(); }));
        CHECK(lesson.questions.size() == 1);
        CHECK_FALSE(lesson.scenarios.isEmpty());
    }
}

TEST_CASE("lessons: every shipped lesson is complete in English and Chinese", "[lessons]") {
    LessonLibrary library({shippedLessons()});
    for (const Lesson& lesson : library.lessons()) {
        QList<std::pair<QString, const LessonText*>> texts{
            {QStringLiteral("title"), &lesson.title},
            {QStringLiteral("chapter"), &lesson.chapter},
            {QStringLiteral("goal"), &lesson.goal},
            {QStringLiteral("intro"), &lesson.intro}};
        for (qsizetype i = 0; i < lesson.steps.size(); ++i)
            texts.append({QStringLiteral("step %1").arg(i + 1), &lesson.steps[i].text});
        for (const LessonQuestion& q : lesson.questions) {
            texts.append({QStringLiteral("question"), &q.ask});
            texts.append({QStringLiteral("explanation"), &q.explain});
            for (const LessonChoice& c : q.choices)
                if (!c.text.isEmpty()) texts.append({QStringLiteral("choice ") + c.value, &c.text});
        }
        for (const auto& [what, text] : texts) {
            INFO(lesson.id.toStdString() << ", " << what.toStdString());
            const QString en = text->exact(QStringLiteral("en"));
            const QString zh = text->exact(QStringLiteral("zh_CN"));
            CHECK_FALSE(en.isEmpty());
            CHECK_FALSE(zh.isEmpty());
            // Chinese text, not an English one left untranslated (a choice may be a value
            // that reads the same in both, such as "0" or "Process-3").
            if (!what.startsWith(QLatin1String("choice")) && what != QLatin1String("chapter"))
                CHECK(hasCjk(zh));
            CHECK_FALSE(hasCjk(en));
            // Both say the same lines of the script, and the script has them.
            CHECK(mentionedLines(en) == mentionedLines(zh));
            QFile script(lesson.scriptPath);
            REQUIRE(script.open(QIODevice::ReadOnly));
            const qsizetype count = script.readAll().count('\n');
            for (int line : mentionedLines(en))
                CHECK(line <= count);
        }
    }
}

TEST_CASE("lessons: the shipped lessons form chapters named alike in both languages", "[lessons]") {
    LessonLibrary library({shippedLessons()});
    const QList<LessonChapter> chapters = library.chapters();
    QStringList titles;
    for (const LessonChapter& chapter : chapters)
        titles << chapter.title.exact(QStringLiteral("en"));
    CHECK(titles == QStringList{QStringLiteral("Processes and fork"),
                                QStringLiteral("Zombies, orphans and daemons"),
                                QStringLiteral("multiprocessing.Process"), QStringLiteral("Pool"),
                                QStringLiteral("Queue and Manager"), QStringLiteral("Lock"),
                                QStringLiteral("States and scheduling"),
                                QStringLiteral("Going further")});
    // Every lesson of a chapter spells the chapter the same way in Chinese too.
    for (const LessonChapter& chapter : chapters) {
        for (const QString& id : chapter.lessonIds) {
            INFO(id.toStdString());
            CHECK(library.lesson(id)->chapter.exact(QStringLiteral("zh_CN")) ==
                  chapter.title.exact(QStringLiteral("zh_CN")));
        }
    }
    // The scenarios the engine runs today are all covered.
    QSet<QString> covered;
    for (const Lesson& lesson : library.lessons())
        for (const QString& s : lesson.scenarios)
            covered.insert(s);
    for (const char* s : {"S01", "S02", "S03", "S04", "S05", "S06", "S07", "S08", "S09", "S10",
                          "S11", "S12", "S13", "S14", "S15", "S16", "S17", "S18", "S19", "S20",
                          "S21", "S22", "S23", "S24", "S25", "S26", "S27", "S28", "S29"}) {
        INFO(s);
        CHECK(covered.contains(QLatin1String(s)));
    }
}

TEST_CASE("lessons: a lesson's texts, steps and questions are read as written", "[lessons]") {
    const Lesson lesson = LessonLoader::load(QDir(shippedLessons()).filePath("03-orphan"));
    REQUIRE(lesson.isValid());
    CHECK(lesson.id == QLatin1String("03-orphan"));
    CHECK(lesson.scriptName == QLatin1String("orphan.py"));
    CHECK(lesson.scenarios == QStringList{QStringLiteral("S03")});
    CHECK(lesson.title.exact(QStringLiteral("en")) ==
          QLatin1String("An orphan is adopted by PID 1"));
    CHECK(lesson.title.line(QStringLiteral("en")) == 6);
    CHECK(lesson.title.in(QStringLiteral("zh")) == QStringLiteral("孤儿进程由 PID 1 收养"));
    CHECK(lesson.title.in(QStringLiteral("fr")) == lesson.title.exact(QStringLiteral("en")));
    // Paragraphs: lines joined with spaces in English, without them between Chinese
    // characters, and a blank line between paragraphs.
    CHECK(lesson.intro.exact(QStringLiteral("en"))
              .startsWith(QStringLiteral(
                  "Every process has a parent, and only the parent can reap it. So what if "
                  "the parent exits")));
    CHECK(lesson.intro.exact(QStringLiteral("zh_CN"))
              .contains(QStringLiteral("那么，如果子进程还在运行")));
    CHECK(lesson.cores == 0);

    REQUIRE(lesson.steps.size() == 5);
    CHECK_FALSE(lesson.steps[0].moment.has_value());
    REQUIRE(lesson.steps[2].moment.has_value());
    CHECK(lesson.steps[2].moment->kind == LessonMoment::Kind::Reparent);
    CHECK(lesson.steps[2].moment->who == QLatin1String("child"));
    CHECK(lesson.steps[2].panel == QLatin1String("tree"));
    CHECK(lesson.steps[4].moment->toString() == QLatin1String("reap by 1"));

    REQUIRE(lesson.questions.size() == 1);
    const LessonQuestion& q = lesson.questions.first();
    REQUIRE(q.choices.size() == 3);
    CHECK(q.choiceFor(QStringLiteral("1")) == 0);
    CHECK(q.choiceFor(QStringLiteral("0")) == 1);
    CHECK(q.choiceFor(QStringLiteral("2")) == 2); // "*"
    CHECK(q.choiceFor(QString()) == -1);          // the run did not say

    const Lesson states = LessonLoader::load(QDir(shippedLessons()).filePath("50-process-states"));
    CHECK(states.cores == 1);
}

TEST_CASE("lessons: LessonText joins the lines of a value into paragraphs", "[lessons]") {
    CHECK(LessonText::joinLines({QStringLiteral("one"), QStringLiteral("two")}) ==
          QLatin1String("one two"));
    CHECK(LessonText::joinLines({QStringLiteral("一个"), QStringLiteral("两个")}) ==
          QStringLiteral("一个两个"));
    CHECK(LessonText::joinLines({QStringLiteral("调用"), QStringLiteral("os.fork()")}) ==
          QStringLiteral("调用 os.fork()"));
    CHECK(LessonText::joinLines({QStringLiteral("a"), QString(), QString(), QStringLiteral("b"),
                                 QString()}) == QLatin1String("a\n\nb"));
    CHECK(LessonText::joinLines({QStringLiteral("list:"), QStringLiteral("- one"),
                                 QStringLiteral("  more"), QStringLiteral("- two")}) ==
          QLatin1String("list:\n- one more\n- two"));
}

TEST_CASE("lessons: a missing language is reported at the text that lacks it", "[lessons]") {
    requireProblems(LessonLoader::load(brokenLesson("missing-language")),
                    {{"lesson.ini", 4, "'title' has no zh_CN text"},
                     {"lesson.ini", 9, "'intro' has no zh_CN text"},
                     {"lesson.ini", 14, "'text' has no en text"}});
}

TEST_CASE("lessons: unknown or malformed moments are reported with their line", "[lessons]") {
    requireProblems(LessonLoader::load(brokenLesson("unknown-moment")),
                    {{"lesson.ini", 13, "unknown moment 'zombi'"},
                     {"lesson.ini", 18, "'state' needs a state"},
                     {"lesson.ini", 23, "'exit' takes nothing or an exit code"},
                     {"lesson.ini", 28, "'reap' takes nothing or 'by' and a pid"},
                     {"lesson.ini", 33, "'output' needs the text to look for"},
                     {"lesson.ini", 39, "'who' does not apply to 'start'"},
                     {"lesson.ini", 45, "'count' says which occurrence"},
                     {"lesson.ini", 46, "unknown panel 'screen'"}});
}

TEST_CASE("lessons: a step on a line the script does not have is reported", "[lessons]") {
    requireProblems(LessonLoader::load(brokenLesson("bad-line")),
                    {{"lesson.ini", 13, "has 6 line(s): there is no line 99"},
                     {"lesson.ini", 18, "line 2 of 'script.py' is blank or a comment"},
                     {"lesson.ini", 23, "line 1 of 'script.py' is blank or a comment"},
                     {"lesson.ini", 28, "'line' needs a line number"}});
}

TEST_CASE("lessons: broken questions and answer rules are reported", "[lessons]") {
    requireProblems(LessonLoader::load(brokenLesson("bad-question")),
                    {{"lesson.ini", 12, "a [choice] belongs to the [question] above it"},
                     {"lesson.ini", 20, "unknown answer rule 'stdout words'"},
                     {"lesson.ini", 28,
                      "two choices of this question have the value '1' (the "
                      "other is on line 24)"},
                     {"lesson.ini", 17, "this question has 1 choice(s)"},
                     {"lesson.ini", 35, "not a valid regular expression"},
                     {"lesson.ini", 43,
                      "a second 'value = *' in this question (the first is "
                      "on line 39)"},
                     {"lesson.ini", 48, "[question] has no 'answer'"},
                     {"lesson.ini", 48, "[question] has no 'explain'"}});
}

TEST_CASE("lessons: a missing script is reported", "[lessons]") {
    requireProblems(LessonLoader::load(brokenLesson("missing-script")),
                    {{"lesson.ini", 2, "the script 'nowhere.py' is not in the lesson's folder"}});
}

TEST_CASE("lessons: text that is not UTF-8 is reported, in the lesson file and in the script",
          "[lessons]") {
    const Lesson lesson = LessonLoader::load(brokenLesson("bad-encoding"));
    requireProblems(lesson,
                    {{"lesson.ini", 6, "not valid UTF-8"}, {"script.py", 2, "not valid UTF-8"}});
    // The rest of the file is still read.
    CHECK(lesson.title.exact(QStringLiteral("zh_CN")) == QStringLiteral("不是 UTF-8"));
}

TEST_CASE("lessons: every kind of malformed line is reported, each once", "[lessons]") {
    requireProblems(LessonLoader::load(brokenLesson("malformed")),
                    {{"lesson.ini", 1, "'title' comes before any section"},
                     {"lesson.ini", 4, "'script' is the same in every language"},
                     {"lesson.ini", 5, "'title' needs a language"},
                     {"lesson.ini", 8,
                      "'title[en]' is given twice in this section (first on "
                      "line 6)"},
                     {"lesson.ini", 9, "'chapter[en]' is empty"},
                     {"lesson.ini", 11, "'klingon' is not a language"},
                     {"lesson.ini", 16, "unknown key 'colour' in [lesson]"},
                     {"lesson.ini", 17, "'cores' is the number of CPUs"},
                     {"lesson.ini", 18, "'speed' scales time.sleep"},
                     {"lesson.ini", 19, "'scenario' is not a scenario"},
                     {"lesson.ini", 19, "'2' is not a scenario"},
                     {"lesson.ini", 20, "expected 'key = value'"},
                     {"lesson.ini", 21, "an indented line continues a value"},
                     {"lesson.ini", 22, "unknown section [chapter]"},
                     {"lesson.ini", 27, "a section header is a name in square brackets"}});
}

TEST_CASE("lessons: an empty lesson file, a binary one, a missing one and a huge one are reported",
          "[lessons]") {
    requireProblems(LessonLoader::load(brokenLesson("empty")),
                    {{"lesson.ini", 0, "there is no [lesson] section"},
                     {"lesson.ini", 0, "the lesson has no [step]"}});
    requireProblems(LessonLoader::load(brokenLesson("no-lesson-file")),
                    {{"lesson.ini", 0, "there is no lesson.ini in this lesson folder"}});

    const Lesson binary = LessonLoader::load(brokenLesson("binary"));
    INFO(describe(binary.problems).toStdString());
    CHECK_FALSE(binary.isValid());
    for (int line : {1, 2, 4}) {
        CHECK(std::any_of(binary.problems.cbegin(), binary.problems.cend(), [line](const auto& p) {
            return p.line == line && p.message.contains(QLatin1String("UTF-8"));
        }));
    }
    CHECK(std::any_of(binary.problems.cbegin(), binary.problems.cend(), [](const auto& p) {
        return p.message.contains(QLatin1String("no [lesson] section"));
    }));

    QTemporaryDir dir;
    QFile huge(QDir(dir.path()).filePath(LessonLoader::fileName()));
    REQUIRE(huge.open(QIODevice::WriteOnly));
    huge.write(QByteArray(LessonLoader::kMaxFileSize + 1, '#'));
    huge.close();
    requireProblems(LessonLoader::load(dir.path()),
                    {{"lesson.ini", 0, "the file is too large for a lesson"}});
}

TEST_CASE("lessons: a problem reads as file:line: message", "[lessons]") {
    const LessonProblem p{QStringLiteral("/x/lesson.ini"), 12, QStringLiteral("oops")};
    CHECK(p.toString() == QLatin1String("/x/lesson.ini:12: oops"));
    const LessonProblem whole{QStringLiteral("/x/lesson.ini"), 0, QStringLiteral("oops")};
    CHECK(whole.toString() == QLatin1String("/x/lesson.ini: oops"));
}

#include "core/LessonLoader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>
#include <array>

namespace {

// ---- The file, as sections of entries -------------------------------------------------

struct Entry {
    QString key;
    QString language; // empty when none was given
    bool hasLanguage = false;
    QStringList lines; // the value: the text after '=' and every continuation line
    int line = 0;

    QString value() const { return LessonText::joinLines(lines); }
    QString spelled() const {
        return hasLanguage ? key + QLatin1Char('[') + language + QLatin1Char(']') : key;
    }
};

struct Section {
    QString name;
    int line = 0;
    QList<Entry> entries;
};

// What a key of a section takes.
struct KeyRule {
    const char* section;
    const char* key;
    bool localized; // key[language] = text
    bool required;
};

constexpr std::array kKeys{
    KeyRule{"lesson", "script", false, true},   KeyRule{"lesson", "scenarios", false, false},
    KeyRule{"lesson", "cores", false, false},   KeyRule{"lesson", "speed", false, false},
    KeyRule{"lesson", "title", true, true},     KeyRule{"lesson", "chapter", true, true},
    KeyRule{"lesson", "goal", true, true},      KeyRule{"lesson", "intro", true, true},
    KeyRule{"step", "at", false, false},        KeyRule{"step", "who", false, false},
    KeyRule{"step", "count", false, false},     KeyRule{"step", "panel", false, false},
    KeyRule{"step", "text", true, true},        KeyRule{"question", "ask", true, true},
    KeyRule{"question", "answer", false, true}, KeyRule{"question", "explain", true, true},
    KeyRule{"choice", "value", false, true},    KeyRule{"choice", "text", true, false},
};

const KeyRule* keyRule(const QString& section, const QString& key) {
    for (const KeyRule& rule : kKeys)
        if (section == QLatin1String(rule.section) && key == QLatin1String(rule.key)) return &rule;
    return nullptr;
}

QStringList keysOf(const QString& section) {
    QStringList keys;
    for (const KeyRule& rule : kKeys)
        if (section == QLatin1String(rule.section))
            keys << (rule.localized ? QLatin1String(rule.key) + QStringLiteral("[LANGUAGE]")
                                    : QString::fromLatin1(rule.key));
    return keys;
}

QString quotedList(const QStringList& words) {
    return QLatin1Char('\'') + words.join(QStringLiteral("', '")) + QLatin1Char('\'');
}

// The lines of a file decoded as UTF-8, with the numbers of the lines that were not.
struct DecodedText {
    QStringList lines;
    QList<int> badLines;
};

DecodedText decodeLines(QByteArray data) {
    DecodedText out;
    if (data.startsWith("\xEF\xBB\xBF")) data.remove(0, 3); // a byte order mark
    const QList<QByteArray> raw = data.split('\n');
    for (qsizetype i = 0; i < raw.size(); ++i) {
        QByteArray bytes = raw[i];
        if (bytes.endsWith('\r')) bytes.chop(1);
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString text = decoder.decode(bytes);
        // A sequence cut short at the end of the line is no error to a decoder that waits for
        // more; text that does not convert back to the same bytes was not UTF-8.
        if (decoder.hasError() || bytes.contains('\0') || text.toUtf8() != bytes) {
            out.badLines << int(i + 1);
            text.replace(QChar(u'\0'), QChar::ReplacementCharacter);
        }
        out.lines << text;
    }
    // A final newline does not start another line.
    if (!out.lines.isEmpty() && out.lines.last().isEmpty() && data.endsWith('\n'))
        out.lines.removeLast();
    return out;
}

// ---- Checking -----------------------------------------------------------------------

class Checker {
    Q_DECLARE_TR_FUNCTIONS(LessonLoader)

public:
    explicit Checker(Lesson& lesson) : m_lesson(lesson) {}

    void run(const QByteArray& data);

private:
    void problem(int line, const QString& message) {
        m_lesson.problems << LessonProblem{m_lesson.file, line, message};
    }
    void problemIn(const QString& file, int line, const QString& message) {
        m_lesson.problems << LessonProblem{file, line, message};
    }

    QList<Section> parseSections(const QStringList& lines);
    void collectLanguages(const QList<Section>& sections);
    struct Entries {
        QHash<QString, QList<Entry>> good; // by key
        QSet<QString> mentioned;           // every key[language] written, good or not
    };
    // The entries of a section checked against its keys (unknown keys, a language where none
    // is taken or none where one is needed, duplicates, empty values).
    Entries checkedEntries(const Section& section);
    // A localized text; a language missing from it is reported (unless it was written but
    // broken, which was reported already).
    LessonText text(const Entries& entries, const QString& key);
    QString plain(const Entries& entries, const QString& key, int* line = nullptr) const;

    void readLesson(const Section& section);
    void readScript(const QString& name, int line);
    void readStep(const Section& section);
    void readQuestion(const Section& section);
    void readChoice(const Section& section);

    Lesson& m_lesson;
    QStringList m_languages; // the required ones, then any other used in the file
    QStringList m_scriptLines;
    bool m_haveScript = false;
};

void Checker::run(const QByteArray& data) {
    const DecodedText decoded = decodeLines(data);
    for (int line : decoded.badLines)
        problem(line, tr("this line is not valid UTF-8 text; save the file as UTF-8"));

    const QList<Section> sections = parseSections(decoded.lines);
    collectLanguages(sections);

    const Section* lessonSection = nullptr;
    for (const Section& section : sections) {
        if (section.name != QLatin1String("lesson")) continue;
        if (lessonSection) {
            problem(section.line, tr("a second [lesson] section; a lesson file has exactly one "
                                     "(the first is on line %1)")
                                      .arg(lessonSection->line));
            continue;
        }
        lessonSection = &section;
    }
    if (lessonSection) {
        readLesson(*lessonSection);
    } else {
        problem(0, tr("there is no [lesson] section (with script, title, chapter, goal and "
                      "intro)"));
    }

    for (const Section& section : sections) {
        if (section.name == QLatin1String("step")) {
            readStep(section);
        } else if (section.name == QLatin1String("question")) {
            readQuestion(section);
        } else if (section.name == QLatin1String("choice")) {
            readChoice(section);
        }
    }
    if (m_lesson.steps.isEmpty()) problem(0, tr("the lesson has no [step]; give it at least one"));
    for (const LessonQuestion& q : std::as_const(m_lesson.questions)) {
        if (q.choices.size() < 2)
            problem(q.line, tr("this question has %n choice(s); give it at least two, each in "
                               "a [choice] section after it",
                               nullptr, int(q.choices.size())));
    }
}

QList<Section> Checker::parseSections(const QStringList& lines) {
    static const QRegularExpression header(QStringLiteral(R"(^\[\s*([^\]]*?)\s*\]\s*$)"));
    static const QRegularExpression entry(
        QStringLiteral(R"(^([A-Za-z][A-Za-z0-9_-]*)\s*(?:\[([^\]]*)\])?\s*=(.*)$)"));
    const QStringList sectionNames{QStringLiteral("lesson"), QStringLiteral("step"),
                                   QStringLiteral("question"), QStringLiteral("choice")};

    QList<Section> sections;
    Section* current = nullptr; // nullptr before the first section, or in an unknown one
    bool inUnknownSection = false;
    Entry* open = nullptr; // the entry continuation lines add to
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int number = int(i + 1);
        const QString& line = lines[i];
        if (line.trimmed().isEmpty()) {
            if (open) open->lines << QString(); // a paragraph break if the value goes on
            continue;
        }
        const QChar first = line.front();
        if (first == QLatin1Char('#') || first == QLatin1Char(';')) continue; // a comment
        if (first == QLatin1Char(' ') || first == QLatin1Char('\t')) {
            if (open) {
                open->lines << line.trimmed();
            } else if (!inUnknownSection) {
                problem(number, tr("an indented line continues a value, but there is no "
                                   "'key = value' line above it to continue"));
            }
            continue;
        }
        open = nullptr;
        if (first == QLatin1Char('[')) {
            const QRegularExpressionMatch m = header.match(line);
            if (!m.hasMatch()) {
                problem(number, tr("a section header is a name in square brackets alone on "
                                   "its line, such as [step]"));
                current = nullptr;
                inUnknownSection = true;
                continue;
            }
            const QString name = m.captured(1);
            if (!sectionNames.contains(name)) {
                problem(number, tr("unknown section [%1]; a section is one of %2")
                                    .arg(name, QStringLiteral("[lesson], [step], [question], "
                                                              "[choice]")));
                current = nullptr;
                inUnknownSection = true;
                continue;
            }
            sections.append(Section{name, number, {}});
            current = &sections.last();
            inUnknownSection = false;
            continue;
        }
        const QRegularExpressionMatch m = entry.match(line);
        if (!m.hasMatch()) {
            problem(number, tr("expected 'key = value', a [section], a comment (# ...) or an "
                               "indented line continuing a value"));
            continue;
        }
        if (!current) {
            if (!inUnknownSection)
                problem(number, tr("'%1' comes before any section; start the file with "
                                   "[lesson]")
                                    .arg(m.captured(1)));
            continue;
        }
        Entry e;
        e.key = m.captured(1);
        e.hasLanguage = m.capturedStart(2) >= 0;
        e.language = m.captured(2).trimmed().replace(QLatin1Char('-'), QLatin1Char('_'));
        e.line = number;
        const QString value = m.captured(3).trimmed();
        if (!value.isEmpty()) e.lines << value;
        current->entries.append(e);
        open = &current->entries.last();
    }
    return sections;
}

void Checker::collectLanguages(const QList<Section>& sections) {
    m_languages = LessonLoader::requiredLanguages();
    static const QRegularExpression tag(QStringLiteral(R"(^[a-z]{2,3}(_[A-Z]{2})?$)"));
    for (const Section& section : sections) {
        for (const Entry& e : section.entries) {
            if (!e.hasLanguage || m_languages.contains(e.language)) continue;
            const KeyRule* rule = keyRule(section.name, e.key);
            if (!rule || !rule->localized) continue;         // reported with the entry
            if (!tag.match(e.language).hasMatch()) continue; // reported with the entry
            m_languages << e.language;
        }
    }
}

Checker::Entries Checker::checkedEntries(const Section& section) {
    static const QRegularExpression tag(QStringLiteral(R"(^[a-z]{2,3}(_[A-Z]{2})?$)"));
    Entries out;
    QHash<QString, int> seen; // spelled key -> line
    for (const Entry& e : section.entries) {
        out.mentioned.insert(e.spelled());
        const KeyRule* rule = keyRule(section.name, e.key);
        if (!rule) {
            problem(e.line, tr("unknown key '%1' in [%2]; the keys of [%2] are %3")
                                .arg(e.key, section.name, quotedList(keysOf(section.name))));
            continue;
        }
        if (rule->localized && !e.hasLanguage) {
            problem(e.line,
                    tr("'%1' needs a language, as in %1[en] = ... and %1[zh_CN] = ...").arg(e.key));
            continue;
        }
        if (!rule->localized && e.hasLanguage) {
            problem(e.line, tr("'%1' is the same in every language: write it without [%2]")
                                .arg(e.key, e.language));
            continue;
        }
        if (e.hasLanguage && !tag.match(e.language).hasMatch()) {
            problem(e.line, tr("'%1' is not a language; write a language as en, zh_CN, de, "
                               "pt_BR, ...")
                                .arg(e.language));
            continue;
        }
        const QString spelled = e.spelled();
        if (seen.contains(spelled)) {
            problem(e.line, tr("'%1' is given twice in this section (first on line %2)")
                                .arg(spelled)
                                .arg(seen.value(spelled)));
            continue;
        }
        seen.insert(spelled, e.line);
        if (e.value().isEmpty()) {
            problem(e.line, tr("'%1' is empty").arg(spelled));
            continue;
        }
        out.good[e.key] << e;
    }
    // Required keys missing altogether (a key given but broken was reported above).
    for (const KeyRule& rule : kKeys) {
        if (section.name != QLatin1String(rule.section) || !rule.required) continue;
        const QString key = QLatin1String(rule.key);
        bool mentioned = false;
        for (const Entry& e : section.entries)
            if (e.key == key) mentioned = true;
        if (mentioned) continue;
        if (rule.localized) {
            problem(section.line, tr("[%1] has no '%2'; add %2[en] = ... and %2[zh_CN] = ...")
                                      .arg(section.name, key));
        } else {
            problem(section.line, tr("[%1] has no '%2'; add %2 = ...").arg(section.name, key));
        }
    }
    return out;
}

LessonText Checker::text(const Entries& entries, const QString& key) {
    LessonText out;
    const QList<Entry> given = entries.good.value(key);
    for (const Entry& e : given)
        out.set(e.language, e.value(), e.line);
    if (given.isEmpty()) return out; // missing or broken: reported by checkedEntries
    for (const QString& language : std::as_const(m_languages)) {
        if (out.has(language)) continue;
        if (entries.mentioned.contains(key + QLatin1Char('[') + language + QLatin1Char(']')))
            continue; // written, but broken
        problem(given.first().line, tr("'%1' has no %2 text; add %1[%2] = ...").arg(key, language));
    }
    return out;
}

QString Checker::plain(const Entries& entries, const QString& key, int* line) const {
    const QList<Entry> given = entries.good.value(key);
    if (given.isEmpty()) return {};
    if (line) *line = given.first().line;
    return given.first().value();
}

void Checker::readLesson(const Section& section) {
    const Entries entries = checkedEntries(section);
    m_lesson.title = text(entries, QStringLiteral("title"));
    m_lesson.chapter = text(entries, QStringLiteral("chapter"));
    m_lesson.goal = text(entries, QStringLiteral("goal"));
    m_lesson.intro = text(entries, QStringLiteral("intro"));

    int line = 0;
    const QString script = plain(entries, QStringLiteral("script"), &line);
    if (!script.isEmpty()) readScript(script, line);

    const QString scenarios = plain(entries, QStringLiteral("scenarios"), &line);
    static const QRegularExpression scenario(QStringLiteral(R"(^S\d\d$)"));
    for (const QString& id :
         scenarios.split(QRegularExpression(QStringLiteral(R"([\s,]+)")), Qt::SkipEmptyParts)) {
        if (scenario.match(id).hasMatch()) {
            m_lesson.scenarios << id;
        } else {
            problem(line, tr("'%1' is not a scenario; scenarios are written S01, S02, ..., "
                             "separated by commas")
                              .arg(id));
        }
    }

    const QString cores = plain(entries, QStringLiteral("cores"), &line);
    if (!cores.isEmpty()) {
        bool ok = false;
        const int n = cores.toInt(&ok);
        if (!ok || n < 1 || n > 1024) {
            problem(line, tr("'cores' is the number of CPUs the run may use: a whole number "
                             "from 1, not '%1'")
                              .arg(cores));
        } else {
            m_lesson.cores = n;
        }
    }
    const QString speed = plain(entries, QStringLiteral("speed"), &line);
    if (!speed.isEmpty()) {
        bool ok = false;
        const double x = speed.toDouble(&ok);
        if (!ok || x < 0.1 || x > 10.0) {
            problem(line,
                    tr("'speed' scales time.sleep: a number from 0.1 to 10, not '%1'").arg(speed));
        } else {
            m_lesson.speed = x;
        }
    }
}

void Checker::readScript(const QString& name, int line) {
    m_lesson.scriptName = name;
    const QFileInfo info(name);
    if (info.isAbsolute() || QDir::cleanPath(name).startsWith(QLatin1String(".."))) {
        problem(line,
                tr("the script '%1' must be in the lesson's folder: give its name only").arg(name));
        return;
    }
    const QString path = QDir(m_lesson.directory).absoluteFilePath(name);
    m_lesson.scriptPath = path;
    QFile file(path);
    if (!QFileInfo(path).isFile()) {
        problem(line, tr("the script '%1' is not in the lesson's folder").arg(name));
        return;
    }
    if (file.size() > LessonLoader::kMaxFileSize) {
        problem(line, tr("the script '%1' is too large for a lesson").arg(name));
        return;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        problem(line, tr("cannot read the script '%1': %2").arg(name, file.errorString()));
        return;
    }
    const DecodedText decoded = decodeLines(file.readAll());
    for (int bad : decoded.badLines)
        problemIn(path, bad, tr("this line of the script is not valid UTF-8 text"));
    m_scriptLines = decoded.lines;
    m_haveScript = true;
}

void Checker::readStep(const Section& section) {
    const Entries entries = checkedEntries(section);
    LessonStep step;
    step.line = section.line;
    step.text = text(entries, QStringLiteral("text"));

    int atLine = 0;
    const QString at = plain(entries, QStringLiteral("at"), &atLine);
    if (!at.isEmpty()) {
        QString error;
        step.moment = LessonMoment::parse(at, &error);
        if (!step.moment) problem(atLine, error);
    }
    if (step.moment && step.moment->kind == LessonMoment::Kind::Line && m_haveScript) {
        const int n = step.moment->number;
        if (n > m_scriptLines.size()) {
            problem(atLine, tr("the script '%1' has %n line(s): there is no line %2", nullptr,
                               int(m_scriptLines.size()))
                                .arg(m_lesson.scriptName)
                                .arg(n));
        } else {
            const QString code = m_scriptLines[n - 1].trimmed();
            if (code.isEmpty() || code.startsWith(QLatin1Char('#')))
                problem(atLine, tr("line %1 of '%2' is blank or a comment: no process ever "
                                   "stops there")
                                    .arg(n)
                                    .arg(m_lesson.scriptName));
        }
    }

    int line = 0;
    const QString who = plain(entries, QStringLiteral("who"), &line);
    if (!who.isEmpty()) {
        if (!at.isEmpty() && step.moment && !step.moment->concernsAProcess()) {
            problem(line, tr("'who' does not apply to '%1': it is about the whole run")
                              .arg(step.moment->toString()));
        } else if (at.isEmpty()) {
            problem(line, tr("'who' says which process the moment is about, but this step "
                             "has no 'at'"));
        } else if (who.contains(QLatin1Char(' '))) {
            problem(line, tr("'who' is one of %1, or the name of one process (without "
                             "spaces), not '%2'")
                              .arg(quotedList(LessonMoment::whoKeywords()), who));
        } else if (step.moment) {
            step.moment->who = who;
        }
    }
    const QString count = plain(entries, QStringLiteral("count"), &line);
    if (!count.isEmpty()) {
        bool ok = false;
        const int n = count.toInt(&ok);
        if (!ok || n < 1) {
            problem(line, tr("'count' says which occurrence of the moment is meant: a whole "
                             "number from 1, not '%1'")
                              .arg(count));
        } else if (at.isEmpty()) {
            problem(line, tr("'count' needs an 'at' in the same step"));
        } else if (step.moment) {
            step.moment->count = n;
        }
    }
    const QString panel = plain(entries, QStringLiteral("panel"), &line);
    if (!panel.isEmpty()) {
        if (!LessonMoment::panelNames().contains(panel)) {
            problem(line, tr("unknown panel '%1'; a panel is one of %2")
                              .arg(panel, quotedList(LessonMoment::panelNames())));
        } else {
            step.panel = panel;
        }
    }
    if (step.panel.isEmpty() && step.moment) step.panel = step.moment->defaultPanel();
    m_lesson.steps << step;
}

void Checker::readQuestion(const Section& section) {
    const Entries entries = checkedEntries(section);
    LessonQuestion q;
    q.line = section.line;
    q.ask = text(entries, QStringLiteral("ask"));
    q.explain = text(entries, QStringLiteral("explain"));
    int line = 0;
    const QString answer = plain(entries, QStringLiteral("answer"), &line);
    if (!answer.isEmpty()) {
        QString error;
        q.answer = LessonAnswerRule::parse(answer, &error);
        if (!q.answer) problem(line, error);
    }
    m_lesson.questions << q;
}

void Checker::readChoice(const Section& section) {
    const Entries entries = checkedEntries(section);
    if (m_lesson.questions.isEmpty()) {
        problem(section.line, tr("a [choice] belongs to the [question] above it, and there is "
                                 "none"));
        return;
    }
    LessonQuestion& q = m_lesson.questions.last();
    LessonChoice choice;
    choice.line = section.line;
    int line = section.line;
    choice.value = plain(entries, QStringLiteral("value"), &line);
    choice.text = text(entries, QStringLiteral("text"));
    if (choice.value.isEmpty()) return; // reported
    for (const LessonChoice& other : std::as_const(q.choices)) {
        if (other.value == choice.value) {
            problem(line, other.isCatchAll()
                              ? tr("a second 'value = *' in this question (the first is on "
                                   "line %1); only one choice can stand for every other answer")
                                    .arg(other.line)
                              : tr("two choices of this question have the value '%1' (the "
                                   "other is on line %2)")
                                    .arg(choice.value)
                                    .arg(other.line));
            return;
        }
    }
    q.choices << choice;
}

} // namespace

bool LessonLoader::isLessonFolder(const QString& directory) {
    return QFileInfo(QDir(directory).filePath(fileName())).isFile();
}

Lesson LessonLoader::load(const QString& directory) {
    Lesson lesson;
    const QFileInfo dirInfo(directory);
    lesson.directory = dirInfo.absoluteFilePath();
    lesson.id = dirInfo.fileName();
    lesson.file = QDir(lesson.directory).filePath(fileName());

    QFile file(lesson.file);
    if (!QFileInfo(lesson.file).isFile()) {
        lesson.problems << LessonProblem{
            lesson.file, 0, tr("there is no %1 in this lesson folder").arg(fileName())};
        return lesson;
    }
    if (file.size() > kMaxFileSize) {
        lesson.problems << LessonProblem{
            lesson.file, 0,
            tr("the file is too large for a lesson (over %1 KiB)").arg(kMaxFileSize / 1024)};
        return lesson;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        lesson.problems << LessonProblem{lesson.file, 0,
                                         tr("cannot read the file: %1").arg(file.errorString())};
        return lesson;
    }
    Checker(lesson).run(file.readAll());
    return lesson;
}

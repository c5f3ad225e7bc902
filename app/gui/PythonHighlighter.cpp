#include "gui/PythonHighlighter.h"

#include <QStringList>

namespace {

// Block states: -1/0 outside a string, 1 inside ''' , 2 inside """.
enum BlockState { Normal = 0, InSingleTriple = 1, InDoubleTriple = 2 };

QTextCharFormat makeFormat(const QColor& color, bool bold = false, bool italic = false) {
    QTextCharFormat f;
    f.setForeground(color);
    if (bold) f.setFontWeight(QFont::Bold);
    f.setFontItalic(italic);
    return f;
}

} // namespace

PythonHighlighter::PythonHighlighter(QTextDocument* document) : QSyntaxHighlighter(document) {
    buildRules();
}

void PythonHighlighter::setDarkTheme(bool dark) {
    if (dark == m_dark) return;
    m_dark = dark;
    buildRules();
    rehighlight();
}

void PythonHighlighter::buildRules() {
    const QColor keyword = m_dark ? QColor(0x8A, 0xB4, 0xF8) : QColor(0x00, 0x33, 0x99);
    const QColor builtin = m_dark ? QColor(0xC5, 0x8A, 0xF9) : QColor(0x6F, 0x2D, 0xA8);
    const QColor number = m_dark ? QColor(0xF2, 0x8B, 0x82) : QColor(0x9C, 0x2A, 0x00);
    const QColor string = m_dark ? QColor(0x81, 0xC9, 0x95) : QColor(0x06, 0x7D, 0x17);
    const QColor comment = m_dark ? QColor(0x9A, 0xA0, 0xA6) : QColor(0x6A, 0x6A, 0x6A);
    const QColor decorator = m_dark ? QColor(0xFD, 0xD6, 0x63) : QColor(0x80, 0x60, 0x00);
    const QColor lesson = m_dark ? QColor(0xFF, 0xFF, 0xFF) : QColor(0x00, 0x00, 0x00);

    m_rules.clear();
    const QStringList keywords{
        "and",      "as",     "assert", "async",  "await",  "break",  "class",   "continue",
        "def",      "del",    "elif",   "else",   "except", "False",  "finally", "for",
        "from",     "global", "if",     "import", "in",     "is",     "lambda",  "None",
        "nonlocal", "not",    "or",     "pass",   "raise",  "return", "True",    "try",
        "while",    "with",   "yield",  "match",  "case"};
    m_rules.append({QRegularExpression(QStringLiteral("\\b(%1)\\b").arg(keywords.join('|'))),
                    makeFormat(keyword, true)});

    const QStringList builtins{"print",  "range",      "len",   "int",   "str",
                               "list",   "dict",       "set",   "tuple", "open",
                               "input",  "enumerate",  "sum",   "min",   "max",
                               "sorted", "isinstance", "super", "self",  "__name__"};
    m_rules.append({QRegularExpression(QStringLiteral("\\b(%1)\\b").arg(builtins.join('|'))),
                    makeFormat(builtin)});

    // The calls lessons are about, by their last name: os.fork(), p.join(), q.get(), ...
    const QStringList calls{"fork",    "wait",    "waitpid", "waitstatus_to_exitcode",
                            "_exit",   "exit",    "kill",    "getpid",
                            "getppid", "execv",   "execvp",  "execlp",
                            "pipe",    "sleep",   "Process", "start",
                            "join",    "Queue",   "Pipe",    "Lock",
                            "Pool",    "Value",   "Array",   "put",
                            "get",     "acquire", "release", "terminate",
                            "run",     "Popen",   "system"};
    m_rules.append({QRegularExpression(QStringLiteral("\\b(%1)(?=\\s*\\()").arg(calls.join('|'))),
                    makeFormat(lesson, true)});

    m_rules.append({QRegularExpression(QStringLiteral("\\b(def|class)\\s+(\\w+)")),
                    makeFormat(keyword, true), 2});
    m_rules.append({QRegularExpression(QStringLiteral("^\\s*@[\\w.]+")), makeFormat(decorator)});
    m_rules.append(
        {QRegularExpression(QStringLiteral("\\b(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|\\d["
                                           "\\d_]*\\.?[\\d_]*([eE][+-]?\\d+)?j?)\\b")),
         makeFormat(number)});

    m_string = makeFormat(string);
    m_comment = makeFormat(comment, false, true);
}

int PythonHighlighter::highlightTripleQuotes(const QString& text, int from, int& state) {
    const QString delimiter =
        state == InSingleTriple ? QStringLiteral("'''") : QStringLiteral("\"\"\"");
    const int end = int(text.indexOf(delimiter, from));
    if (end < 0) {
        setFormat(from, int(text.size()) - from, m_string);
        return int(text.size());
    }
    setFormat(from, end + 3 - from, m_string);
    state = Normal;
    return end + 3;
}

void PythonHighlighter::highlightBlock(const QString& text) {
    for (const Rule& rule : m_rules) {
        auto it = rule.pattern.globalMatch(text);
        while (it.hasNext()) {
            const auto match = it.next();
            setFormat(int(match.capturedStart(rule.group)), int(match.capturedLength(rule.group)),
                      rule.format);
        }
    }

    // Strings and comments last, scanning left to right so that a '#' in a string is text
    // and a quote in a comment is a comment.
    int state = previousBlockState() > 0 ? previousBlockState() : Normal;
    int i = 0;
    if (state != Normal) i = highlightTripleQuotes(text, 0, state);
    const int n = int(text.size());
    while (i < n) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('#')) {
            setFormat(i, n - i, m_comment);
            break;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            // Include a string prefix (f, r, b, rb, ...) in the colour.
            int start = i;
            while (start > 0 && QStringLiteral("rRbBfFuU").contains(text.at(start - 1)) &&
                   (start - 1 == 0 || !text.at(start - 2).isLetterOrNumber()))
                --start;
            if (text.mid(i, 3) == QString(3, c)) {
                state = c == QLatin1Char('\'') ? InSingleTriple : InDoubleTriple;
                setFormat(start, i + 3 - start, m_string);
                i = highlightTripleQuotes(text, i + 3, state);
                continue;
            }
            int j = i + 1;
            while (j < n && text.at(j) != c) {
                if (text.at(j) == QLatin1Char('\\')) ++j;
                ++j;
            }
            const int end = std::min(j + 1, n);
            setFormat(start, end - start, m_string);
            i = end;
            continue;
        }
        ++i;
    }
    setCurrentBlockState(state);
}

#include "core/LessonAnswerRule.h"

#include "core/LessonProcessTable.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>
#include <QSet>

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("LessonAnswerRule", text);
}

// Every complete line written on stdout, in the order the lines were completed; a line not
// ended by a newline counts when its process ends.
QStringList stdoutLines(const QList<EngineEvent>& events) {
    QStringList lines;
    QHash<int, QString> pending;
    for (const EngineEvent& e : events) {
        if (e.kind == EventKind::Start) pending.clear();
        if (e.kind == EventKind::Stdout) {
            QString& text = pending[e.pid];
            text += e.text(QLatin1StringView("text"));
            const qsizetype end = text.lastIndexOf(QLatin1Char('\n'));
            if (end < 0) continue;
            lines += text.left(end).split(QLatin1Char('\n'));
            text.remove(0, end + 1);
        } else if (e.kind == EventKind::Exit && LessonProcessTable::hasStatus(e)) {
            QString& text = pending[e.pid];
            if (!text.isEmpty()) lines << text;
            text.clear();
        }
    }
    for (const QString& rest : std::as_const(pending))
        if (!rest.isEmpty()) lines << rest;
    return lines;
}

} // namespace

QStringList LessonAnswerRule::ruleNames() {
    return {QStringLiteral("stdout lines"),
            QStringLiteral("stdout lines containing TEXT"),
            QStringLiteral("stdout capture REGEX"),
            QStringLiteral("processes"),
            QStringLiteral("orphans"),
            QStringLiteral("exitcode WHO"),
            QStringLiteral("longest state WHO")};
}

std::optional<LessonAnswerRule> LessonAnswerRule::parse(const QString& text, QString* error) {
    const QString t = text.trimmed();
    const QString simple = t.simplified();
    LessonAnswerRule rule;
    const auto fail = [error](const QString& message) -> std::optional<LessonAnswerRule> {
        if (error) *error = message;
        return std::nullopt;
    };
    const auto after = [&t](const QString& prefix) {
        // What follows the prefix in the text as written (inner spaces kept).
        QString rest = t;
        for (const QString& word : prefix.split(QLatin1Char(' '))) {
            rest = rest.trimmed();
            rest.remove(0, word.size());
        }
        return rest.trimmed();
    };

    if (simple == QLatin1String("stdout lines")) {
        rule.m_kind = Kind::StdoutLines;
    } else if (simple.startsWith(QLatin1String("stdout lines containing "))) {
        rule.m_kind = Kind::StdoutLines;
        rule.m_argument = after(QStringLiteral("stdout lines containing"));
    } else if (simple.startsWith(QLatin1String("stdout capture "))) {
        rule.m_kind = Kind::StdoutCapture;
        rule.m_argument = after(QStringLiteral("stdout capture"));
        rule.m_regex = QRegularExpression(rule.m_argument);
        if (!rule.m_regex.isValid())
            return fail(tr("the pattern '%1' is not a valid regular expression: %2 (at "
                           "character %3)")
                            .arg(rule.m_argument, rule.m_regex.errorString())
                            .arg(rule.m_regex.patternErrorOffset() + 1));
        if (rule.m_regex.captureCount() > 1)
            return fail(tr("the pattern '%1' has more than one group in parentheses; the answer "
                           "is what the one group matches")
                            .arg(rule.m_argument));
    } else if (simple == QLatin1String("processes") || simple == QLatin1String("processes fork") ||
               simple == QLatin1String("processes process")) {
        rule.m_kind = Kind::Processes;
        rule.m_argument = simple.section(QLatin1Char(' '), 1);
    } else if (simple == QLatin1String("orphans")) {
        rule.m_kind = Kind::Orphans;
    } else if (simple.startsWith(QLatin1String("exitcode ")) &&
               simple.count(QLatin1Char(' ')) == 1) {
        rule.m_kind = Kind::ExitCode;
        rule.m_argument = simple.section(QLatin1Char(' '), 1);
    } else if (simple.startsWith(QLatin1String("longest state ")) &&
               simple.count(QLatin1Char(' ')) == 2) {
        rule.m_kind = Kind::LongestState;
        rule.m_argument = simple.section(QLatin1Char(' '), 2);
    } else {
        return fail(tr("unknown answer rule '%1'; a rule is one of '%2'")
                        .arg(t, ruleNames().join(QStringLiteral("', '"))));
    }
    if ((rule.m_kind == Kind::StdoutLines && simple != QLatin1String("stdout lines") &&
         rule.m_argument.isEmpty()))
        return fail(tr("'stdout lines containing' needs the text to look for"));
    return rule;
}

QString LessonAnswerRule::toString() const {
    switch (m_kind) {
    case Kind::StdoutLines:
        return m_argument.isEmpty() ? QStringLiteral("stdout lines")
                                    : QStringLiteral("stdout lines containing ") + m_argument;
    case Kind::StdoutCapture:
        return QStringLiteral("stdout capture ") + m_argument;
    case Kind::Processes:
        return m_argument.isEmpty() ? QStringLiteral("processes")
                                    : QStringLiteral("processes ") + m_argument;
    case Kind::Orphans:
        return QStringLiteral("orphans");
    case Kind::ExitCode:
        return QStringLiteral("exitcode ") + m_argument;
    case Kind::LongestState:
        return QStringLiteral("longest state ") + m_argument;
    }
    return {};
}

QString LessonAnswerRule::derive(const QList<EngineEvent>& events) const {
    switch (m_kind) {
    case Kind::StdoutLines: {
        const QStringList lines = stdoutLines(events);
        if (m_argument.isEmpty()) return QString::number(lines.size());
        qsizetype n = 0;
        for (const QString& line : lines)
            if (line.contains(m_argument)) ++n;
        return QString::number(n);
    }
    case Kind::StdoutCapture:
        for (const QString& line : stdoutLines(events)) {
            const QRegularExpressionMatch match = m_regex.match(line);
            if (match.hasMatch())
                return match.captured(m_regex.captureCount() == 1 ? 1 : 0).trimmed();
        }
        return {};
    case Kind::Processes: {
        // Distinct processes: a pid spawned again after the engine lost sight of it is
        // still one process (see LessonProcessTable::apply).
        LessonProcessTable table;
        QSet<int> counted;
        for (const EngineEvent& e : events) {
            if (e.kind == EventKind::Start) counted.clear();
            table.apply(e);
            if (e.kind != EventKind::Spawn) continue;
            const LessonProcessTable::Process* p = table.find(e.pid);
            if (!p || p->how == QLatin1String("init")) continue;
            if (m_argument.isEmpty() || p->how == m_argument) counted.insert(e.pid);
        }
        return QString::number(counted.size());
    }
    case Kind::Orphans: {
        QSet<int> adopted;
        for (const EngineEvent& e : events) {
            if (e.kind == EventKind::Start) adopted.clear();
            if (e.kind == EventKind::Reparent) adopted.insert(e.pid);
        }
        return QString::number(adopted.size());
    }
    case Kind::ExitCode: {
        LessonProcessTable table;
        for (const EngineEvent& e : events) {
            table.apply(e);
            if (e.kind != EventKind::Exit || !table.matches(e.pid, m_argument)) continue;
            if (e.pid == 1 && m_argument != QLatin1String("init")) continue;
            if (!LessonProcessTable::hasStatus(e)) continue; // lost sight of, not ended
            if (e.has(QLatin1StringView("code")))
                return QString::number(e.integer(QLatin1StringView("code")));
            if (e.has(QLatin1StringView("signal")))
                return QString::number(-e.integer(QLatin1StringView("signal")));
            return {};
        }
        return {};
    }
    case Kind::LongestState: {
        // The time between a process's state events, from its first one to its exit, for
        // the first process `who` names.
        LessonProcessTable table;
        int pid = 0;
        QString state;
        double since = 0.0;
        QMap<QString, double> spent;
        for (const EngineEvent& e : events) {
            table.apply(e);
            if (pid == 0 && e.kind == EventKind::Spawn && e.pid != 1 &&
                table.matches(e.pid, m_argument))
                pid = e.pid;
            if (pid == 0 || e.pid != pid) continue;
            if (e.kind == EventKind::Exit && !LessonProcessTable::hasStatus(e)) continue;
            if (e.kind == EventKind::State || e.kind == EventKind::Exit) {
                if (!state.isEmpty()) spent[state] += e.t - since;
                state = e.kind == EventKind::Exit ? QString() : e.text(QLatin1StringView("state"));
                since = e.t;
                if (e.kind == EventKind::Exit) break;
            }
        }
        QString longest;
        double most = -1.0;
        for (auto it = spent.cbegin(); it != spent.cend(); ++it) {
            if (it.value() > most) {
                most = it.value();
                longest = it.key();
            }
        }
        return longest;
    }
    }
    return {};
}

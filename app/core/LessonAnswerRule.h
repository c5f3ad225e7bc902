#pragma once

// How a lesson's "predict first" question is answered from what the run really showed: the
// rule written after `answer =` in a lesson file (docs/lessons.md), applied to the run's
// events. The result is a short text compared with the choices' values.

#include "core/EngineEvent.h"

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <optional>

class LessonAnswerRule {
public:
    enum class Kind {
        StdoutLines,   // stdout lines [containing TEXT]: how many lines were printed
        StdoutCapture, // stdout capture REGEX: what the first matching line says
        Processes,     // processes [fork|process]: how many processes the script had
        Orphans,       // orphans: how many processes were adopted
        ExitCode,      // exitcode WHO: a process's exit code (-N for signal N)
        LongestState,  // longest state WHO: the state a process spent most time in
    };

    Kind kind() const { return m_kind; }
    QString argument() const { return m_argument; }

    // Parses the text after `answer =`. On failure, nullopt and a translated message.
    static std::optional<LessonAnswerRule> parse(const QString& text, QString* error = nullptr);
    static QStringList ruleNames();

    // The answer the run gives. Empty when the run does not say (no matching line, the
    // process never exited, ...).
    QString derive(const QList<EngineEvent>& events) const;

    QString toString() const;

private:
    Kind m_kind = Kind::StdoutLines;
    QString m_argument;         // TEXT, REGEX, a spawn manner or a process
    QRegularExpression m_regex; // for StdoutCapture
};

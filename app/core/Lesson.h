#pragma once

// A lesson as read from its folder (docs/lessons.md): a Python script and `lesson.ini`,
// with texts in several languages, steps tied to moments of the run, and questions to
// answer before running it. Plain data; LessonLoader builds it, LessonLibrary finds them.

#include "core/LessonAnswerRule.h"
#include "core/LessonMoment.h"
#include "core/LessonText.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

// Something wrong in a lesson: where (file, and line from 1; 0 for the whole file) and what.
struct LessonProblem {
    QString file; // the path as found
    int line = 0;
    QString message; // translated

    // "path:line: message", the way compilers say it, so editors can jump there.
    QString toString() const;
    bool operator==(const LessonProblem&) const = default;
};

struct LessonStep {
    int line = 0;                       // the line of its [step] header
    std::optional<LessonMoment> moment; // none: a step shown before the run or between moments
    QString panel;                      // the panel to highlight (defaults from the moment)
    LessonText text;
};

struct LessonChoice {
    int line = 0;
    QString value;   // compared with the rule's answer; "*" stands for any other answer
    LessonText text; // may be empty: the value is shown then

    bool isCatchAll() const { return value == QLatin1String("*"); }
};

struct LessonQuestion {
    int line = 0;
    LessonText ask;
    std::optional<LessonAnswerRule> answer;
    LessonText explain; // shown once the run has answered
    QList<LessonChoice> choices;

    // The choice the run's answer picks: the one whose value is `given`, else the "*" one;
    // -1 if there is none, or if the answer is empty (the run did not say).
    qsizetype choiceFor(const QString& given) const;
};

struct Lesson {
    QString id;            // the folder's name: 01-fork
    QString directory;     // absolute
    QString file;          // absolute path of lesson.ini
    QString scriptPath;    // absolute path of the script
    QString scriptName;    // as written after `script =`
    QStringList scenarios; // S01, S25, ... (informative)
    LessonText title;
    LessonText chapter;
    LessonText goal;
    LessonText intro;
    int cores = 0;      // --cores for the engine; 0: as many as the machine has
    double speed = 1.0; // --speed for the engine
    QList<LessonStep> steps;
    QList<LessonQuestion> questions;
    QList<LessonProblem> problems;

    bool isValid() const { return problems.isEmpty(); }
};

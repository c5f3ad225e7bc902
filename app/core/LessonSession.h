#pragma once

// A learner going through one lesson's steps (docs/lessons.md), one at a time: the steps
// before the first moment are read before the run; a step tied to a moment is awaited and
// comes when the run reaches it (the GUI then pauses the run); Next shows the following step,
// at once if it has no moment or its moment has already come, else it is awaited. Pure logic:
// feed it the run's events, ask it what to show.

#include "core/EngineEvent.h"
#include "core/Lesson.h"
#include "core/LessonMomentMatcher.h"

#include <QList>

class LessonSession {
public:
    enum class Advance {
        None,     // there is no next step (or it cannot be shown yet)
        Shown,    // the next step is shown now
        Awaiting, // the next step waits for its moment: let the run go on
    };

    explicit LessonSession(const Lesson& lesson = {});

    const Lesson& lesson() const { return m_lesson; }
    qsizetype stepCount() const { return m_lesson.steps.size(); }
    // The step shown, -1 before the first one.
    qsizetype current() const { return m_current; }
    const LessonStep* currentStep() const;
    // The step waiting for its moment, -1 if none.
    qsizetype awaited() const { return m_awaited; }
    bool isWaiting() const { return m_awaited >= 0; }
    bool runStarted() const { return m_runStarted; }
    bool runEnded() const { return m_runEnded; }
    // Every step has been shown.
    bool allShown() const { return !m_lesson.steps.isEmpty() && m_current == stepCount() - 1; }
    // Next can be pressed: there is a step after this one, and it is not being waited for
    // (once the run has ended, a moment that never came is skipped).
    bool canGoNext() const;

    // Back to before any run: the first step shown (or awaited, if it has a moment).
    void reset();
    // A run of the lesson's script begins: moments count from scratch and the first step
    // with a moment is awaited (the steps before it were for reading before the run).
    void startRun();
    // Takes the run's next event. True when the awaited step's moment comes with it: that
    // step is shown now, and the run should pause there.
    bool feed(const EngineEvent& event);
    Advance next();
    // The learner lets the run go on without Next (Continue): the following step, if a moment
    // still to come brings it, is awaited as after Next, so the run stops there all the same.
    // False when there is nothing to await.
    bool awaitFollowing();

private:
    qsizetype firstTiedStep() const;
    bool hasCome(qsizetype step) const;

    Lesson m_lesson;
    QList<LessonMomentMatcher> m_matchers; // one per step with a moment, by step
    QList<qsizetype> m_matcherOf;          // step -> index in m_matchers, -1 if none
    qsizetype m_current = -1;
    qsizetype m_awaited = -1;
    bool m_runStarted = false;
    bool m_runEnded = false;
};

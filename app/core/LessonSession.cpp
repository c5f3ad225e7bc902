#include "core/LessonSession.h"

LessonSession::LessonSession(const Lesson& lesson) : m_lesson(lesson) {
    for (const LessonStep& step : m_lesson.steps) {
        if (step.moment) {
            m_matcherOf << m_matchers.size();
            m_matchers << LessonMomentMatcher(*step.moment);
        } else {
            m_matcherOf << -1;
        }
    }
    reset();
}

const LessonStep* LessonSession::currentStep() const {
    return m_current >= 0 && m_current < stepCount() ? &m_lesson.steps[m_current] : nullptr;
}

qsizetype LessonSession::firstTiedStep() const {
    for (qsizetype i = 0; i < stepCount(); ++i)
        if (m_matcherOf[i] >= 0) return i;
    return -1;
}

bool LessonSession::hasCome(qsizetype step) const {
    const qsizetype matcher = m_matcherOf[step];
    return matcher < 0 || m_matchers[matcher].hasOccurred();
}

bool LessonSession::canGoNext() const {
    return m_current + 1 < stepCount() && (m_awaited < 0 || m_runEnded);
}

void LessonSession::reset() {
    for (LessonMomentMatcher& matcher : m_matchers)
        matcher.reset();
    m_runStarted = false;
    m_runEnded = false;
    m_current = -1;
    m_awaited = -1;
    if (stepCount() == 0) return;
    if (m_matcherOf[0] >= 0)
        m_awaited = 0;
    else
        m_current = 0;
}

void LessonSession::startRun() {
    for (LessonMomentMatcher& matcher : m_matchers)
        matcher.reset();
    m_runStarted = true;
    m_runEnded = false;
    const qsizetype first = firstTiedStep();
    if (first < 0) return; // nothing to wait for: the steps are read as they are
    // Run again from the top, or before the reading was done: the pre-run steps are behind.
    m_current = first - 1;
    m_awaited = first;
}

bool LessonSession::feed(const EngineEvent& event) {
    if (!m_runStarted) return false;
    for (LessonMomentMatcher& matcher : m_matchers)
        matcher.feed(event);
    if (event.kind == EventKind::End) m_runEnded = true;
    if (m_awaited >= 0 && hasCome(m_awaited)) {
        m_current = std::exchange(m_awaited, -1);
        return true;
    }
    return false;
}

bool LessonSession::awaitFollowing() {
    const qsizetype following = m_current + 1;
    if (following >= stepCount() || m_awaited >= 0 || m_runEnded) return false;
    if (m_matcherOf[following] < 0 || hasCome(following)) return false;
    m_awaited = following;
    return true;
}

LessonSession::Advance LessonSession::next() {
    const qsizetype following = m_current + 1;
    if (following >= stepCount()) return Advance::None;
    if (m_awaited >= 0 && !m_runEnded) return Advance::None; // already waiting for it
    if (hasCome(following) || m_runEnded) {
        m_current = following;
        m_awaited = -1;
        return Advance::Shown;
    }
    m_awaited = following;
    return Advance::Awaiting;
}

#include "core/Replay.h"

#include <algorithm>

Replay::Replay(QObject* parent) : QObject(parent) {
    m_timer.setInterval(16);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Replay::tick);
}

void Replay::setEvents(const QList<EngineEvent>& events) {
    setPlaying(false);
    m_events = events;
    m_next = m_events.size();
    m_duration = 0.0;
    for (const EngineEvent& e : m_events)
        m_duration = std::max(m_duration, e.t);
    m_position = m_duration;
}

void Replay::setPlaying(bool playing) {
    if (playing == m_timer.isActive()) return;
    if (playing) {
        m_clock.start();
        m_timer.start();
    } else {
        m_timer.stop();
    }
    emit playingChanged(playing);
}

void Replay::play() {
    if (m_events.isEmpty()) return;
    if (atEnd()) seek(0.0);
    setPlaying(true);
}

void Replay::pause() {
    setPlaying(false);
}

void Replay::togglePlay() {
    if (isPlaying())
        pause();
    else
        play();
}

void Replay::setSpeed(double speed) {
    m_speed = std::clamp(speed, 0.1, 10.0);
}

void Replay::handOutUntil(double t, qsizetype atLeast) {
    const qsizetype from = m_next;
    while (m_next < m_events.size() && (m_next < atLeast || m_events[m_next].t <= t))
        ++m_next;
    if (m_next > from) emit eventsDue(m_events.mid(from, m_next - from));
}

void Replay::seek(double t) {
    if (m_events.isEmpty()) return;
    t = std::clamp(t, 0.0, duration());
    // Backward: start again. (Forward from here, the events in between are enough.)
    const bool backward = m_next > 0 && m_events[m_next - 1].t > t;
    if (backward) {
        m_next = 0;
        emit reset();
    }
    handOutUntil(t);
    m_position = t;
    if (isPlaying()) m_clock.restart();
    emit positionChanged(m_position);
    if (atEnd()) setPlaying(false);
}

void Replay::stepLine() {
    setPlaying(false);
    if (m_events.isEmpty()) return;
    if (atEnd()) seek(0.0);
    qsizetype line = m_next;
    while (line < m_events.size() && m_events[line].kind != EventKind::Line)
        ++line;
    if (line >= m_events.size()) {
        seek(duration());
        return;
    }
    const double t = m_events[line].t;
    handOutUntil(t, line + 1);
    m_position = std::max(m_position, t);
    emit positionChanged(m_position);
}

void Replay::tick() {
    const double elapsed = double(m_clock.restart()) / 1000.0;
    const double t = std::min(duration(), m_position + elapsed * m_speed);
    handOutUntil(t);
    m_position = t;
    emit positionChanged(m_position);
    if (atEnd()) setPlaying(false);
}

#pragma once

// Plays a recording over time, as the run went: events are handed out when the replay's clock
// reaches their `t` (scaled by a speed), in batches of at most one per frame, like a live
// engine's. It can pause, step to the next line any process moves to, and jump to any instant:
// forward, it hands out the events in between; backward, it asks for a reset first and then
// hands out every event up to that instant, so the models are rebuilt from the stream alone.

#include "core/EngineEvent.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

class Replay : public QObject {
    Q_OBJECT

public:
    explicit Replay(QObject* parent = nullptr);

    // The whole recording; the replay stands at its end (every event counts as handed out:
    // the caller has applied them). Nothing is emitted.
    void setEvents(const QList<EngineEvent>& events);
    void clear() { setEvents({}); }
    bool isEmpty() const { return m_events.isEmpty(); }
    const QList<EngineEvent>& events() const { return m_events; }

    double duration() const { return m_duration; } // the latest event's t
    double position() const { return m_position; }
    bool atEnd() const { return m_next >= m_events.size(); }
    bool isPlaying() const { return m_timer.isActive(); }
    double speed() const { return m_speed; }
    qsizetype handedOut() const { return m_next; } // how many events have been handed out
    void setFrameInterval(int milliseconds) { m_timer.setInterval(milliseconds); }

public slots:
    // Plays on from here, or from the start when at the end.
    void play();
    void pause();
    void togglePlay();
    void setSpeed(double speed); // 0.1 to 10
    // Jumps to an instant: every event with t <= that instant has been handed out after it.
    void seek(double t);
    void rewind() { seek(0.0); }
    void toEnd() { seek(duration()); }
    // Pauses, then hands out the events up to the next `line` event (the next time any process
    // moves on in the script) and the ones at the same instant; to the end if there is none.
    void stepLine();

signals:
    // The models must start again from nothing (events before the new position follow).
    void reset();
    void eventsDue(const QList<EngineEvent>& events);
    void positionChanged(double t);
    void playingChanged(bool playing);

private:
    void tick();
    void handOutUntil(double t, qsizetype atLeast = 0);
    void setPlaying(bool playing);

    QList<EngineEvent> m_events;
    qsizetype m_next = 0; // the first event not handed out yet
    double m_position = 0.0;
    double m_duration = 0.0;
    double m_speed = 1.0;
    QTimer m_timer;
    QElapsedTimer m_clock;
};

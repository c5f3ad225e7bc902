#pragma once

// A recording is the engine's stdout saved as it came: one JSON event per line (.jsonl).
// Replaying it through a RunModel gives exactly what the live run showed.

#include "core/EngineEvent.h"

#include <QByteArray>
#include <QList>
#include <QString>

class Recording {
public:
    static QString fileSuffix() { return QStringLiteral("jsonl"); }

    // Reads a recording; lines that are not events are skipped and counted. False (with a
    // message) only when the file cannot be read.
    bool load(const QString& path, QString* error = nullptr);
    // Writes atomically (QSaveFile).
    bool save(const QString& path, QString* error = nullptr) const;

    static QList<EngineEvent> parse(QByteArrayView data, int* skippedLines = nullptr);
    static QByteArray serialize(const QList<EngineEvent>& events);

    void append(const QList<EngineEvent>& events) { m_events.append(events); }
    void clear();
    bool isEmpty() const { return m_events.isEmpty(); }
    const QList<EngineEvent>& events() const { return m_events; }
    int skippedLines() const { return m_skipped; }
    // The script named by the first `start` event, empty if there is none.
    QString scriptName() const;

private:
    QList<EngineEvent> m_events;
    int m_skipped = 0;
};

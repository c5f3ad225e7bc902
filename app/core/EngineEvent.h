#pragma once

// One event of the engine's stream (docs/protocol.md): the common fields decoded, the rest kept
// as the JSON object it came in, so that kinds and fields can grow without breaking readers.

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringView>
#include <optional>

enum class EventKind {
    Unknown, // a kind this build does not know: kept (recordings stay whole), otherwise ignored
    Start,
    Notice,
    Spawn,
    Exec,
    State,
    Line,
    Stdout,
    Stderr,
    Exit,
    Reap,
    Reparent,
    Error,
    Mode,
    End,
};

EventKind eventKindFromName(QStringView name);
QString eventKindName(EventKind kind);

struct EngineEvent {
    double t = 0.0;
    int pid = 0;
    EventKind kind = EventKind::Unknown;
    QJsonObject fields; // the whole object as read, common fields included
    QByteArray line;    // the line as read (without its newline): what a recording saves

    QString kindName() const;
    bool has(QLatin1StringView key) const { return fields.contains(key); }
    QString text(QLatin1StringView key) const { return fields.value(key).toString(); }
    int integer(QLatin1StringView key, int fallback = 0) const {
        return fields.value(key).toInt(fallback);
    }
    double number(QLatin1StringView key, double fallback = 0.0) const {
        return fields.value(key).toDouble(fallback);
    }
    bool boolean(QLatin1StringView key, bool fallback = false) const {
        return fields.value(key).toBool(fallback);
    }

    // The line to write back: the original bytes when there are some, else compact JSON.
    QByteArray toJsonLine() const;

    // Builds an event from an object (used by tests and tools); nullopt if it is not an event.
    static std::optional<EngineEvent> fromObject(const QJsonObject& object);
};

// Parses one line of the stream. Never throws: a blank line, bad JSON, a non-object or an object
// without a string `kind`, a numeric `t` and an integer `pid` gives nullopt. A trailing "\r" and
// surrounding blanks are ignored.
std::optional<EngineEvent> parseEventLine(QByteArrayView line);

Q_DECLARE_METATYPE(EngineEvent)

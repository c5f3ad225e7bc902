#include "core/EngineEvent.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <array>
#include <cmath>
#include <utility>

namespace {

struct KindName {
    EventKind kind;
    QLatin1StringView name;
};

constexpr std::array kKindNames{
    KindName{EventKind::Start, QLatin1StringView("start")},
    KindName{EventKind::Notice, QLatin1StringView("notice")},
    KindName{EventKind::Spawn, QLatin1StringView("spawn")},
    KindName{EventKind::Exec, QLatin1StringView("exec")},
    KindName{EventKind::State, QLatin1StringView("state")},
    KindName{EventKind::Line, QLatin1StringView("line")},
    KindName{EventKind::Stdout, QLatin1StringView("stdout")},
    KindName{EventKind::Stderr, QLatin1StringView("stderr")},
    KindName{EventKind::Exit, QLatin1StringView("exit")},
    KindName{EventKind::Reap, QLatin1StringView("reap")},
    KindName{EventKind::Reparent, QLatin1StringView("reparent")},
    KindName{EventKind::Error, QLatin1StringView("error")},
    KindName{EventKind::Mode, QLatin1StringView("mode")},
    KindName{EventKind::End, QLatin1StringView("end")},
};

bool isIntegral(const QJsonValue& value) {
    if (!value.isDouble()) return false;
    const double d = value.toDouble();
    return std::isfinite(d) && d == std::floor(d) && d >= -2147483648.0 && d <= 2147483647.0;
}

} // namespace

EventKind eventKindFromName(QStringView name) {
    for (const auto& entry : kKindNames)
        if (name == entry.name) return entry.kind;
    return EventKind::Unknown;
}

QString eventKindName(EventKind kind) {
    for (const auto& entry : kKindNames)
        if (entry.kind == kind) return QString(entry.name);
    return {};
}

QString EngineEvent::kindName() const {
    return fields.value(QLatin1StringView("kind")).toString();
}

QByteArray EngineEvent::toJsonLine() const {
    if (!line.isEmpty()) return line;
    return QJsonDocument(fields).toJson(QJsonDocument::Compact);
}

std::optional<EngineEvent> EngineEvent::fromObject(const QJsonObject& object) {
    const QJsonValue kind = object.value(QLatin1StringView("kind"));
    const QJsonValue t = object.value(QLatin1StringView("t"));
    const QJsonValue pid = object.value(QLatin1StringView("pid"));
    if (!kind.isString() || kind.toString().isEmpty()) return std::nullopt;
    if (!t.isDouble() || !std::isfinite(t.toDouble())) return std::nullopt;
    if (!isIntegral(pid)) return std::nullopt;

    EngineEvent event;
    event.t = t.toDouble();
    event.pid = pid.toInt();
    event.kind = eventKindFromName(kind.toString());
    event.fields = object;
    return event;
}

std::optional<EngineEvent> parseEventLine(QByteArrayView line) {
    line = line.trimmed(); // also drops a "\r" left by CRLF line ends
    if (line.isEmpty() || line.front() != '{') return std::nullopt;

    QByteArray bytes = line.toByteArray();
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) return std::nullopt;

    std::optional<EngineEvent> event = EngineEvent::fromObject(document.object());
    if (event) event->line = std::move(bytes);
    return event;
}

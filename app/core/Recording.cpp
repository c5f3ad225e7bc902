#include "core/Recording.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

void Recording::clear() {
    m_events.clear();
    m_skipped = 0;
}

QList<EngineEvent> Recording::parse(QByteArrayView data, int* skippedLines) {
    QList<EngineEvent> events;
    int skipped = 0;
    qsizetype begin = 0;
    while (begin < data.size()) {
        qsizetype end = data.indexOf('\n', begin);
        if (end < 0) end = data.size();
        const QByteArrayView line = data.sliced(begin, end - begin);
        if (auto event = parseEventLine(line))
            events.append(std::move(*event));
        else if (!line.trimmed().isEmpty())
            ++skipped;
        begin = end + 1;
    }
    if (skippedLines) *skippedLines = skipped;
    return events;
}

QByteArray Recording::serialize(const QList<EngineEvent>& events) {
    QByteArray out;
    for (const EngineEvent& event : events) {
        out.append(event.toJsonLine());
        out.append('\n');
    }
    return out;
}

bool Recording::load(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) *error = file.errorString();
        return false;
    }
    const QByteArray data = file.readAll();
    m_events = parse(data, &m_skipped);
    return true;
}

bool Recording::save(const QString& path, QString* error) const {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(serialize(m_events)) < 0 || !file.commit()) {
        if (error) *error = file.errorString();
        return false;
    }
    return true;
}

QString Recording::scriptName() const {
    for (const EngineEvent& event : m_events)
        if (event.kind == EventKind::Start) return event.text(QLatin1StringView("script"));
    return {};
}

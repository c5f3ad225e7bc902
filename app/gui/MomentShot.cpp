#include "gui/MomentShot.h"

#include "core/EngineClient.h"
#include "core/Replay.h"
#include "core/RunModel.h"
#include "gui/MainWindow.h"

#include <QTimer>

std::optional<LessonMoment> MomentShot::parse(const QString& text, QString* error) {
    QString at = text;
    int count = 1;
    const qsizetype hash = text.lastIndexOf(QLatin1Char('#'));
    if (hash >= 0) {
        bool ok = false;
        count = text.mid(hash + 1).toInt(&ok);
        if (!ok || count < 1) {
            if (error)
                *error = tr("'%1' is not an occurrence (a number from 1)").arg(text.mid(hash + 1));
            return std::nullopt;
        }
        at = text.left(hash);
    }
    std::optional<LessonMoment> moment = LessonMoment::parse(at.trimmed(), error);
    if (moment) moment->count = count;
    return moment;
}

MomentShot::MomentShot(MainWindow* window, const LessonMoment& moment, const QString& path)
    : QObject(window), m_window(window), m_matcher(moment), m_path(path) {}

void MomentShot::start() {
    if (!m_window->replay()->isEmpty() && !m_window->engine()->isRunning()) {
        const QList<EngineEvent>& events = m_window->recording().events();
        const qsizetype at = LessonMomentMatcher::find(m_matcher.moment(), events);
        if (at < 0) {
            m_done = true;
            emit finished(false, tr("The recording has no such moment."));
            return;
        }
        m_window->replay()->seek(events[at].t);
        QTimer::singleShot(0, this, &MomentShot::shoot);
        return;
    }
    connect(m_window->runModel(), &RunModel::applied, this, &MomentShot::onApplied);
    connect(m_window->engine(), &EngineClient::finished, this, [this] {
        if (!m_done) {
            m_done = true;
            emit finished(false, tr("The run ended before the moment came."));
        }
    });
}

void MomentShot::onApplied() {
    if (m_done) return;
    const QList<EngineEvent>& events = m_window->recording().events();
    for (; m_seen < events.size(); ++m_seen) {
        if (m_matcher.feed(events[m_seen])) {
            m_done = true;
            // After this batch is drawn: the views update on the events of the same batch.
            QTimer::singleShot(0, this, &MomentShot::shoot);
            return;
        }
    }
}

void MomentShot::shoot() {
    m_done = true;
    const bool saved = m_window->saveScreenshot(m_path);
    emit finished(saved, saved ? QString() : tr("Cannot save %1").arg(m_path));
}

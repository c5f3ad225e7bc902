#include "gui/timeline/ReplayBar.h"

#include "core/Replay.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QLabel>
#include <QSlider>
#include <QStyle>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

const QList<double> kReplaySpeeds{0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 10.0};

} // namespace

ReplayBar::ReplayBar(Replay* replay, QWidget* parent) : QToolBar(parent), m_replay(replay) {
    setObjectName(u"replayToolBar"_s);
    setToolButtonStyle(Qt::ToolButtonIconOnly);
    setMovable(false);

    m_rewind = addAction(style()->standardIcon(QStyle::SP_MediaSkipBackward), QString());
    m_rewind->setObjectName(u"replayRewind"_s);
    m_rewind->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Home));
    connect(m_rewind, &QAction::triggered, m_replay, &Replay::rewind);

    m_play = addAction(style()->standardIcon(QStyle::SP_MediaPlay), QString());
    m_play->setObjectName(u"replayPlay"_s);
    m_play->setShortcut(QKeySequence(Qt::Key_F8));
    connect(m_play, &QAction::triggered, m_replay, &Replay::togglePlay);

    m_step = addAction(style()->standardIcon(QStyle::SP_MediaSeekForward), QString());
    m_step->setObjectName(u"replayStep"_s);
    m_step->setShortcut(QKeySequence(Qt::Key_F9));
    connect(m_step, &QAction::triggered, m_replay, &Replay::stepLine);

    m_end = addAction(style()->standardIcon(QStyle::SP_MediaSkipForward), QString());
    m_end->setObjectName(u"replayEnd"_s);
    m_end->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_End));
    connect(m_end, &QAction::triggered, m_replay, &Replay::toEnd);

    m_speed = new QComboBox(this);
    m_speed->setObjectName(u"replaySpeed"_s);
    for (double speed : kReplaySpeeds)
        m_speed->addItem(QString(), speed);
    m_speed->setCurrentIndex(int(kReplaySpeeds.indexOf(1.0)));
    connect(m_speed, &QComboBox::activated, this,
            [this](int index) { m_replay->setSpeed(m_speed->itemData(index).toDouble()); });
    addWidget(m_speed);

    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setObjectName(u"replaySlider"_s);
    m_slider->setMinimumWidth(120);
    m_slider->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(m_slider, &QSlider::valueChanged, this, [this](int ms) {
        if (!m_syncing) m_replay->seek(ms / 1000.0);
    });
    addWidget(m_slider);

    m_time = new QLabel(this);
    m_time->setObjectName(u"replayTime"_s);
    m_time->setContentsMargins(6, 0, 6, 0);
    addWidget(m_time);

    connect(m_replay, &Replay::positionChanged, this, &ReplayBar::onPosition);
    connect(m_replay, &Replay::playingChanged, this, &ReplayBar::onPlaying);
    retranslate();
    refresh();
}

QString ReplayBar::timeText() const {
    return m_time->text();
}

void ReplayBar::refresh() {
    m_syncing = true;
    m_slider->setRange(0, int(std::ceil(m_replay->duration() * 1000)));
    m_slider->setSingleStep(std::max(1, m_slider->maximum() / 200));
    m_slider->setPageStep(std::max(1, m_slider->maximum() / 10));
    m_syncing = false;
    onPosition(m_replay->position());
    onPlaying(m_replay->isPlaying());
    for (QAction* action : {m_rewind, m_play, m_step, m_end})
        action->setEnabled(!m_replay->isEmpty());
    m_slider->setEnabled(!m_replay->isEmpty());
}

void ReplayBar::onPosition(double t) {
    m_syncing = true;
    m_slider->setValue(int(std::lround(t * 1000)));
    m_syncing = false;
    m_time->setText(tr("%1 / %2 s").arg(t, 0, 'f', 3).arg(m_replay->duration(), 0, 'f', 3));
}

void ReplayBar::onPlaying(bool playing) {
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setText(playing ? tr("Pause Replay") : tr("Play Replay"));
}

void ReplayBar::retranslate() {
    setWindowTitle(tr("Replay"));
    m_rewind->setText(tr("Replay from the Start"));
    m_rewind->setToolTip(tr("Back to the start of the recording (Ctrl+Home)"));
    m_play->setToolTip(tr("Play the recording as it ran, or pause it (F8)"));
    m_step->setText(tr("Replay One Line"));
    m_step->setToolTip(tr("On to the next time a process moves to a line (F9)"));
    m_end->setText(tr("Replay to the End"));
    m_end->setToolTip(tr("Show the whole recording (Ctrl+End)"));
    m_speed->setToolTip(tr("Replay speed: 2× plays the recording twice as fast as it ran"));
    for (int i = 0; i < m_speed->count(); ++i)
        m_speed->setItemText(i, tr("%1×").arg(m_speed->itemData(i).toDouble()));
    m_slider->setToolTip(tr("Drag to any instant of the recording"));
}

void ReplayBar::changeEvent(QEvent* event) {
    QToolBar::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        refresh();
    }
}

#pragma once

// The replay's controls, shown while a recording is open: back to the start, play or pause,
// one line on, to the end, the replay speed, and a slider to scrub to any instant (the timeline's
// cursor moves the replay too; see MainWindow).

#include <QToolBar>

class QAction;
class QComboBox;
class QLabel;
class QSlider;
class Replay;

class ReplayBar : public QToolBar {
    Q_OBJECT

public:
    explicit ReplayBar(Replay* replay, QWidget* parent = nullptr);

    QAction* playAction() const { return m_play; }
    QAction* stepAction() const { return m_step; }
    QAction* rewindAction() const { return m_rewind; }
    QAction* endAction() const { return m_end; }
    QSlider* slider() const { return m_slider; }
    QComboBox* speedBox() const { return m_speed; }
    QString timeText() const;

    // Called when the recording changes: the slider's range and the label.
    void refresh();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void onPosition(double t);
    void onPlaying(bool playing);

    Replay* m_replay;
    QAction* m_rewind;
    QAction* m_play;
    QAction* m_step;
    QAction* m_end;
    QComboBox* m_speed;
    QSlider* m_slider;
    QLabel* m_time;
    bool m_syncing = false;
};

#pragma once

// The timeline panel: zoom buttons (and a replay's controls), the lanes (TimelineView), and the
// key (TimelineLegend) under them.

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QToolButton;
class StateHistory;
class TimelineLegend;
class TimelineModel;
class TimelineView;

class TimelineDock : public QWidget {
    Q_OBJECT

public:
    explicit TimelineDock(StateHistory* history, QWidget* parent = nullptr);

    TimelineView* view() const { return m_view; }
    TimelineModel* model() const { return m_model; }
    TimelineLegend* legend() const { return m_legend; }
    // Puts a replay's controls on the row of the zoom buttons (the panel takes them over).
    void setReplayControls(QWidget* controls);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateButtons();

    TimelineModel* m_model;
    TimelineView* m_view;
    TimelineLegend* m_legend;
    QToolButton* m_zoomOut;
    QToolButton* m_zoomIn;
    QToolButton* m_fit;
    QToolButton* m_follow;
    QLabel* m_scaleLabel;
    QHBoxLayout* m_bar;
};

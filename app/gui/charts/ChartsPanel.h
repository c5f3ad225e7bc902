#pragma once

// The charts panel (Qt Charts, which is deprecated from Qt 6.10: every Qt Charts include stays in
// this folder). Left, how many of the script's processes were in each state over time, as a
// stacked area with the timeline's colours and patterns; right, each queue's length over time
// (from `queue` events with a `size`), shown once a run has a queue.
//
// It redraws from the StateHistory at most a few times a second, and only while it is visible.

#include "core/RunModel.h"

#include <QList>
#include <QMap>
#include <QPointF>
#include <QTimer>
#include <QWidget>

class QAreaSeries;
class QChart;
class QChartView;
class QLabel;
class QLineSeries;
class QValueAxis;
class StateHistory;

class ChartsPanel : public QWidget {
    Q_OBJECT

public:
    explicit ChartsPanel(StateHistory* history, QWidget* parent = nullptr);
    ~ChartsPanel() override;

    // Rebuilds the series from the history now.
    void refresh();
    int refreshCount() const { return m_refreshes; }
    // At most this many points per series (the history is sampled beyond that).
    void setMaxPoints(int points) { m_maxPoints = points; }

    // What the charts show, for the tests: a state's band (its top edge minus its bottom edge,
    // i.e. how many processes were in it), as steps (x = t, y = count); the queues' lengths.
    QList<QPointF> statePoints(ProcState state) const;
    QList<QPointF> stateTopEdge(ProcState state) const;
    QList<int> queueIds() const;
    QList<QPointF> queuePoints(int queue) const;
    QString stateSeriesName(ProcState state) const;
    bool queueChartVisible() const;

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void scheduleRefresh();
    void applyLook();
    void retranslate();

    StateHistory* m_history;
    QChartView* m_statesView;
    QChart* m_statesChart;
    QValueAxis* m_statesX;
    QValueAxis* m_statesY;
    QList<QLineSeries*> m_upper; // per counted state
    QList<QLineSeries*> m_lower;
    QList<QAreaSeries*> m_areas;
    QChartView* m_queuesView;
    QChart* m_queuesChart;
    QValueAxis* m_queuesX;
    QValueAxis* m_queuesY;
    QMap<int, QLineSeries*> m_queueSeries;
    QTimer m_timer;
    int m_maxPoints = 600;
    int m_refreshes = 0;
    bool m_dirty = true;
};

#pragma once

// The timeline: one lane per process (spawn order), its label in the process's colour, bars for
// what it did over time (TimelineStyle), the orphan period dashed along the lane, markers for
// birth, exit, reap, reparent and the rest, a ruler, the present, and a cursor whose instant is
// read out on every lane.
//
// Mouse: click or drag on the lanes to place the cursor; drag with the right or middle button
// (or on the ruler) to pan; Ctrl+wheel to zoom about the mouse; wheel to scroll the lanes,
// Shift+wheel to pan. Keys: + and - zoom, 0 fits the run, arrows pan, End follows the present,
// Esc removes the cursor.
//
// It paints only what is in view: per lane, the spans in the visible time range found by binary
// search, with the spans narrower than a pixel merged into one column of the state that took
// most of it, and it repaints at most once per batch of events (StateHistory::changed).

#include <QAbstractScrollArea>

class StateHistory;
class TimelineModel;

class TimelineView : public QAbstractScrollArea {
    Q_OBJECT

public:
    explicit TimelineView(TimelineModel* model, QWidget* parent = nullptr);

    TimelineModel* model() const { return m_model; }
    StateHistory* history() const;

    // Pixels per second, and the time at the left edge of the lanes.
    double scale() const { return m_scale; }
    double leftTime() const { return m_left; }
    double visibleDuration() const;
    static double maxScale() { return 50000.0; } // 1 ms = 50 px: the kernel's time slices
    bool fitsRun() const { return m_fit; }
    bool followsPresent() const { return m_follow; }

    // The cursor's instant, < 0 when there is none.
    double cursorTime() const { return m_cursor; }
    // The time axis reaches at least this far (a replay's end, so it can be scrubbed to).
    void setHorizon(double t);
    double horizon() const { return m_horizon; }
    void setSelectedSerial(int serial);
    int selectedSerial() const { return m_selected; }

    // Geometry, for the tests and the tool tips: the lane under a point (-1: none), the
    // x of an instant, the instant at an x (viewport coordinates).
    int laneAt(const QPoint& position) const;
    double xForTime(double t) const;
    double timeAtX(double x) const;
    int laneHeight() const;
    int baseLaneHeight() const; // the least: with many processes, lanes scroll
    int labelWidth() const;
    int rulerHeight() const;
    // What the tool tip says at a point of the viewport.
    QString toolTipAt(const QPoint& position) const;
    int paintCount() const { return m_paints; }

public slots:
    void setCursorTime(double t); // < 0 removes it; does not emit cursorMoved
    // A new run or file: no cursor, no selection, the whole run in view, following it.
    void resetView();
    void zoomIn();
    void zoomOut();
    void zoomBy(double factor, double anchorX = -1); // anchorX in viewport pixels
    void setScale(double pixelsPerSecond);
    void fitRun();
    void followPresent();
    void panBy(double pixels);
    void scrollToTime(double left);

signals:
    // The user placed the cursor (click, drag, keys).
    void cursorMoved(double t);
    void cursorCleared();
    void processSelected(int serial);
    void viewChanged(); // zoom, pan, fit or follow changed

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool viewportEvent(QEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void onHistoryChanged();
    // Scale, left edge (fit, follow) and scroll bars, after the run, the size or the font changed.
    void relayout();
    void measureFont();
    void updateLabelWidth();
    void onProcessAdded(int serial);
    void updateScrollBars();
    void placeCursorAt(double x);
    double extent() const; // the time axis: 0 to this
    bool presentInView() const;
    double fitScale() const;
    double minScale() const;
    QRect plotRect() const; // the lanes' area in the viewport, right of the labels
    void paintRuler(QPainter& painter, const QRect& plot) const;
    void paintLane(QPainter& painter, int serial, const QRect& lane, double t0, double t1,
                   double now) const;
    void paintLabels(QPainter& painter, const QRect& plot, int first, int last) const;
    void paintCursor(QPainter& painter, const QRect& plot, int first, int last) const;

    TimelineModel* m_model;
    double m_scale = 100.0;
    double m_left = 0.0;
    double m_cursor = -1.0;
    double m_horizon = 0.0;
    int m_selected = -1;
    bool m_fit = true;
    bool m_follow = true;
    bool m_syncingScrollBar = false;
    enum class Drag { None, Cursor, Pan } m_drag = Drag::None;
    QPoint m_dragFrom;
    double m_dragLeft = 0.0;
    int m_paints = 0;
    int m_baseLaneHeight = 18;
    int m_labelWidth = 120;
    int m_chipWidth = 40;
    int m_nameWidth = 80;
    int m_rulerHeight = 20;
};

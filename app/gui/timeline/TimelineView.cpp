#include "gui/timeline/TimelineView.h"

#include "core/StateHistory.h"
#include "core/TimelineModel.h"
#include "gui/ProcessPalette.h"
#include "gui/Theme.h"
#include "gui/timeline/TimelineStyle.h"

#include <QEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>
#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

constexpr double kMinVisibleSeconds = 0.05; // fit never shows less than this
constexpr double kFollowAt = 0.92;          // the present sits this far across when followed

// Collects bars for one lane and merges neighbours of the same state, so that a lane at low zoom
// is a few rectangles, not one per span.
class BarRun {
public:
    BarRun(QPainter& painter, const QRect& lane) : m_painter(painter), m_lane(lane) {}
    ~BarRun() { flush(); }

    void add(double x0, double x1, ProcState state) {
        if (m_open && state == m_state && x0 <= m_x1 + 0.75) {
            m_x1 = std::max(m_x1, x1);
            return;
        }
        flush();
        m_open = true;
        m_state = state;
        m_x0 = x0;
        m_x1 = x1;
    }

    void flush() {
        if (!m_open) return;
        m_open = false;
        // Centred between the lane's top and its colour strip at the bottom.
        const double room = m_lane.height() - 8;
        const double h = std::max(3.0, room * TimelineStyle::look(m_state).height);
        const double middle = m_lane.top() + 3 + room / 2;
        const QRectF bar(std::floor(m_x0), std::round(middle - h / 2),
                         std::max(1.0, std::ceil(m_x1) - std::floor(m_x0)), std::round(h));
        TimelineStyle::paintState(m_painter, bar, m_state);
    }

private:
    QPainter& m_painter;
    QRect m_lane;
    bool m_open = false;
    ProcState m_state = ProcState::Running;
    double m_x0 = 0, m_x1 = 0;
};

QString seconds(double t, double step) {
    int decimals = 0;
    if (step < 0.999) decimals = 1;
    if (step < 0.0999) decimals = 2;
    if (step < 0.00999) decimals = 3;
    return QString::number(t, 'f', decimals);
}

} // namespace

TimelineView::TimelineView(TimelineModel* model, QWidget* parent)
    : QAbstractScrollArea(parent), m_model(model) {
    setObjectName(u"timelineView"_s);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    viewport()->setMouseTracking(true);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    retranslate();
    connect(history(), &StateHistory::changed, this, &TimelineView::onHistoryChanged);
    connect(history(), &StateHistory::processAdded, this, &TimelineView::onProcessAdded);
    connect(history(), &StateHistory::cleared, this, &TimelineView::measureFont);
    connect(horizontalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (m_syncingScrollBar) return;
        m_fit = false;
        m_left = value / m_scale;
        m_follow = presentInView();
        viewport()->update();
        emit viewChanged();
    });
    measureFont();
    relayout();
}

StateHistory* TimelineView::history() const {
    return m_model->history();
}

void TimelineView::measureFont() {
    // Text is measured once per font (and once per new process's name), not per paint:
    // xForTime() runs thousands of times a frame.
    const QFontMetrics fm = fontMetrics();
    m_baseLaneHeight = std::max(18, int(fm.height() * 1.6));
    m_rulerHeight = fm.height() + 8;
    QFont bold = font();
    bold.setBold(true);
    m_chipWidth = QFontMetrics(bold).horizontalAdvance(u"00000"_s) + 8;
    m_nameWidth = fm.horizontalAdvance(u"MainProcess"_s);
    for (const ProcessHistory& p : history()->processes())
        m_nameWidth = std::max(m_nameWidth, fm.horizontalAdvance(p.name));
    updateLabelWidth();
}

void TimelineView::updateLabelWidth() {
    // The longest name, up to a quarter of the width (longer ones are elided).
    const int wanted = 6 + m_chipWidth + 6 + m_nameWidth + 10;
    const int least = 6 + m_chipWidth + 6 + fontMetrics().horizontalAdvance(u"MainProcess"_s) + 10;
    m_labelWidth = std::clamp(wanted, least, std::max(least, viewport()->width() / 4));
}

void TimelineView::onProcessAdded(int serial) {
    const ProcessHistory* p = history()->process(serial);
    const int width = p ? fontMetrics().horizontalAdvance(p->name) : 0;
    if (width > m_nameWidth) {
        m_nameWidth = width;
        updateLabelWidth(); // the layout follows with the batch's changed()
    }
}

int TimelineView::baseLaneHeight() const {
    return m_baseLaneHeight;
}

int TimelineView::laneHeight() const {
    // Few processes get taller lanes, up to twice the least, so that a projector shows them.
    const int base = baseLaneHeight();
    const int rows = std::max(1, m_model->rowCount());
    const int room = viewport()->height() - rulerHeight();
    return std::clamp(room / rows, base, base * 2);
}

int TimelineView::labelWidth() const {
    return m_labelWidth;
}

int TimelineView::rulerHeight() const {
    return m_rulerHeight;
}

QRect TimelineView::plotRect() const {
    const QRect r = viewport()->rect();
    return QRect(r.left() + labelWidth(), r.top() + rulerHeight(),
                 std::max(1, r.width() - labelWidth() - 8),
                 std::max(1, r.height() - rulerHeight()));
}

double TimelineView::extent() const {
    return std::max({history()->now(), m_horizon, kMinVisibleSeconds});
}

double TimelineView::fitScale() const {
    // Room after the end for the last markers (an exit and its reap side by side).
    const double room = std::max(1.0, plotRect().width() - laneHeight() * 1.6);
    return room / extent();
}

double TimelineView::minScale() const {
    return std::min(fitScale(), maxScale());
}

bool TimelineView::presentInView() const {
    const double now = history()->now();
    return now >= m_left - 1e-9 && now <= m_left + visibleDuration();
}

double TimelineView::visibleDuration() const {
    return plotRect().width() / m_scale;
}

double TimelineView::xForTime(double t) const {
    return plotRect().left() + (t - m_left) * m_scale;
}

double TimelineView::timeAtX(double x) const {
    return m_left + (x - plotRect().left()) / m_scale;
}

int TimelineView::laneAt(const QPoint& position) const {
    const QRect plot = plotRect();
    if (position.y() < plot.top()) return -1;
    const int lane = (position.y() - plot.top() + verticalScrollBar()->value()) / laneHeight();
    return lane < m_model->rowCount() ? lane : -1;
}

void TimelineView::setHorizon(double t) {
    m_horizon = std::max(0.0, t);
    relayout();
}

void TimelineView::setSelectedSerial(int serial) {
    if (serial == m_selected) return;
    m_selected = serial;
    // Bring the lane into view.
    if (serial >= 0) {
        const int top = serial * laneHeight();
        const int visible = plotRect().height();
        QScrollBar* v = verticalScrollBar();
        if (top < v->value())
            v->setValue(top);
        else if (top + laneHeight() > v->value() + visible)
            v->setValue(top + laneHeight() - visible);
    }
    viewport()->update();
}

void TimelineView::resetView() {
    m_cursor = -1.0;
    m_fit = true;
    m_follow = true;
    m_selected = -1;
    m_horizon = 0.0;
    m_model->setTime(-1.0);
    verticalScrollBar()->setValue(0);
    relayout();
    emit viewChanged();
}

void TimelineView::setCursorTime(double t) {
    m_cursor = t < 0 ? -1.0 : t;
    m_model->setTime(m_cursor);
    viewport()->update();
}

void TimelineView::onHistoryChanged() {
    relayout();
}

void TimelineView::relayout() {
    const double now = history()->now();
    if (m_fit) {
        m_scale = fitScale();
        m_left = 0.0;
    } else {
        m_scale = std::clamp(m_scale, minScale(), maxScale());
        const double visible = visibleDuration();
        // Following, the present is kept in view: pushed along when it reaches the right,
        // brought back when a replay jumps before the view.
        if (m_follow && (now > m_left + visible * kFollowAt || now < m_left))
            m_left = std::max(0.0, now - visible * kFollowAt);
        m_left = std::clamp(m_left, 0.0, std::max(0.0, extent() - visible * 0.5));
    }
    updateScrollBars();
    viewport()->update();
}

void TimelineView::updateScrollBars() {
    const QRect plot = plotRect();
    m_syncingScrollBar = true;
    QScrollBar* h = horizontalScrollBar();
    const double total = extent() * m_scale + laneHeight() * 1.6; // room after the end
    const int maximum = int(std::max(0.0, std::ceil(total - plot.width())));
    h->setRange(0, std::max(maximum, int(m_left * m_scale)));
    h->setPageStep(plot.width());
    h->setSingleStep(std::max(1, plot.width() / 20));
    h->setValue(int(std::lround(m_left * m_scale)));
    QScrollBar* v = verticalScrollBar();
    const int lanes = m_model->rowCount() * laneHeight();
    v->setRange(0, std::max(0, lanes - plot.height()));
    v->setPageStep(plot.height());
    v->setSingleStep(laneHeight());
    m_syncingScrollBar = false;
}

void TimelineView::scrollContentsBy(int, int) {
    viewport()->update();
}

void TimelineView::resizeEvent(QResizeEvent* event) {
    QAbstractScrollArea::resizeEvent(event);
    updateLabelWidth();
    relayout();
}

void TimelineView::changeEvent(QEvent* event) {
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange) measureFont();
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange) relayout();
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        updateLabelWidth();
        relayout(); // the ruler's and the lanes' words
    }
}

void TimelineView::retranslate() {
    setToolTip(tr("Click or drag to read out an instant; Ctrl+wheel or +/− to zoom; drag with "
                  "the right button, or on the ruler, to pan"));
}

void TimelineView::setScale(double pixelsPerSecond) {
    m_fit = false;
    m_scale = std::clamp(pixelsPerSecond, minScale(), maxScale());
    if (m_scale <= fitScale() * 1.0001) m_fit = true;
    relayout();
    emit viewChanged();
}

void TimelineView::zoomBy(double factor, double anchorX) {
    const QRect plot = plotRect();
    if (anchorX < plot.left() || anchorX > plot.right()) {
        // About the cursor when it is in view, else about the present when followed, else the
        // middle.
        const double cx = m_cursor >= 0 ? xForTime(m_cursor) : -1;
        if (cx >= plot.left() && cx <= plot.right())
            anchorX = cx;
        else if (m_follow || m_fit)
            anchorX =
                std::clamp(xForTime(history()->now()), double(plot.left()), double(plot.right()));
        else
            anchorX = plot.center().x();
    }
    const double anchorTime = timeAtX(anchorX);
    const double scale = std::clamp(m_scale * factor, minScale(), maxScale());
    if (scale <= fitScale() * 1.0001) {
        fitRun();
        return;
    }
    const bool followed = m_follow;
    m_fit = false;
    m_scale = scale;
    m_left = std::max(0.0, anchorTime - (anchorX - plot.left()) / m_scale);
    m_follow = followed && presentInView();
    relayout();
    emit viewChanged();
}

void TimelineView::zoomIn() {
    zoomBy(1.5);
}

void TimelineView::zoomOut() {
    zoomBy(1 / 1.5);
}

void TimelineView::fitRun() {
    m_fit = true;
    m_follow = true;
    relayout();
    emit viewChanged();
}

void TimelineView::followPresent() {
    m_follow = true;
    relayout();
    emit viewChanged();
}

void TimelineView::panBy(double pixels) {
    if (m_fit) return;
    scrollToTime(m_left + pixels / m_scale);
}

void TimelineView::scrollToTime(double left) {
    if (m_fit) return;
    const double visible = visibleDuration();
    m_left = std::clamp(left, 0.0, std::max(0.0, extent() - visible * 0.5));
    m_follow = presentInView();
    updateScrollBars();
    viewport()->update();
    emit viewChanged();
}

// --- painting ---

void TimelineView::paintEvent(QPaintEvent*) {
    ++m_paints;
    QPainter painter(viewport());
    const QPalette pal = palette();
    const QRect all = viewport()->rect();
    const QRect plot = plotRect();
    painter.fillRect(all, pal.color(QPalette::Base));

    const int laneH = laneHeight();
    const int scroll = verticalScrollBar()->value();
    const int rows = m_model->rowCount();
    const int first = std::max(0, scroll / laneH);
    const int last = std::min(rows - 1, (scroll + plot.height()) / laneH);
    const double t0 = std::max(0.0, timeAtX(plot.left()));
    const double t1 = timeAtX(plot.right() + 1);
    const double now = history()->now();

    painter.save();
    painter.setClipRect(QRect(plot.left(), plot.top(), all.width() - plot.left(), plot.height()));
    for (int i = first; i <= last; ++i) {
        const QRect lane(plot.left(), plot.top() + i * laneH - scroll, plot.width(), laneH);
        paintLane(painter, i, lane, t0, t1, now);
    }
    // The present, when the axis reaches beyond it (a replay, or a fit with margin).
    const double xNow = xForTime(now);
    if (xNow >= plot.left() && xNow <= plot.right() + 1 && history()->started()) {
        painter.setPen(QPen(pal.color(QPalette::PlaceholderText), 1, Qt::DashLine));
        painter.drawLine(QPointF(xNow, plot.top()), QPointF(xNow, plot.bottom()));
    }
    painter.restore();

    paintLabels(painter, plot, first, last);
    paintRuler(painter, plot);
    paintCursor(painter, plot, first, last);

    if (rows == 0) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(plot, Qt::AlignCenter | Qt::TextWordWrap,
                         tr("Each process of a run gets a lane here, with what it did over "
                            "time."));
    }
}

void TimelineView::paintLane(QPainter& painter, int serial, const QRect& lane, double t0, double t1,
                             double now) const {
    const ProcessHistory* p = history()->process(serial);
    if (!p) return;
    const QPalette pal = palette();
    const bool dark = Theme::isDark(pal);
    if (serial == m_selected)
        painter.fillRect(lane, pal.color(QPalette::Highlight).lighter(dark ? 60 : 185));
    else if (serial % 2 == 1)
        painter.fillRect(lane, pal.color(QPalette::AlternateBase));

    const double end = p->gone >= 0 ? p->gone : now;
    if (p->born > t1 || end < t0) return;
    const double lifeX0 = std::max(xForTime(p->born), double(lane.left()) - 2);
    const double lifeX1 = std::min(xForTime(end), double(lane.right()) + 2);

    // The orphan period's tint, under the bars.
    const bool orphaned = p->orphanSince >= 0 && p->orphanSince <= t1;
    if (orphaned) {
        QColor tint = TimelineStyle::orphanColor(dark);
        tint.setAlpha(45);
        const double x0 = std::max(xForTime(p->orphanSince), double(lane.left()));
        const double x1 = std::min(xForTime(end), double(lane.right()) + 1);
        painter.fillRect(QRectF(x0, lane.top() + 1, x1 - x0, lane.height() - 5), tint);
    }

    // The lane's own colour: a strip along its bottom for its whole life.
    painter.fillRect(QRectF(lifeX0, lane.bottom() - 2, std::max(1.0, lifeX1 - lifeX0), 3),
                     ProcessPalette::color(p->pid));

    // The states, merged where they are narrower than a pixel.
    {
        BarRun bars(painter, lane);
        std::array<double, 8> column{}; // time per state within the current pixel column
        double columnX = -1e9;
        bool columnOpen = false;
        const auto flushColumn = [&] {
            if (!columnOpen) return;
            columnOpen = false;
            size_t best = 0;
            for (size_t s = 1; s < column.size(); ++s)
                if (column[s] > column[best]) best = s;
            bars.add(columnX, columnX + 1, ProcState(best));
            column.fill(0.0);
        };
        for (qsizetype i = p->firstSpanEndingAfter(t0); i < p->spans.size(); ++i) {
            const StateSpan& s = p->spans[i];
            if (s.start > t1) break;
            const double a = std::max(s.start, t0);
            const double b = std::min(s.endOr(now), t1);
            if (b < a) continue;
            const double x0 = xForTime(a);
            const double x1 = xForTime(b);
            if (x1 - x0 >= 1.0) {
                flushColumn();
                bars.add(x0, x1, s.state);
                continue;
            }
            const double x = std::floor(x0);
            if (!columnOpen || x != columnX) {
                flushColumn();
                columnX = x;
                columnOpen = true;
            }
            column[size_t(s.state)] += std::max(b - a, 1e-9);
        }
        flushColumn();
    }

    // The orphan period: dashed along the top of the lane, with a word at its start.
    if (orphaned) {
        const QColor orphan = TimelineStyle::orphanColor(dark);
        const double x0 = std::max(xForTime(p->orphanSince), double(lane.left()));
        const double x1 = std::min(xForTime(end), double(lane.right()) + 1);
        QPen pen(orphan, 2, Qt::DashLine);
        painter.setPen(pen);
        painter.drawLine(QPointF(x0, lane.top() + 2), QPointF(x1, lane.top() + 2));
        QFont small = font();
        small.setPointSizeF(font().pointSizeF() * 0.85);
        painter.setFont(small);
        const QString word = tr("orphan → %1").arg(p->adopter);
        const int w = QFontMetrics(small).horizontalAdvance(word) + 6;
        if (x1 - x0 > w + 8) {
            const QRectF box(x0 + 4, lane.top() + 3, w, QFontMetrics(small).height());
            painter.fillRect(box, pal.color(QPalette::Base));
            painter.setPen(orphan);
            painter.drawText(box, Qt::AlignCenter, word);
        }
        painter.setFont(font());
    }

    // Where it came from: a line from its parent's lane at its birth.
    if (p->parentSerial >= 0 && p->born >= t0 && p->born <= t1) {
        const int laneH = laneHeight();
        const int parentMid = lane.top() + (p->parentSerial - serial) * laneH + laneH / 2;
        const double x = xForTime(p->born);
        painter.setPen(QPen(ProcessPalette::color(history()->process(p->parentSerial)->pid), 1.5));
        painter.drawLine(QPointF(x, parentMid), QPointF(x, lane.center().y()));
    }

    // Markers. Where they crowd, one glyph stands for several of a kind, and different kinds
    // that fall on one spot (an exit and its reap) are set side by side.
    const double glyph = std::max(9.0, lane.height() * 0.55);
    const QColor outline = pal.color(QPalette::Base);
    double lastCenter = -1e9;
    QString lastKind;
    for (qsizetype i = p->firstMarkerAtOrAfter(t0 - 3 * glyph / m_scale); i < p->markers.size();
         ++i) {
        const HistoryMarker& m = p->markers[i];
        const double x = xForTime(m.t);
        if (x > lane.right() + glyph) break;
        const TimelineStyle::Glyph g = TimelineStyle::glyph(m.kind);
        double gx = g == TimelineStyle::Glyph::Birth ? x + glyph * 0.35 : x;
        if (gx - lastCenter < glyph * 0.9) {
            if (m.kind == lastKind) continue;
            gx = lastCenter + glyph * 0.9;
            if (gx - x > glyph * 3) continue;
        }
        lastCenter = gx;
        lastKind = m.kind;
        const QColor color = g == TimelineStyle::Glyph::Birth ? ProcessPalette::color(p->pid)
                                                              : pal.color(QPalette::Text);
        TimelineStyle::paintGlyph(painter, g, QPointF(gx, lane.center().y() - 1), glyph, color,
                                  g == TimelineStyle::Glyph::Birth ? pal.color(QPalette::Text)
                                                                   : outline);
    }
}

void TimelineView::paintLabels(QPainter& painter, const QRect& plot, int first, int last) const {
    const QPalette pal = palette();
    const int laneH = laneHeight();
    const int scroll = verticalScrollBar()->value();
    const QRect column(0, 0, plot.left(), viewport()->height());
    painter.fillRect(column, pal.color(QPalette::Window));
    painter.setPen(pal.color(QPalette::Mid));
    painter.drawLine(column.topRight(), column.bottomRight());
    painter.save();
    painter.setClipRect(QRect(0, plot.top(), plot.left(), plot.height()));
    painter.setRenderHint(QPainter::Antialiasing);
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics fm(font());
    const QFontMetrics boldFm(bold);
    const int chipW = m_chipWidth;
    for (int i = first; i <= last; ++i) {
        const ProcessHistory* p = history()->process(i);
        if (!p) continue;
        const QRect lane(0, plot.top() + i * laneH - scroll, plot.left(), laneH);
        if (i == m_selected) painter.fillRect(lane, pal.color(QPalette::Highlight));
        const bool gone = p->gone >= 0 && p->gone <= m_model->time();
        const QRectF chip(6, lane.top() + 3, chipW, laneH - 6);
        painter.setPen(Qt::NoPen);
        painter.setBrush(ProcessPalette::color(p->pid));
        painter.drawRoundedRect(chip, 4, 4);
        painter.setFont(bold);
        painter.setPen(ProcessPalette::chipTextColor(p->pid));
        painter.drawText(chip, Qt::AlignCenter, QString::number(p->pid));
        painter.setFont(font());
        painter.setPen(i == m_selected
                           ? pal.color(QPalette::HighlightedText)
                           : pal.color(gone ? QPalette::PlaceholderText : QPalette::WindowText));
        const QRect text(int(chip.right()) + 6, lane.top(), lane.width() - int(chip.right()) - 10,
                         laneH);
        painter.drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
                         fm.elidedText(p->name, Qt::ElideRight, text.width()));
    }
    painter.restore();
}

void TimelineView::paintRuler(QPainter& painter, const QRect& plot) const {
    const QPalette pal = palette();
    const QRect ruler(0, 0, viewport()->width(), plot.top());
    painter.fillRect(ruler, pal.color(QPalette::Window));
    painter.setPen(pal.color(QPalette::Mid));
    painter.drawLine(ruler.bottomLeft(), ruler.bottomRight());

    // A step of 1, 2 or 5 times a power of ten, with labels at least this far apart.
    const QFontMetrics fm = fontMetrics();
    const double minGap = fm.horizontalAdvance(tr("%1 s").arg(u"00.000"_s)) + 16;
    double step = 0.001;
    for (int i = 0; step * m_scale < minGap && i < 40; ++i) {
        const double magnitude = std::pow(10.0, std::floor(std::log10(step)));
        const double m = step / magnitude;
        step = (m < 1.5 ? 2 : m < 3.5 ? 5 : 10) * magnitude;
    }
    const double t0 = std::max(0.0, timeAtX(plot.left()));
    const double t1 = timeAtX(plot.right());
    painter.save();
    painter.setClipRect(QRect(plot.left() - 2, 0, ruler.width() - plot.left() + 2, ruler.height()));
    double lastRight = -1e9;
    for (double t = std::ceil(t0 / step - 1e-9) * step; t <= t1 + 1e-9; t += step) {
        const double x = xForTime(t);
        painter.setPen(pal.color(QPalette::Mid));
        painter.drawLine(QPointF(x, ruler.bottom() - 5), QPointF(x, ruler.bottom()));
        const QString label = tr("%1 s").arg(seconds(t, step));
        const int w = fm.horizontalAdvance(label);
        // Right of its tick; at the right edge left of it, unless it would run into the label
        // before: never cut, never overlapping.
        double left = x + 3;
        if (left + w > ruler.right() - 2) left = x - 3 - w;
        if (left < lastRight + 4) continue;
        painter.setPen(pal.color(QPalette::WindowText));
        painter.drawText(QRectF(left, 0, w + 1, ruler.height() - 2),
                         Qt::AlignLeft | Qt::AlignVCenter, label);
        lastRight = left + w;
    }
    painter.restore();
    // The corner above the labels says what the axis is.
    painter.setPen(pal.color(QPalette::PlaceholderText));
    painter.drawText(QRect(6, 0, plot.left() - 10, ruler.height() - 2),
                     Qt::AlignLeft | Qt::AlignVCenter, tr("time"));
}

void TimelineView::paintCursor(QPainter& painter, const QRect& plot, int first, int last) const {
    if (m_cursor < 0) return;
    const double x = xForTime(m_cursor);
    if (x < plot.left() || x > plot.right() + 1) return;
    const QPalette pal = palette();
    const QColor ink = pal.color(QPalette::Text);
    painter.save();
    painter.setPen(QPen(ink, 2));
    painter.drawLine(QPointF(x, plot.top() - 4), QPointF(x, plot.bottom()));

    // The instant on the ruler.
    const QString when = tr("t = %1 s").arg(m_cursor, 0, 'f', 3);
    const QFontMetrics fm = fontMetrics();
    const int w = fm.horizontalAdvance(when) + 10;
    QRectF tag(x - w / 2.0, 1, w, plot.top() - 3);
    tag.moveLeft(std::clamp(tag.left(), double(plot.left()), double(plot.right() - w)));
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(ink);
    painter.drawRoundedRect(tag, 3, 3);
    painter.setPen(pal.color(QPalette::Base));
    painter.drawText(tag, Qt::AlignCenter, when);

    // What every lane was doing then, beside the cursor.
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    painter.setFont(small);
    const QFontMetrics sfm(small);
    const int laneH = laneHeight();
    const int scroll = verticalScrollBar()->value();
    painter.setClipRect(plot);
    for (int i = first; i <= last; ++i) {
        const InstantState s = history()->stateOf(i, m_cursor);
        if (!s.exists) continue;
        const QString text = TimelineModel::stateText(s);
        const int tw = sfm.horizontalAdvance(text) + 10;
        const int top = plot.top() + i * laneH - scroll;
        QRectF box(x + 6, top + (laneH - sfm.height() - 2) / 2.0, tw, sfm.height() + 2);
        if (box.right() > plot.right()) box.moveRight(x - 6);
        QColor back = pal.color(QPalette::ToolTipBase);
        back.setAlpha(235);
        painter.setPen(QPen(pal.color(QPalette::Mid), 1));
        painter.setBrush(back);
        painter.drawRoundedRect(box, 3, 3);
        painter.setPen(pal.color(QPalette::ToolTipText));
        painter.drawText(box, Qt::AlignCenter, text);
    }
    painter.restore();
}

// --- interaction ---

QString TimelineView::toolTipAt(const QPoint& position) const {
    const QRect plot = plotRect();
    const int serial = laneAt(position);
    if (serial < 0) return {};
    const ProcessHistory* p = history()->process(serial);
    if (!p) return {};
    if (position.x() < plot.left()) {
        QStringList lines;
        lines << tr("PID %1, %2").arg(p->pid).arg(p->name);
        lines << TimelineStyle::markerText(
            u"spawn"_s, p->markers.isEmpty() ? QJsonObject() : p->markers.first().fields);
        lines << tr("born at %1 s").arg(p->born, 0, 'f', 3);
        if (p->exited >= 0) lines << tr("exited at %1 s").arg(p->exited, 0, 'f', 3);
        if (p->gone >= 0) lines << tr("reaped at %1 s").arg(p->gone, 0, 'f', 3);
        if (p->orphanSince >= 0)
            lines << tr("an orphan from %1 s, adopted by %2")
                         .arg(p->orphanSince, 0, 'f', 3)
                         .arg(p->adopter);
        return lines.join(u'\n');
    }
    const double t = timeAtX(position.x());
    // A marker near the pointer first.
    const double slack = std::max(5.0, laneHeight() * 0.55) / m_scale;
    const HistoryMarker* nearest = nullptr;
    for (qsizetype i = p->firstMarkerAtOrAfter(t - slack); i < p->markers.size(); ++i) {
        const HistoryMarker& m = p->markers[i];
        if (m.t > t + slack) break;
        if (!nearest || std::abs(m.t - t) < std::abs(nearest->t - t)) nearest = &m;
    }
    if (nearest)
        return tr("PID %1 at %2 s: %3")
            .arg(p->pid)
            .arg(nearest->t, 0, 'f', 3)
            .arg(TimelineStyle::markerText(nearest->kind, nearest->fields));
    if (!p->existsAt(t)) return {};
    const qsizetype i = p->spanIndexAt(t);
    if (i < 0) return {};
    const StateSpan& s = p->spans[i];
    InstantState state = history()->stateOf(serial, t);
    const double end = s.endOr(history()->now());
    QString text = tr("PID %1: %2\nfrom %3 s to %4 s (%5 s)")
                       .arg(p->pid)
                       .arg(TimelineModel::stateText(state))
                       .arg(s.start, 0, 'f', 3)
                       .arg(end, 0, 'f', 3)
                       .arg(end - s.start, 0, 'f', 3);
    if (s.isOpen() && p->gone < 0) text += u'\n' + tr("and still so");
    return text;
}

bool TimelineView::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void TimelineView::placeCursorAt(double x) {
    const QRect plot = plotRect();
    x = std::clamp(x, double(plot.left()), double(plot.right()));
    const double t = std::clamp(timeAtX(x), 0.0, extent());
    setCursorTime(t);
    emit cursorMoved(t);
}

void TimelineView::mousePressEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    const QRect plot = plotRect();
    const bool onRuler = pos.y() < plot.top() && pos.x() >= plot.left();
    if (event->button() == Qt::LeftButton && pos.x() < plot.left()) {
        const int lane = laneAt(pos);
        if (lane >= 0) {
            setSelectedSerial(lane);
            emit processSelected(lane);
        }
        return;
    }
    if (event->button() == Qt::RightButton || event->button() == Qt::MiddleButton ||
        (event->button() == Qt::LeftButton &&
         (onRuler || event->modifiers().testFlag(Qt::ShiftModifier)))) {
        m_drag = Drag::Pan;
        m_dragFrom = pos;
        m_dragLeft = m_left;
        viewport()->setCursor(Qt::ClosedHandCursor);
        return;
    }
    if (event->button() == Qt::LeftButton) {
        m_drag = Drag::Cursor;
        placeCursorAt(pos.x());
    }
}

void TimelineView::mouseMoveEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    if (m_drag == Drag::Cursor) {
        placeCursorAt(pos.x());
    } else if (m_drag == Drag::Pan) {
        if (m_fit) { // panning a fitted view zooms it in a little first
            m_fit = false;
            m_follow = false;
        }
        scrollToTime(m_dragLeft - (pos.x() - m_dragFrom.x()) / m_scale);
    }
}

void TimelineView::mouseReleaseEvent(QMouseEvent*) {
    m_drag = Drag::None;
    viewport()->unsetCursor();
}

void TimelineView::wheelEvent(QWheelEvent* event) {
    const QPoint delta = event->angleDelta();
    if (event->modifiers().testFlag(Qt::ControlModifier)) {
        const int steps = delta.y() != 0 ? delta.y() : delta.x();
        if (steps != 0) zoomBy(std::pow(1.25, steps / 120.0), event->position().x());
        event->accept();
        return;
    }
    if (event->modifiers().testFlag(Qt::ShiftModifier) || delta.x() != 0) {
        const int steps = delta.x() != 0 ? delta.x() : delta.y();
        panBy(-steps / 120.0 * plotRect().width() / 10.0);
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void TimelineView::keyPressEvent(QKeyEvent* event) {
    const double page = plotRect().width();
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    case Qt::Key_0:
        fitRun();
        return;
    case Qt::Key_Left:
        if (event->modifiers().testFlag(Qt::ShiftModifier) && m_cursor >= 0) {
            placeCursorAt(xForTime(m_cursor) - 1);
            return;
        }
        panBy(-page / 10);
        return;
    case Qt::Key_Right:
        if (event->modifiers().testFlag(Qt::ShiftModifier) && m_cursor >= 0) {
            placeCursorAt(xForTime(m_cursor) + 1);
            return;
        }
        panBy(page / 10);
        return;
    case Qt::Key_Home:
        scrollToTime(0.0);
        return;
    case Qt::Key_End:
        followPresent();
        return;
    case Qt::Key_Escape:
        if (m_cursor >= 0) {
            setCursorTime(-1.0);
            emit cursorCleared();
            return;
        }
        break;
    default:
        break;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

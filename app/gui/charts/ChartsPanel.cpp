#include "gui/charts/ChartsPanel.h"

#include "core/StateHistory.h"
#include "gui/Theme.h"
#include "gui/timeline/TimelineStyle.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QHBoxLayout>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QPixmap>
#include <QValueAxis>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

constexpr int kRefreshMs = 250;

// The timeline's look for a state, as a brush an area can be filled with.
QBrush stateBrush(ProcState state) {
    QPixmap tile(16, 16);
    tile.fill(TimelineStyle::color(state));
    QPainter painter(&tile);
    TimelineStyle::paintState(painter, QRectF(0, 0, 16, 16), state);
    return QBrush(tile);
}

// A y axis with whole numbers and a few ticks.
void fitCountAxis(QValueAxis* axis, int maximum) {
    const int top = std::max(1, maximum);
    int step = 1;
    while (top / step > 6)
        step = step == 1 ? 2 : step == 2 ? 5 : step * 2;
    const int rounded = ((top + step - 1) / step) * step;
    axis->setRange(0, rounded);
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(step);
    axis->setLabelFormat(u"%d"_s);
}

// A time axis from 0 to the present, with ticks at round instants (1, 2 or 5 times a power of
// ten) and as many decimals as they need.
void fitTimeAxis(QValueAxis* axis, double end) {
    end = std::max(end, 0.05);
    double step = std::pow(10.0, std::floor(std::log10(end / 5)));
    if (end / step > 12)
        step *= 5;
    else if (end / step > 6)
        step *= 2;
    const int decimals = std::clamp(int(-std::floor(std::log10(step) + 1e-9)), 0, 4);
    axis->setRange(0, end);
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(step);
    axis->setLabelFormat(u"%.%1f"_s.arg(decimals));
}

QChart* makeChart() {
    auto* chart = new QChart;
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->setAnimationOptions(QChart::NoAnimation);
    return chart;
}

} // namespace

ChartsPanel::ChartsPanel(StateHistory* history, QWidget* parent)
    : QWidget(parent), m_history(history) {
    setObjectName(u"chartsPanel"_s);

    m_statesChart = makeChart();
    m_statesX = new QValueAxis(m_statesChart);
    m_statesY = new QValueAxis(m_statesChart);
    m_statesChart->addAxis(m_statesX, Qt::AlignBottom);
    m_statesChart->addAxis(m_statesY, Qt::AlignLeft);
    for (ProcState state : kCountedStates) {
        auto* upper = new QLineSeries(this);
        auto* lower = new QLineSeries(this);
        auto* area = new QAreaSeries(upper, lower);
        area->setBrush(stateBrush(state));
        area->setPen(QPen(TimelineStyle::color(state).darker(140), 1));
        m_statesChart->addSeries(area);
        area->attachAxis(m_statesX);
        area->attachAxis(m_statesY);
        m_upper.append(upper);
        m_lower.append(lower);
        m_areas.append(area);
    }
    m_statesView = new QChartView(m_statesChart, this);
    m_statesView->setObjectName(u"statesChart"_s);
    m_statesView->setRenderHint(QPainter::Antialiasing, false);

    m_queuesChart = makeChart();
    m_queuesX = new QValueAxis(m_queuesChart);
    m_queuesY = new QValueAxis(m_queuesChart);
    m_queuesChart->addAxis(m_queuesX, Qt::AlignBottom);
    m_queuesChart->addAxis(m_queuesY, Qt::AlignLeft);
    m_queuesView = new QChartView(m_queuesChart, this);
    m_queuesView->setObjectName(u"queuesChart"_s);
    m_queuesView->hide();

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_statesView, 3);
    layout->addWidget(m_queuesView, 2);

    m_timer.setSingleShot(true);
    m_timer.setInterval(kRefreshMs);
    connect(&m_timer, &QTimer::timeout, this, &ChartsPanel::refresh);
    connect(m_history, &StateHistory::changed, this, &ChartsPanel::scheduleRefresh);
    connect(m_history, &StateHistory::cleared, this, [this] {
        m_dirty = true;
        if (isVisible()) refresh();
    });
    retranslate();
    applyLook();
    refresh();
}

ChartsPanel::~ChartsPanel() {
    // The charts (and their area series) go first: the areas use the line series, children of
    // this panel.
    delete m_statesView;
    delete m_queuesView;
}

void ChartsPanel::scheduleRefresh() {
    m_dirty = true;
    if (isVisible() && !m_timer.isActive()) m_timer.start();
}

void ChartsPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_dirty) refresh();
}

void ChartsPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange) applyLook();
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        scheduleRefresh(); // the queues' names
    }
}

void ChartsPanel::retranslate() {
    m_statesChart->setTitle(tr("Processes in each state"));
    m_statesX->setTitleText(tr("time (s)"));
    for (qsizetype i = 0; i < m_areas.size() && i < kCountedStateCount; ++i)
        m_areas[i]->setName(TimelineStyle::name(kCountedStates[i]));
    m_statesView->setToolTip(tr("How many of the script's processes were running, ready, "
                                "waiting, … at each moment (PID 1, the engine's init, is left "
                                "out)"));
    m_queuesChart->setTitle(tr("Queue lengths"));
    m_queuesX->setTitleText(tr("time (s)"));
    m_queuesView->setToolTip(tr("How many items each queue held over time"));
}

void ChartsPanel::applyLook() {
    const QPalette pal = palette();
    const bool dark = Theme::isDark(pal);
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.9);
    QFont title = font();
    title.setBold(true);
    for (QChart* chart : {m_statesChart, m_queuesChart}) {
        chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        chart->setBackgroundBrush(pal.color(QPalette::Base));
        chart->setTitleBrush(pal.color(QPalette::Text));
        chart->setTitleFont(title);
        chart->legend()->setFont(small);
        chart->legend()->setLabelColor(pal.color(QPalette::Text));
        chart->setMargins(QMargins(4, 4, 4, 4));
    }
    for (QValueAxis* axis : {m_statesX, m_statesY, m_queuesX, m_queuesY}) {
        axis->setLabelsFont(small);
        axis->setTitleFont(small);
        axis->setLabelsColor(pal.color(QPalette::Text));
        axis->setTitleBrush(pal.color(QPalette::Text));
        axis->setGridLineColor(pal.color(QPalette::Midlight));
    }
    // setTheme resets the series' looks: the timeline's again.
    for (int i = 0; i < m_areas.size(); ++i) {
        const ProcState state = kCountedStates[size_t(i)];
        m_areas[i]->setBrush(stateBrush(state));
        m_areas[i]->setPen(QPen(TimelineStyle::color(state).darker(140), 1));
    }
    m_dirty = true;
}

void ChartsPanel::refresh() {
    m_timer.stop();
    m_dirty = false;
    ++m_refreshes;

    const QList<StateCounts> series = m_history->countSeries(m_maxPoints / 2);
    int maximum = 1;
    for (const StateCounts& c : series)
        maximum = std::max(maximum, c.total());
    for (int s = 0; s < kCountedStateCount; ++s) {
        QList<QPointF> upper;
        QList<QPointF> lower;
        upper.reserve(series.size() * 2);
        lower.reserve(series.size() * 2);
        double previousTop = 0;
        double previousBottom = 0;
        for (qsizetype k = 0; k < series.size(); ++k) {
            const StateCounts& c = series[k];
            double bottom = 0;
            for (int below = 0; below < s; ++below)
                bottom += c.n[size_t(below)];
            const double top = bottom + c.n[size_t(s)];
            if (k > 0) { // a step: the old value up to this instant
                upper.append({c.t, previousTop});
                lower.append({c.t, previousBottom});
            }
            upper.append({c.t, top});
            lower.append({c.t, bottom});
            previousTop = top;
            previousBottom = bottom;
        }
        m_upper[s]->replace(upper);
        m_lower[s]->replace(lower);
    }
    const double end = m_history->now();
    fitTimeAxis(m_statesX, end);
    fitCountAxis(m_statesY, maximum);

    // Queues: one line per queue, as steps.
    const auto& queues = m_history->queues();
    int longest = 1;
    for (auto it = queues.cbegin(); it != queues.cend(); ++it) {
        QLineSeries*& line = m_queueSeries[it.key()];
        if (!line) {
            line = new QLineSeries; // the chart owns it once added
            m_queuesChart->addSeries(line);
            line->attachAxis(m_queuesX);
            line->attachAxis(m_queuesY);
            QPen pen = line->pen();
            pen.setWidthF(2);
            line->setPen(pen);
        }
        QList<QPointF> points;
        const QList<QueueSample>& samples = it->samples;
        points.reserve(samples.size() * 2 + 1);
        for (qsizetype k = 0; k < samples.size(); ++k) {
            if (k > 0) points.append({samples[k].t, double(samples[k - 1].size)});
            points.append({samples[k].t, double(samples[k].size)});
            longest = std::max(longest, samples[k].size);
        }
        if (!samples.isEmpty() && samples.constLast().t < end)
            points.append({end, double(samples.constLast().size)});
        longest = std::max(longest, it->capacity);
        line->setName(it->capacity > 0 ? tr("queue %1 (holds %2)").arg(it.key()).arg(it->capacity)
                                       : tr("queue %1").arg(it.key()));
        line->replace(points);
    }
    // Series of queues gone with a new run.
    for (auto it = m_queueSeries.begin(); it != m_queueSeries.end();) {
        if (!queues.contains(it.key())) {
            m_queuesChart->removeSeries(*it);
            delete *it;
            it = m_queueSeries.erase(it);
        } else {
            ++it;
        }
    }
    fitTimeAxis(m_queuesX, end);
    fitCountAxis(m_queuesY, longest);
    m_queuesView->setVisible(!queues.isEmpty());
}

QList<QPointF> ChartsPanel::stateTopEdge(ProcState state) const {
    const int i = countedStateIndex(state);
    return i < 0 ? QList<QPointF>() : m_upper[i]->points();
}

QList<QPointF> ChartsPanel::statePoints(ProcState state) const {
    const int i = countedStateIndex(state);
    if (i < 0) return {};
    const QList<QPointF> upper = m_upper[i]->points();
    const QList<QPointF> lower = m_lower[i]->points();
    QList<QPointF> band;
    for (qsizetype k = 0; k < upper.size() && k < lower.size(); ++k)
        band.append({upper[k].x(), upper[k].y() - lower[k].y()});
    return band;
}

QString ChartsPanel::stateSeriesName(ProcState state) const {
    const int i = countedStateIndex(state);
    return i < 0 ? QString() : m_areas[i]->name();
}

QList<int> ChartsPanel::queueIds() const {
    return m_queueSeries.keys();
}

QList<QPointF> ChartsPanel::queuePoints(int queue) const {
    const QLineSeries* line = m_queueSeries.value(queue);
    return line ? line->points() : QList<QPointF>();
}

bool ChartsPanel::queueChartVisible() const {
    return m_queuesView->isVisibleTo(const_cast<ChartsPanel*>(this));
}

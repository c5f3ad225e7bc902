#include "gui/timeline/TimelineLegend.h"

#include "core/StateHistory.h"
#include "gui/timeline/TimelineStyle.h"

#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

using namespace Qt::StringLiterals;

TimelineLegend::TimelineLegend(StateHistory* history, QWidget* parent)
    : QWidget(parent), m_history(history), m_kinds(TimelineStyle::basicMarkerKinds()) {
    setObjectName(u"timelineLegend"_s);
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    connect(m_history, &StateHistory::changed, this, &TimelineLegend::onChanged);
    connect(m_history, &StateHistory::cleared, this, [this] {
        m_kinds = TimelineStyle::basicMarkerKinds();
        updateGeometry();
        update();
    });
}

void TimelineLegend::onChanged() {
    // New marker kinds (a queue, a lock, ...) join the legend when a run shows them. Only the
    // newest markers are looked at: kinds rarely change.
    bool added = false;
    for (const ProcessHistory& p : m_history->processes()) {
        const qsizetype from = std::max<qsizetype>(0, p.markers.size() - 4);
        for (qsizetype i = from; i < p.markers.size(); ++i) {
            const QString& kind = p.markers[i].kind;
            if (!m_kinds.contains(kind)) {
                m_kinds.append(kind);
                added = true;
            }
        }
    }
    if (added) {
        updateGeometry();
        update();
    }
}

QList<TimelineLegend::Item> TimelineLegend::items() const {
    QList<Item> list;
    for (ProcState state : kCountedStates)
        list.append({Item::State,
                     int(state),
                     {},
                     TimelineStyle::name(state),
                     TimelineStyle::explanation(state)});
    list.append({Item::Orphan,
                 0,
                 {},
                 tr("orphan"),
                 tr("Orphan: its parent ended first, and PID 1 adopted it (dashed line)")});
    for (const QString& kind : m_kinds)
        list.append({Item::Marker, 0, kind, TimelineStyle::markerName(kind),
                     TimelineStyle::markerName(kind)});
    return list;
}

QStringList TimelineLegend::entries() const {
    QStringList list;
    for (const Item& item : items())
        list << item.text;
    return list;
}

QList<QRect> TimelineLegend::layoutItems(int width, int* height) const {
    const QFontMetrics fm = fontMetrics();
    const int rowH = fm.height() + 4;
    const int swatch = fm.height() * 3 / 2;
    int x = 4;
    int y = 2;
    QList<QRect> rects;
    for (const Item& item : items()) {
        const int w = swatch + 4 + fm.horizontalAdvance(item.text) + 12;
        if (x > 4 && x + w > width) {
            x = 4;
            y += rowH;
        }
        rects.append(QRect(x, y, w, rowH));
        x += w;
    }
    if (height) *height = y + rowH + 2;
    return rects;
}

int TimelineLegend::heightForWidth(int width) const {
    int h = 0;
    layoutItems(width, &h);
    return h;
}

QSize TimelineLegend::sizeHint() const {
    return {400, heightForWidth(width() > 0 ? width() : 400)};
}

QSize TimelineLegend::minimumSizeHint() const {
    return {100, fontMetrics().height() + 8};
}

bool TimelineLegend::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QList<Item> list = items();
        const QList<QRect> rects = layoutItems(width(), nullptr);
        for (qsizetype i = 0; i < rects.size(); ++i) {
            if (rects[i].contains(help->pos())) {
                QToolTip::showText(help->globalPos(), list[i].toolTip, this);
                return true;
            }
        }
        QToolTip::hideText();
        return true;
    }
    if (event->type() == QEvent::FontChange) updateGeometry();
    return QWidget::event(event);
}

void TimelineLegend::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const QPalette pal = palette();
    const QFontMetrics fm = fontMetrics();
    const int swatch = fm.height() * 3 / 2;
    const QList<Item> list = items();
    const QList<QRect> rects = layoutItems(width(), nullptr);
    const bool dark = pal.color(QPalette::Base).lightness() < 110;
    for (qsizetype i = 0; i < rects.size(); ++i) {
        const Item& item = list[i];
        const QRect r = rects[i];
        const QRectF box(r.left(), r.top() + 2, swatch, r.height() - 4);
        switch (item.type) {
        case Item::State:
            TimelineStyle::paintSwatch(painter, box, ProcState(item.state));
            break;
        case Item::Orphan:
            painter.setPen(QPen(TimelineStyle::orphanColor(dark), 2, Qt::DashLine));
            painter.drawLine(QPointF(box.left(), box.center().y()),
                             QPointF(box.right(), box.center().y()));
            break;
        case Item::Marker:
            TimelineStyle::paintGlyph(painter, TimelineStyle::glyph(item.kind), box.center(),
                                      std::min(box.height(), 14.0), pal.color(QPalette::Text),
                                      pal.color(QPalette::Window));
            break;
        }
        painter.setPen(pal.color(QPalette::WindowText));
        painter.drawText(QRect(int(box.right()) + 4, r.top(), r.width(), r.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, item.text);
    }
}

void TimelineLegend::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    // The entries are read out when painted: only the size may change with the words.
    if (event->type() == QEvent::LanguageChange) {
        updateGeometry();
        update();
    }
}

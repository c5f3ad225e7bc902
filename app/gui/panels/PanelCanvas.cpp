#include "gui/panels/PanelCanvas.h"

#include "core/ProcessTreeModel.h"
#include "core/RunModel.h"
#include "gui/ProcessPalette.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QEvent>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollArea>
#include <QToolTip>
#include <algorithm>

namespace {

constexpr int kGap = 6;       // between elements on a line
constexpr int kSlotMin = 40;  // a slot's narrowest
constexpr int kSlotMax = 180; // and widest: longer items are elided (the tool tip has them)
constexpr int kPadding = 8;   // inside a slot or a chip

} // namespace

PanelCanvas::PanelCanvas(RunModel* run, QWidget* parent) : QWidget(parent), m_run(run) {
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
}

void PanelCanvas::watch(QAbstractItemModel* model) {
    connect(model, &QAbstractItemModel::modelReset, this, &PanelCanvas::markChanged);
    connect(model, &QAbstractItemModel::rowsInserted, this, &PanelCanvas::markChanged);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &PanelCanvas::markChanged);
    connect(model, &QAbstractItemModel::dataChanged, this, &PanelCanvas::markChanged);
}

QList<PanelCanvas::Element> PanelCanvas::elements(Element::Kind kind, int group) const {
    QList<Element> found;
    for (const Element& e : m_elements)
        if (e.kind == kind && (group < 0 || e.group == group)) found << e;
    return found;
}

void PanelCanvas::setSelectedPid(int pid) {
    if (pid == m_selectedPid) return;
    m_selectedPid = pid;
    update();
}

int PanelCanvas::rowHeight() const {
    return fontMetrics().height() + 10;
}

QString PanelCanvas::processText(int pid) const {
    const ProcessRecord* p = m_run ? m_run->latest(pid) : nullptr;
    return p ? ProcessTreeModel::toolTip(*p) : tr("Process %1").arg(pid);
}

bool PanelCanvas::hasExited(int pid) const {
    const ProcessRecord* p = m_run ? m_run->latest(pid) : nullptr;
    return p && !p->isAlive();
}

int PanelCanvas::captionWidth(const QString& text) const {
    return fontMetrics().horizontalAdvance(text) + 2;
}

int PanelCanvas::slotWidth(const QString& text) const {
    return std::clamp(fontMetrics().horizontalAdvance(text) + 2 * kPadding, kSlotMin, kSlotMax);
}

int PanelCanvas::chipWidth(int pid) const {
    return fontMetrics().horizontalAdvance(QString::number(pid)) + 2 * kPadding + 4;
}

int PanelCanvas::gap() {
    return kGap;
}

PanelCanvas::Flow PanelCanvas::firstLine() const {
    Flow flow;
    flow.x = flow.left = margin();
    flow.y = margin();
    return flow;
}

PanelCanvas::Flow PanelCanvas::newLine(const Flow& flow, int gap) const {
    Flow next = flow;
    next.x = flow.left;
    next.y = flow.y + (flow.lineHeight > 0 ? flow.lineHeight : rowHeight()) + gap;
    next.lineHeight = 0;
    return next;
}

void PanelCanvas::place(Flow& flow, Element element, int width) {
    const int height = element.kind == Element::Caption || element.kind == Element::Heading
                           ? fontMetrics().height()
                           : rowHeight();
    const int right = std::max(flow.left + width, m_layoutWidth - margin());
    if (flow.x > flow.left && flow.x + width > right) flow = newLine(flow, 4);
    // Text sits on the middle of the row, as the boxes beside it do.
    const int top = flow.y + (rowHeight() - height) / 2;
    element.rect = QRect(flow.x, top, width, height);
    flow.x += width + kGap;
    flow.lineHeight = std::max(flow.lineHeight, rowHeight());
    m_contentHeight = std::max(m_contentHeight, flow.y + rowHeight());
    m_elements.append(element);
}

void PanelCanvas::addHeading(Flow& flow, const QString& text, int group) {
    QFont bold = font();
    bold.setBold(true);
    const int width = QFontMetrics(bold).horizontalAdvance(text) + 2;
    place(flow, Element{Element::Heading, {}, text, 0, group, {}, false}, width);
}

void PanelCanvas::addCaption(Flow& flow, const QString& text, int group, const QString& toolTip) {
    const int width = captionWidth(text);
    place(flow, Element{Element::Caption, {}, text, 0, group, toolTip, false}, width);
}

void PanelCanvas::addSlot(Flow& flow, const QString& text, int group, int pid,
                          const QString& toolTip) {
    const int width =
        std::clamp(fontMetrics().horizontalAdvance(text) + 2 * kPadding, kSlotMin, kSlotMax);
    place(flow,
          Element{Element::Slot, {}, text, pid, group, toolTip.isEmpty() ? text : toolTip, false},
          width);
}

void PanelCanvas::addEmpty(Flow& flow, const QString& text, int group, const QString& toolTip) {
    const int width = slotWidth(text);
    place(flow, Element{Element::Empty, {}, text, 0, group, toolTip, false}, width);
}

void PanelCanvas::addChip(Flow& flow, int pid, int group, const QString& toolTip) {
    const QString text = QString::number(pid);
    const int width = chipWidth(pid);
    QString tip = processText(pid);
    if (!toolTip.isEmpty()) tip = toolTip + QLatin1Char('\n') + tip;
    place(flow, Element{Element::Chip, {}, text, pid, group, tip, hasExited(pid)}, width);
}

void PanelCanvas::relayoutIfChanged() {
    if (m_changed) relayout();
}

void PanelCanvas::relayout() {
    m_changed = false;
    m_elements.clear();
    m_contentHeight = 0;
    m_layoutWidth = width() > 1 ? width() : sizeHint().width();
    layoutElements(m_layoutWidth);
    m_contentHeight += margin();
    // In a scroll area that resizes its widget, the minimum height is what brings the scroll bar;
    // the area looks at it again on a layout request of its own (not on its viewport's).
    if (minimumHeight() != m_contentHeight) {
        setMinimumHeight(m_contentHeight);
        for (QWidget* w = parentWidget(); w; w = w->parentWidget())
            if (auto* area = qobject_cast<QScrollArea*>(w)) {
                QCoreApplication::postEvent(area, new QEvent(QEvent::LayoutRequest));
                break;
            }
    }
    update();
}

int PanelCanvas::heightForWidth(int width) const {
    // Lays out at that width aside, leaving what is drawn as it is.
    auto* self = const_cast<PanelCanvas*>(this);
    const QList<Element> kept = m_elements;
    const int keptWidth = m_layoutWidth;
    const int keptHeight = m_contentHeight;
    self->m_elements.clear();
    self->m_contentHeight = 0;
    self->m_layoutWidth = width;
    self->layoutElements(width);
    const int height = m_contentHeight + margin();
    self->m_elements = kept;
    self->m_layoutWidth = keptWidth;
    self->m_contentHeight = keptHeight;
    return height;
}

QSize PanelCanvas::sizeHint() const {
    return {380, std::max(rowHeight() * 3, m_contentHeight)};
}

QSize PanelCanvas::minimumSizeHint() const {
    return {160, rowHeight()};
}

void PanelCanvas::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    if (width() != m_layoutWidth) relayout();
}

void PanelCanvas::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LanguageChange) relayout();
    if (event->type() == QEvent::PaletteChange) update();
}

const PanelCanvas::Element* PanelCanvas::elementAt(const QPoint& point) const {
    for (const Element& e : m_elements)
        if (e.rect.contains(point)) return &e;
    return nullptr;
}

bool PanelCanvas::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const Element* e = elementAt(help->pos());
        if (e && !e->toolTip.isEmpty())
            QToolTip::showText(help->globalPos(), e->toolTip, this, e->rect);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void PanelCanvas::mousePressEvent(QMouseEvent* event) {
    const Element* e = elementAt(event->position().toPoint());
    if (e && e->pid > 0 && event->button() == Qt::LeftButton) {
        setSelectedPid(e->pid);
        emit processSelected(e->pid);
    }
    QWidget::mousePressEvent(event);
}

void PanelCanvas::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    QColor secondary = text;
    secondary.setAlphaF(0.72f);
    QColor border = text;
    border.setAlphaF(0.45f);
    painter.fillRect(rect(), base);
    QFont bold = font();
    bold.setBold(true);

    for (const Element& e : m_elements) {
        const QRectF box = QRectF(e.rect).adjusted(0.5, 0.5, -0.5, -0.5);
        const bool selected = e.pid > 0 && e.pid == m_selectedPid;
        switch (e.kind) {
        case Element::Heading:
            painter.setFont(bold);
            painter.setPen(text);
            painter.drawText(e.rect, Qt::AlignLeft | Qt::AlignVCenter, e.text);
            painter.setFont(font());
            break;
        case Element::Caption:
            painter.setPen(secondary);
            painter.drawText(e.rect, Qt::AlignLeft | Qt::AlignVCenter, e.text);
            break;
        case Element::Slot:
        case Element::Empty: {
            const bool empty = e.kind == Element::Empty;
            painter.setBrush(empty ? Qt::NoBrush
                                   : QBrush(e.pid > 0 ? ProcessPalette::lineBackground(e.pid, base)
                                                      : pal.color(QPalette::AlternateBase)));
            QPen pen(selected ? pal.color(QPalette::Highlight) : border, selected ? 2.5 : 1.0);
            if (empty) pen.setStyle(Qt::DashLine);
            painter.setPen(pen);
            painter.drawRoundedRect(box, 4, 4);
            painter.setPen(empty ? secondary : text);
            const QRect inner = e.rect.adjusted(kPadding / 2, 0, -kPadding / 2, 0);
            painter.drawText(inner, Qt::AlignCenter,
                             fontMetrics().elidedText(e.text, Qt::ElideRight, inner.width()));
            break;
        }
        case Element::Chip: {
            painter.setOpacity(e.crossed ? 0.55 : 1.0);
            painter.setBrush(ProcessPalette::color(e.pid));
            painter.setPen(selected ? QPen(pal.color(QPalette::Highlight), 3.0)
                                    : QPen(ProcessPalette::color(e.pid).darker(140), 1.0));
            painter.drawRoundedRect(box, box.height() / 2, box.height() / 2);
            painter.setPen(ProcessPalette::chipTextColor(e.pid));
            painter.setFont(bold);
            painter.drawText(e.rect, Qt::AlignCenter, e.text);
            painter.setFont(font());
            if (e.crossed) { // exited: struck through, as a name crossed off
                painter.setPen(QPen(ProcessPalette::chipTextColor(e.pid), 1.5));
                const int y = e.rect.center().y();
                painter.drawLine(e.rect.left() + 4, y, e.rect.right() - 4, y);
            }
            painter.setOpacity(1.0);
            break;
        }
        }
    }
}

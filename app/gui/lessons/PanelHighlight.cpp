#include "gui/lessons/PanelHighlight.h"

#include <QEvent>
#include <QPainter>

PanelHighlight::PanelHighlight(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("panelHighlight"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    hide();
}

void PanelHighlight::setTarget(QWidget* target) {
    if (m_target) m_target->removeEventFilter(this);
    m_target = target;
    if (!target) {
        hide();
        return;
    }
    setParent(target);
    target->installEventFilter(this);
    setGeometry(target->rect());
    raise();
    show();
}

bool PanelHighlight::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_target) {
        if (event->type() == QEvent::Resize) setGeometry(m_target->rect());
        // A child added later (a scroll area's viewport) would cover the frame.
        if (event->type() == QEvent::ChildAdded) raise();
    }
    return QWidget::eventFilter(watched, event);
}

void PanelHighlight::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    // Okabe–Ito orange: stands out on the light and the dark palette, and from every pid colour
    // by its thickness.
    const qreal width = 4.0;
    p.setPen(QPen(QColor(0xD5, 0x5E, 0x00), width));
    p.setBrush(Qt::NoBrush);
    p.drawRoundedRect(QRectF(rect()).adjusted(width / 2, width / 2, -width / 2, -width / 2), 4, 4);
}

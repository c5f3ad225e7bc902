#include "gui/timeline/TimelineDock.h"

#include "core/StateHistory.h"
#include "core/TimelineModel.h"
#include "gui/timeline/TimelineLegend.h"
#include "gui/timeline/TimelineView.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QToolButton* button(const QString& text, const QString& toolTip, QWidget* parent) {
    auto* b = new QToolButton(parent);
    b->setText(text);
    b->setToolTip(toolTip);
    b->setAutoRaise(true);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return b;
}

// "10 ms", "2 s": a span of time for people.
QString span(double seconds) {
    if (seconds >= 10) return TimelineDock::tr("%1 s").arg(seconds, 0, 'f', 0);
    if (seconds >= 1) return TimelineDock::tr("%1 s").arg(seconds, 0, 'f', 1);
    if (seconds >= 0.01) return TimelineDock::tr("%1 ms").arg(seconds * 1000, 0, 'f', 0);
    return TimelineDock::tr("%1 ms").arg(seconds * 1000, 0, 'f', 1);
}

} // namespace

TimelineDock::TimelineDock(StateHistory* history, QWidget* parent)
    : QWidget(parent), m_model(new TimelineModel(history, this)),
      m_view(new TimelineView(m_model, this)), m_legend(new TimelineLegend(history, this)) {
    setObjectName(u"timelinePanel"_s);
    m_zoomOut = button(QString(), QString(), this);
    m_zoomOut->setObjectName(u"timelineZoomOut"_s);
    m_zoomIn = button(QString(), QString(), this);
    m_zoomIn->setObjectName(u"timelineZoomIn"_s);
    m_fit = button(QString(), QString(), this);
    m_fit->setObjectName(u"timelineFit"_s);
    m_follow = button(QString(), QString(), this);
    m_follow->setObjectName(u"timelineFollow"_s);
    m_follow->setCheckable(true);
    m_scaleLabel = new QLabel(this);
    retranslate();
    m_scaleLabel->setMinimumWidth(fontMetrics().horizontalAdvance(u"000 ms"_s) + 8);

    connect(m_zoomOut, &QToolButton::clicked, m_view, &TimelineView::zoomOut);
    connect(m_zoomIn, &QToolButton::clicked, m_view, &TimelineView::zoomIn);
    connect(m_fit, &QToolButton::clicked, m_view, &TimelineView::fitRun);
    connect(m_follow, &QToolButton::clicked, this, [this](bool on) {
        if (on)
            m_view->followPresent();
        else
            updateButtons();
    });
    connect(m_view, &TimelineView::viewChanged, this, &TimelineDock::updateButtons);
    connect(history, &StateHistory::changed, this, &TimelineDock::updateButtons);

    m_bar = new QHBoxLayout;
    m_bar->setContentsMargins(2, 0, 2, 0);
    m_bar->setSpacing(2);
    m_bar->addWidget(m_zoomOut);
    m_bar->addWidget(m_zoomIn);
    m_bar->addWidget(m_fit);
    m_bar->addWidget(m_follow);
    m_bar->addWidget(m_scaleLabel);
    m_bar->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 2);
    layout->setSpacing(2);
    layout->addLayout(m_bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_legend);
    updateButtons();
}

void TimelineDock::setReplayControls(QWidget* controls) {
    // In place of the stretch: the replay's slider takes the rest of the row.
    m_bar->takeAt(m_bar->count() - 1);
    controls->setParent(this);
    m_bar->addSpacing(12);
    m_bar->addWidget(controls, 1);
}

void TimelineDock::updateButtons() {
    m_follow->setChecked(m_view->followsPresent() || m_view->fitsRun());
    m_zoomIn->setEnabled(m_view->scale() < TimelineView::maxScale() * 0.999);
    m_zoomOut->setEnabled(!m_view->fitsRun());
    m_fit->setEnabled(!m_view->fitsRun());
    m_scaleLabel->setText(span(m_view->visibleDuration()));
}

void TimelineDock::retranslate() {
    m_zoomOut->setText(tr("−"));
    m_zoomOut->setToolTip(tr("Zoom out (− or Ctrl+wheel on the lanes)"));
    m_zoomIn->setText(tr("+"));
    m_zoomIn->setToolTip(tr("Zoom in, down to the kernel's time slices (+)"));
    m_fit->setText(tr("Whole Run"));
    m_fit->setToolTip(tr("Show the whole run (0)"));
    m_follow->setText(tr("Follow"));
    m_follow->setToolTip(tr("Keep the present in view while the run goes on (End)"));
    m_scaleLabel->setToolTip(tr("How much time the lanes show"));
}

void TimelineDock::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        updateButtons(); // the scale's "10 ms"
    }
}

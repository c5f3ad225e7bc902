#include "gui/lessons/LessonBrowser.h"

#include "core/LessonLibrary.h"
#include "core/LessonProgress.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

// A small mark for each state, drawn rather than coloured only: an empty ring, a half-filled
// one, a filled one with a tick.
QIcon progressIcon(LessonProgress::State state, const QColor& ink) {
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF ring(5, 5, 22, 22);
    const QColor green(0x00, 0x9E, 0x73);
    switch (state) {
    case LessonProgress::State::NotStarted:
        p.setPen(QPen(ink, 2.5));
        p.drawEllipse(ring);
        break;
    case LessonProgress::State::InProgress:
        p.setPen(QPen(QColor(0xE6, 0x9F, 0x00), 2.5));
        p.drawEllipse(ring);
        p.setBrush(QColor(0xE6, 0x9F, 0x00));
        p.drawPie(ring, 90 * 16, 180 * 16);
        break;
    case LessonProgress::State::Done:
        p.setPen(Qt::NoPen);
        p.setBrush(green);
        p.drawEllipse(ring);
        p.setPen(QPen(Qt::white, 3.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(QPolygonF({QPointF(10.5, 16.5), QPointF(14.5, 20.5), QPointF(21.5, 11.5)}));
        break;
    }
    return QIcon(pixmap);
}

} // namespace

LessonBrowser::LessonBrowser(LessonLibrary* library, QWidget* parent)
    : QWidget(parent), m_library(library), m_tree(new QTreeWidget(this)),
      m_problemsLabel(new QLabel(this)), m_problems(new QListWidget(this)) {
    setObjectName(QStringLiteral("lessonBrowser"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tree->setObjectName(QStringLiteral("lessonTree"));
    m_tree->setHeaderHidden(true);
    m_tree->setColumnCount(1);
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(false);
    // Long titles wrap rather than end in "…": fitRows() gives each row the height its
    // title needs at the tree's width.
    m_tree->setWordWrap(true);
    m_tree->setTextElideMode(Qt::ElideNone);
    m_tree->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_tree->viewport()->installEventFilter(this);
    m_tree->setIconSize(QSize(16, 16));
    m_tree->header()->setStretchLastSection(true);
    m_problems->setObjectName(QStringLiteral("lessonProblems"));
    m_problems->setWordWrap(true);
    m_problems->setTextElideMode(Qt::ElideNone);
    m_problemsLabel->setContentsMargins(4, 4, 4, 0);
    layout->addWidget(m_tree, 3);
    layout->addWidget(m_problemsLabel);
    layout->addWidget(m_problems, 1);

    // A click or Enter opens a lesson; moving through the list with the arrow keys does not
    // (opening one ends the run going).
    const auto choose = [this](QTreeWidgetItem* item) {
        if (m_filling || !item) return;
        const QString id = item->data(0, LessonIdRole).toString();
        if (!id.isEmpty()) emit lessonChosen(id);
    };
    connect(m_tree, &QTreeWidget::itemClicked, this, choose);
    connect(m_tree, &QTreeWidget::itemActivated, this, choose);
    connect(m_library, &LessonLibrary::reloaded, this, &LessonBrowser::refresh);
    refresh();
}

QTreeWidgetItem* LessonBrowser::itemFor(const QString& lessonId) const {
    for (int c = 0; c < m_tree->topLevelItemCount(); ++c) {
        QTreeWidgetItem* chapter = m_tree->topLevelItem(c);
        for (int i = 0; i < chapter->childCount(); ++i)
            if (chapter->child(i)->data(0, LessonIdRole).toString() == lessonId)
                return chapter->child(i);
    }
    return nullptr;
}

QString LessonBrowser::currentLessonId() const {
    const QTreeWidgetItem* item = m_tree->currentItem();
    return item ? item->data(0, LessonIdRole).toString() : QString();
}

void LessonBrowser::setCurrentLesson(const QString& lessonId) {
    QTreeWidgetItem* item = itemFor(lessonId);
    const bool filling = std::exchange(m_filling, true);
    m_tree->setCurrentItem(item);
    if (item) m_tree->scrollToItem(item);
    m_filling = filling;
}

void LessonBrowser::refresh() {
    const QString language = QLocale().name();
    const QString current = currentLessonId();
    const bool filling = std::exchange(m_filling, true);
    m_tree->clear();
    const QColor ink = palette().color(QPalette::Text);
    for (const LessonChapter& chapter : m_library->chapters()) {
        auto* chapterItem = new QTreeWidgetItem(m_tree, {chapter.title.in(language)});
        chapterItem->setFlags(Qt::ItemIsEnabled);
        QFont bold = chapterItem->font(0);
        bold.setBold(true);
        chapterItem->setFont(0, bold);
        for (const QString& id : chapter.lessonIds) {
            const Lesson* lesson = m_library->lesson(id);
            if (!lesson) continue;
            const LessonProgress::State state = LessonProgress::state(id);
            QString title = lesson->title.in(language);
            if (title.isEmpty()) title = id;
            auto* item = new QTreeWidgetItem(chapterItem, {title});
            item->setData(0, LessonIdRole, id);
            item->setData(0, ProgressRole, int(state));
            item->setIcon(0, progressIcon(state, ink));
            QString status;
            switch (state) {
            case LessonProgress::State::NotStarted:
                status = tr("Not started");
                break;
            case LessonProgress::State::InProgress:
                status = tr("In progress");
                break;
            case LessonProgress::State::Done:
                status = tr("Done");
                break;
            }
            // The title again: a narrow dock cuts it short.
            QStringList tip{title};
            if (!lesson->goal.in(language).isEmpty()) tip << lesson->goal.in(language);
            tip << status;
            if (!lesson->isValid())
                tip << tr("%n problem(s) in this lesson, listed below", nullptr,
                          int(lesson->problems.size()));
            item->setToolTip(0, tip.join(QLatin1Char('\n')));
            if (!lesson->isValid()) item->setForeground(0, QColor(0xB0, 0x00, 0x20));
        }
        chapterItem->setExpanded(true);
    }
    m_problems->clear();
    for (const LessonProblem& problem : m_library->problems()) {
        auto* item = new QListWidgetItem(problem.toString(), m_problems);
        item->setToolTip(problem.toString());
    }
    m_problemsLabel->setVisible(m_problems->count() > 0);
    m_problems->setVisible(m_problems->count() > 0);
    retranslate();
    fitRows();
    m_filling = filling;
    if (!current.isEmpty()) setCurrentLesson(current);
}

void LessonBrowser::fitRows() {
    const int available = m_tree->viewport()->width();
    if (available <= 0) return;
    const int iconRoom = m_tree->iconSize().width() + 8; // the icon and the delegate's margins
    for (int c = 0; c < m_tree->topLevelItemCount(); ++c) {
        QTreeWidgetItem* chapter = m_tree->topLevelItem(c);
        const QList<QTreeWidgetItem*> rows = [chapter] {
            QList<QTreeWidgetItem*> list{chapter};
            for (int i = 0; i < chapter->childCount(); ++i)
                list << chapter->child(i);
            return list;
        }();
        for (QTreeWidgetItem* item : rows) {
            const int depth = item->parent() ? 2 : 1;
            const int width = std::max(40, available - depth * m_tree->indentation() - iconRoom);
            const QFontMetrics metrics(item->font(0));
            const QRect text =
                metrics.boundingRect(QRect(0, 0, width, 10000), Qt::TextWordWrap, item->text(0));
            item->setSizeHint(
                0, QSize(width, std::max(text.height(), m_tree->iconSize().height()) + 4));
        }
    }
}

bool LessonBrowser::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_tree->viewport() && event->type() == QEvent::Resize) fitRows();
    return QWidget::eventFilter(watched, event);
}

void LessonBrowser::retranslate() {
    m_problemsLabel->setText(
        tr("%n problem(s) found in the lessons:", nullptr, int(m_problems->count())));
}

void LessonBrowser::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) refresh();
}

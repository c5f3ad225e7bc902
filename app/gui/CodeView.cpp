#include "gui/CodeView.h"

#include "gui/ProcessPalette.h"
#include "gui/PythonHighlighter.h"
#include "gui/Theme.h"

#include <QFontDatabase>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextLayout>
#include <QTimer>

namespace {

constexpr int kMaxChips = 3;

class Gutter : public QWidget {
public:
    explicit Gutter(CodeView* view) : QWidget(view), m_view(view) {}
    QSize sizeHint() const override { return {m_view->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent* event) override { m_view->paintGutter(event); }

private:
    CodeView* m_view;
};

} // namespace

CodeView::CodeView(QWidget* parent)
    : QPlainTextEdit(parent), m_gutter(new Gutter(this)),
      m_highlighter(new PythonHighlighter(document())) {
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    // Long lines wrap rather than hide behind the docks at 1280×720; the gutter marks a
    // wrapped line on its first row.
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    setUndoRedoEnabled(false);
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPointSize(std::max(font.pointSize(), 11));
    setCodeFont(font);
    m_highlighter->setDarkTheme(Theme::isDark(palette()));

    connect(this, &QPlainTextEdit::blockCountChanged, this, &CodeView::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &CodeView::updateGutter);
    updateGutterWidth();
}

void CodeView::setCodeFont(const QFont& font) {
    setFont(font);
    m_gutter->setFont(font);
    setTabStopDistance(QFontMetricsF(font).horizontalAdvance(QLatin1Char(' ')) * 4);
    updateGutterWidth();
    QTimer::singleShot(0, this, &CodeView::ensureFollowedLineVisible); // after the new layout
}

void CodeView::setSource(const QString& text) {
    // A file's last newline ends its last line; it does not start an empty one.
    setPlainText(text.endsWith(QLatin1Char('\n')) ? text.chopped(1) : text);
    m_markers.clear();
    m_lineToPids.clear();
    m_errorLine = 0;
    m_followedLine = 0;
    updateErrorSelection();
    updateGutterWidth();
    viewport()->update();
}

void CodeView::setMarkers(const QMap<int, int>& pidToLine) {
    if (pidToLine == m_markers) return;
    m_markers = pidToLine;
    m_lineToPids.clear();
    int digits = 1;
    for (auto it = m_markers.cbegin(); it != m_markers.cend(); ++it) {
        m_lineToPids[it.value()].append(it.key()); // QMap iterates pids in order
        digits = std::max(digits, int(QString::number(it.key()).size()));
    }
    if (digits > m_maxPidDigits) {
        m_maxPidDigits = digits;
        updateGutterWidth();
    }
    viewport()->update();
    m_gutter->update();
}

void CodeView::setErrorLine(int line) {
    if (line == m_errorLine) return;
    m_errorLine = line;
    updateErrorSelection();
}

void CodeView::updateErrorSelection() {
    QList<QTextEdit::ExtraSelection> selections;
    const QTextBlock block = document()->findBlockByNumber(m_errorLine - 1);
    if (m_errorLine > 0 && block.isValid()) {
        QTextEdit::ExtraSelection selection;
        selection.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        selection.format.setUnderlineColor(QColor(0xC0, 0x00, 0x20));
        selection.cursor = QTextCursor(block);
        selection.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        selections.append(selection);
    }
    setExtraSelections(selections);
}

void CodeView::scrollToLine(int line) {
    m_followedLine = line;
    ensureFollowedLineVisible();
}

void CodeView::ensureFollowedLineVisible() {
    const QTextBlock block = document()->findBlockByNumber(m_followedLine - 1);
    if (m_followedLine <= 0 || !block.isValid() || !isVisible()) return;
    const QRectF geometry = blockBoundingGeometry(block).translated(contentOffset());
    const QRectF visible = viewport()->rect();
    if (geometry.top() >= visible.top() && geometry.bottom() <= visible.bottom()) return;
    const QTextCursor keep = textCursor();
    setTextCursor(QTextCursor(block));
    centerCursor();
    if (keep.hasSelection()) {
        // do not take a reader's selection away
        const int value = verticalScrollBar()->value();
        setTextCursor(keep);
        verticalScrollBar()->setValue(value);
    }
}

void CodeView::showEvent(QShowEvent* event) {
    QPlainTextEdit::showEvent(event);
    QTimer::singleShot(0, this, &CodeView::ensureFollowedLineVisible);
}

int CodeView::chipWidth() const {
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.8);
    small.setBold(true);
    const QFontMetrics fm(small);
    return fm.horizontalAdvance(QString(std::max(m_maxPidDigits, 2), QLatin1Char('0'))) + 8;
}

int CodeView::gutterWidth() const {
    const int digits = std::max(2, int(QString::number(std::max(1, blockCount())).size()));
    const QFontMetrics fm(font());
    return kMaxChips * (chipWidth() + 2) + 6 + fm.horizontalAdvance(QLatin1Char('9')) * digits + 8;
}

void CodeView::updateGutterWidth() {
    setViewportMargins(gutterWidth(), 0, 0, 0);
}

void CodeView::updateGutter(const QRect& rect, int dy) {
    if (dy)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
}

void CodeView::resizeEvent(QResizeEvent* event) {
    QPlainTextEdit::resizeEvent(event);
    const QRect r = contentsRect();
    m_gutter->setGeometry(QRect(r.left(), r.top(), gutterWidth(), r.height()));
    ensureFollowedLineVisible();
}

void CodeView::changeEvent(QEvent* event) {
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        m_highlighter->setDarkTheme(Theme::isDark(palette()));
}

void CodeView::paintEvent(QPaintEvent* event) {
    if (!m_lineToPids.isEmpty()) {
        // Marker backgrounds first, under the text that the base class draws.
        QPainter painter(viewport());
        const QColor base = palette().color(QPalette::Base);
        const QPointF offset = contentOffset();
        const int width = viewport()->width();
        for (QTextBlock block = firstVisibleBlock(); block.isValid(); block = block.next()) {
            const QRectF r = blockBoundingGeometry(block).translated(offset);
            if (r.top() > event->rect().bottom()) break;
            const auto it = m_lineToPids.constFind(block.blockNumber() + 1);
            if (it == m_lineToPids.cend() || !block.isVisible()) continue;
            const QList<int>& pids = *it;
            const double band = r.height() / double(pids.size());
            for (int i = 0; i < pids.size(); ++i) {
                const QRectF stripe(0, r.top() + band * i, width, band);
                painter.fillRect(stripe, ProcessPalette::lineBackground(pids[i], base));
            }
            // A firm edge on the left, like a bookmark, in the first pid's colour.
            painter.fillRect(QRectF(0, r.top(), 3, r.height()), ProcessPalette::color(pids[0]));
        }
    }
    QPlainTextEdit::paintEvent(event);
}

void CodeView::paintGutter(QPaintEvent* event) {
    QPainter painter(m_gutter);
    const QPalette pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::Window));
    painter.setRenderHint(QPainter::Antialiasing);

    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.8);
    small.setBold(true);
    const int chip = chipWidth();
    const int numberRight = m_gutter->width() - 6;
    const QColor numberColor = pal.color(QPalette::PlaceholderText);

    QTextBlock block = firstVisibleBlock();
    qreal top = blockBoundingGeometry(block).translated(contentOffset()).top();
    while (block.isValid() && top <= event->rect().bottom()) {
        const qreal height = blockBoundingRect(block).height();
        // A wrapped line: its number and chips go on its first row.
        const qreal rowHeight = block.layout() && block.layout()->lineCount() > 0
                                    ? block.layout()->lineAt(0).height()
                                    : height;
        const int line = block.blockNumber() + 1;
        if (block.isVisible() && top + height >= event->rect().top()) {
            const auto it = m_lineToPids.constFind(line);
            const bool marked = it != m_lineToPids.cend();
            QFont numberFont = font();
            numberFont.setBold(marked || line == m_errorLine);
            painter.setFont(numberFont);
            painter.setPen(line == m_errorLine
                               ? QColor(0xC0, 0x00, 0x20)
                               : (marked ? pal.color(QPalette::WindowText) : numberColor));
            painter.drawText(QRectF(0, top, numberRight, rowHeight),
                             Qt::AlignRight | Qt::AlignVCenter, QString::number(line));
            if (marked) {
                painter.setFont(small);
                const QList<int>& pids = *it;
                const int shown = pids.size() > kMaxChips ? kMaxChips - 1 : int(pids.size());
                for (int i = 0; i < shown; ++i) {
                    const QRectF r(3 + i * (chip + 2), top + 2, chip, rowHeight - 4);
                    painter.setPen(Qt::NoPen);
                    painter.setBrush(ProcessPalette::color(pids[i]));
                    painter.drawRoundedRect(r, 4, 4);
                    painter.setPen(ProcessPalette::chipTextColor(pids[i]));
                    painter.drawText(r, Qt::AlignCenter, QString::number(pids[i]));
                }
                if (shown < pids.size()) {
                    const QRectF r(3 + shown * (chip + 2), top + 2, chip, rowHeight - 4);
                    painter.setPen(pal.color(QPalette::WindowText));
                    painter.drawText(r, Qt::AlignCenter,
                                     QStringLiteral("+%1").arg(pids.size() - shown));
                }
            }
        }
        block = block.next();
        top += height;
    }
}

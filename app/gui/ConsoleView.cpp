#include "gui/ConsoleView.h"

#include "gui/ProcessPalette.h"

#include <QFontDatabase>
#include <QScrollBar>
#include <QTextCursor>

ConsoleView::ConsoleView(QWidget* parent) : QPlainTextEdit(parent) {
    setReadOnly(true);
    setUndoRedoEnabled(false);
    setMaximumBlockCount(20000);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPointSize(std::max(font.pointSize(), 10));
    setFont(font);
}

void ConsoleView::clearConsole() {
    clear();
    m_shown = 0;
    m_atLineStart = true;
    m_written = false;
    m_lastPid = -1;
}

void ConsoleView::sync(const RunModel& run) {
    const auto& chunks = run.output();
    if (chunks.size() < m_shown) clearConsole(); // the run was cleared in between
    if (m_shown == chunks.size()) return;
    QScrollBar* bar = verticalScrollBar();
    const bool follow = bar->value() >= bar->maximum() - 4;
    for (; m_shown < chunks.size(); ++m_shown)
        appendChunk(chunks[m_shown]);
    if (follow) bar->setValue(bar->maximum());
}

void ConsoleView::startLine(int pid, OutputChunk::Stream stream) {
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    if (m_written) cursor.insertText(QStringLiteral("\n"), QTextCharFormat());
    m_written = true;
    QTextCharFormat prefix;
    const QColor base = palette().color(QPalette::Base);
    if (pid > 0) {
        prefix.setForeground(ProcessPalette::textColor(pid, base));
        prefix.setFontWeight(QFont::Bold);
        cursor.insertText(QStringLiteral("%1 ").arg(pid, 3), prefix);
        prefix.setFontWeight(QFont::Normal);
        cursor.insertText(stream == OutputChunk::Stream::Stderr ? QStringLiteral("! ")
                                                                : QStringLiteral("│ "),
                          prefix);
    } else {
        prefix.setForeground(palette().color(QPalette::PlaceholderText));
        cursor.insertText(QStringLiteral("    │ "), prefix);
    }
    m_atLineStart = false;
    m_lastPid = pid;
    m_lastStream = stream;
}

void ConsoleView::appendChunk(const OutputChunk& chunk) {
    const QColor base = palette().color(QPalette::Base);
    QTextCharFormat format;
    QString text = chunk.text;
    switch (chunk.stream) {
    case OutputChunk::Stream::Stdout:
        format.setForeground(ProcessPalette::textColor(chunk.pid, base));
        break;
    case OutputChunk::Stream::Stderr:
        format.setForeground(ProcessPalette::textColor(chunk.pid, base));
        format.setFontItalic(true);
        break;
    case OutputChunk::Stream::Error:
        format.setForeground(base.lightness() < 110 ? QColor(0xFF, 0x8A, 0x80)
                                                    : QColor(0xB0, 0x00, 0x20));
        format.setFontWeight(QFont::Bold);
        text = QStringLiteral("✖ ") + text;
        break;
    case OutputChunk::Stream::Notice:
        format.setForeground(palette().color(QPalette::PlaceholderText));
        format.setFontItalic(true);
        text = QStringLiteral("ℹ ") + text;
        break;
    }
    const bool ownLine =
        chunk.stream == OutputChunk::Stream::Error || chunk.stream == OutputChunk::Stream::Notice;
    if (ownLine && !text.endsWith(QLatin1Char('\n'))) text += QLatin1Char('\n');
    if (!m_atLineStart && (ownLine || chunk.pid != m_lastPid || chunk.stream != m_lastStream))
        startLine(chunk.pid, chunk.stream);

    QTextCursor cursor(document());
    qsizetype begin = 0;
    while (begin < text.size()) {
        if (m_atLineStart) startLine(chunk.pid, chunk.stream);
        cursor.movePosition(QTextCursor::End);
        const qsizetype nl = text.indexOf(QLatin1Char('\n'), begin);
        const qsizetype end = nl < 0 ? text.size() : nl;
        if (end > begin) cursor.insertText(text.mid(begin, end - begin), format);
        if (nl < 0) break;
        m_atLineStart = true; // the newline itself is written by the next startLine
        begin = nl + 1;
    }
}

#pragma once

// The lesson's source, read-only, with line numbers, Python colours, and where each process is:
// the line a process is about to run gets that pid's colour as background (a line shared by
// several processes is split in bands), and the gutter shows a chip with the pid on it.

#include <QList>
#include <QMap>
#include <QPlainTextEdit>
#include <QString>

class PythonHighlighter;

class CodeView : public QPlainTextEdit {
    Q_OBJECT

public:
    explicit CodeView(QWidget* parent = nullptr);

    void setSource(const QString& text);
    // pid -> 1-based line; replaces all markers.
    void setMarkers(const QMap<int, int>& pidToLine);
    QMap<int, int> markers() const { return m_markers; }
    // The pids marked on a line, in pid order.
    QList<int> pidsOnLine(int line) const { return m_lineToPids.value(line); }
    // A line to underline as an error (a syntax error, an exception), 0 for none.
    void setErrorLine(int line);
    int errorLine() const { return m_errorLine; }
    // Scrolls so that the line is in view, and keeps it in view when the view is shown,
    // resized or zoomed, until another line is asked for.
    void scrollToLine(int line);

    void setCodeFont(const QFont& font);

    int gutterWidth() const;
    void paintGutter(QPaintEvent* event);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void updateGutterWidth();
    void updateGutter(const QRect& rect, int dy);
    void updateErrorSelection();
    void ensureFollowedLineVisible();
    int chipWidth() const;

    QWidget* m_gutter;
    PythonHighlighter* m_highlighter;
    QMap<int, int> m_markers;
    QMap<int, QList<int>> m_lineToPids;
    int m_errorLine = 0;
    int m_followedLine = 0;
    int m_maxPidDigits = 1;
};

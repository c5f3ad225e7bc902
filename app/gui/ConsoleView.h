#pragma once

// What the processes wrote, in the order they wrote it. Each line starts with the writer's pid
// in its colour and the text follows in that colour; stderr is italic; engine errors and notices
// are lines of their own. When another process writes in the middle of a line, its output starts
// on a new line so that nothing is glued to another process's text.

#include "core/RunModel.h"

#include <QPlainTextEdit>

class ConsoleView : public QPlainTextEdit {
    Q_OBJECT

public:
    explicit ConsoleView(QWidget* parent = nullptr);

    // Shows the chunks of `run` not shown yet; starts over when the run was cleared.
    void sync(const RunModel& run);
    void clearConsole();
    void appendChunk(const OutputChunk& chunk);

private:
    void startLine(int pid, OutputChunk::Stream stream);

    qsizetype m_shown = 0;
    bool m_atLineStart = true; // the next text starts a line (its "\n" is not written yet)
    bool m_written = false;
    int m_lastPid = -1;
    OutputChunk::Stream m_lastStream = OutputChunk::Stream::Stdout;
};

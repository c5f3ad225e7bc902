#pragma once

// Syntax colours for the lesson scripts: keywords, built-ins, strings (triple-quoted ones across
// lines), numbers, comments, decorators, and in bold the calls a lesson is about (os.fork,
// os.wait, Process.start, join, ...). Only foreground and weight: backgrounds are the process
// markers' own.

#include <QList>
#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

class PythonHighlighter : public QSyntaxHighlighter {
    Q_OBJECT

public:
    explicit PythonHighlighter(QTextDocument* document);

    // Switches the colours for a dark background (the text palette is checked by the view).
    void setDarkTheme(bool dark);

protected:
    void highlightBlock(const QString& text) override;

private:
    struct Rule {
        QRegularExpression pattern;
        QTextCharFormat format;
        int group = 0;
    };

    void buildRules();
    // Colours a triple-quoted string that may continue from, or into, other blocks.
    int highlightTripleQuotes(const QString& text, int from, int& state);

    bool m_dark = false;
    QList<Rule> m_rules;
    QTextCharFormat m_string;
    QTextCharFormat m_comment;
};

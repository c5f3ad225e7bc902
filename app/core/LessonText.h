#pragma once

// One text of a lesson (a title, a step's explanation, ...) in every language it was written
// in, each with the line of the lesson file it came from.

#include <QMap>
#include <QString>
#include <QStringList>

class LessonText {
public:
    void set(const QString& language, const QString& text, int line = 0);
    bool has(const QString& language) const { return m_texts.contains(language); }
    bool isEmpty() const { return m_texts.isEmpty(); }
    QStringList languages() const { return m_texts.keys(); }
    // The text in exactly this language, empty if there is none.
    QString exact(const QString& language) const { return m_texts.value(language).text; }
    // The text for a reader of `language` ("zh_CN", "zh", "en_GB", ...): that language, else
    // the same language in another country, else English, else any.
    QString in(const QString& language) const;
    // The line of the lesson file where the text for `language` starts (0 if none).
    int line(const QString& language) const { return m_texts.value(language).line; }
    // The first line any language of this text starts on (0 if none).
    int firstLine() const;

    // Joins the lines of a value as written in a lesson file into paragraphs: lines are
    // joined with one space, or none when the join is between two CJK characters (Chinese
    // has no spaces between words); an empty line starts a new paragraph ("\n\n"); a line
    // starting with "- " starts a new line (a list item).
    static QString joinLines(const QStringList& lines);
    static bool isCjk(QChar c);

private:
    struct Entry {
        QString text;
        int line = 0;
    };
    QMap<QString, Entry> m_texts;
};

#include "core/LessonText.h"

void LessonText::set(const QString& language, const QString& text, int line) {
    m_texts.insert(language, Entry{text, line});
}

QString LessonText::in(const QString& language) const {
    if (m_texts.contains(language)) return m_texts.value(language).text;
    const QString base = language.section(QLatin1Char('_'), 0, 0);
    for (auto it = m_texts.cbegin(); it != m_texts.cend(); ++it)
        if (it.key().section(QLatin1Char('_'), 0, 0) == base) return it->text;
    if (m_texts.contains(QStringLiteral("en"))) return m_texts.value(QStringLiteral("en")).text;
    return m_texts.isEmpty() ? QString() : m_texts.first().text;
}

int LessonText::firstLine() const {
    int first = 0;
    for (const Entry& entry : m_texts)
        if (entry.line > 0 && (first == 0 || entry.line < first)) first = entry.line;
    return first;
}

bool LessonText::isCjk(QChar c) {
    const ushort u = c.unicode();
    // CJK symbols and punctuation, kana, CJK ideographs (and extension A), compatibility
    // ideographs, full-width forms. High surrogates (rarer ideographs) count as CJK too.
    return (u >= 0x3000 && u <= 0x30FF) || (u >= 0x3400 && u <= 0x4DBF) ||
           (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0xF900 && u <= 0xFAFF) ||
           (u >= 0xFF00 && u <= 0xFFEF) || c.isHighSurrogate() || c.isLowSurrogate();
}

QString LessonText::joinLines(const QStringList& lines) {
    QString out;
    bool paragraphBreak = false;
    for (const QString& raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty()) {
            if (!out.isEmpty()) paragraphBreak = true;
            continue;
        }
        if (out.isEmpty()) {
            out = line;
        } else if (paragraphBreak) {
            out += QStringLiteral("\n\n") + line;
        } else if (line.startsWith(QLatin1String("- "))) {
            out += QLatin1Char('\n') + line;
        } else if (isCjk(out.back()) && isCjk(line.front())) {
            out += line;
        } else {
            out += QLatin1Char(' ') + line;
        }
        paragraphBreak = false;
    }
    return out;
}

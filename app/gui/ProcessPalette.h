#pragma once

// One colour per pid, the same in the code view, the process tree and the console. The colours
// are Okabe and Ito's palette, which people with the common colour-vision deficiencies can tell
// apart; pids are also always written next to the colour, never shown by colour alone.

#include <QColor>
#include <QIcon>
#include <QList>

class ProcessPalette {
public:
    // The seven Okabe–Ito colours (black left out: it is the text colour).
    static const QList<QColor>& colors();
    // The pid's colour: PID 1 (the run's init) is grey, then pids take the palette in turn.
    static QColor color(int pid);
    // A light version for a line's background, blended over `base`.
    static QColor lineBackground(int pid, const QColor& base);
    // The pid's colour, darkened until it reads well as text on `background` (contrast 4.5:1).
    static QColor textColor(int pid, const QColor& background);
    // Black or white, whichever reads better on the pid's colour.
    static QColor chipTextColor(int pid);
    // A small square of the pid's colour.
    static QIcon swatch(int pid);

    static double contrast(const QColor& a, const QColor& b);
};

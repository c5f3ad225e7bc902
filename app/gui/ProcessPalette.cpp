#include "gui/ProcessPalette.h"

#include <QHash>
#include <QPainter>
#include <QPixmap>
#include <algorithm>
#include <cmath>

namespace {

double channel(double c) {
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor& c) {
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

QColor blend(const QColor& over, const QColor& base, double alpha) {
    return QColor::fromRgbF(float(over.redF() * alpha + base.redF() * (1 - alpha)),
                            float(over.greenF() * alpha + base.greenF() * (1 - alpha)),
                            float(over.blueF() * alpha + base.blueF() * (1 - alpha)));
}

} // namespace

const QList<QColor>& ProcessPalette::colors() {
    // Ordered so that neighbouring pids (a parent and its first children) differ most.
    static const QList<QColor> palette{
        QColor(0x00, 0x72, 0xB2), // blue
        QColor(0xE6, 0x9F, 0x00), // orange
        QColor(0x00, 0x9E, 0x73), // bluish green
        QColor(0xCC, 0x79, 0xA7), // reddish purple
        QColor(0x56, 0xB4, 0xE9), // sky blue
        QColor(0xD5, 0x5E, 0x00), // vermillion
        QColor(0xF0, 0xE4, 0x42), // yellow
    };
    return palette;
}

QColor ProcessPalette::color(int pid) {
    if (pid <= 1) return QColor(0x88, 0x88, 0x88);
    const auto& palette = colors();
    return palette[(pid - 2) % palette.size()];
}

double ProcessPalette::contrast(const QColor& a, const QColor& b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor ProcessPalette::lineBackground(int pid, const QColor& base) {
    const bool dark = luminance(base) < 0.3;
    return blend(color(pid), base, dark ? 0.45 : 0.33);
}

QColor ProcessPalette::textColor(int pid, const QColor& background) {
    QColor c = color(pid);
    const bool darkBackground = luminance(background) < 0.3;
    for (int i = 0; i < 12 && contrast(c, background) < 4.5; ++i)
        c = darkBackground ? c.lighter(115) : c.darker(115);
    return c;
}

QColor ProcessPalette::chipTextColor(int pid) {
    const QColor c = color(pid);
    return contrast(c, Qt::black) >= contrast(c, Qt::white) ? QColor(Qt::black) : QColor(Qt::white);
}

QIcon ProcessPalette::swatch(int pid) {
    static QHash<int, QIcon> cache;
    const int key = pid <= 1 ? -1 : (pid - 2) % int(colors().size());
    auto it = cache.find(key);
    if (it != cache.end()) return *it;
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    {
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(color(pid).darker(140), 2));
        painter.setBrush(color(pid));
        painter.drawRoundedRect(QRectF(4, 4, 24, 24), 6, 6);
    }
    return *cache.insert(key, QIcon(pixmap));
}

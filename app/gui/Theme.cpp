#include "gui/Theme.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QIcon>
#include <QImage>
#include <QMenu>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QSettings>
#include <QStyle>

namespace {

const QString kSettingsKey = QStringLiteral("view/theme");
const char* const kBaseIcon = "forkscopeBaseIcon";

// Whether an icon is drawn in black or dark grey alone (the style's media icons), so that on a
// dark background it would vanish; coloured icons (a folder, the restart arrows) are not.
bool isDarkGlyph(const QIcon& icon) {
    const QImage image = icon.pixmap(32, 32).toImage().convertToFormat(QImage::Format_ARGB32);
    double sum = 0.0;
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = QColor::fromRgba(image.pixel(x, y));
            if (c.alpha() < 128) continue;
            if (c.saturation() > 60) return false;
            sum += c.lightnessF();
            ++count;
        }
    return count > 0 && sum / count < 0.35;
}

QIcon tinted(const QIcon& icon, const QColor& color) {
    QIcon result;
    for (const int size : {16, 22, 24, 32, 48}) {
        for (const auto mode : {QIcon::Normal, QIcon::Disabled}) {
            QPixmap pixmap = icon.pixmap(size, size);
            QPainter painter(&pixmap);
            painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
            QColor c = color;
            if (mode == QIcon::Disabled) c.setAlphaF(0.4f);
            painter.fillRect(pixmap.rect(), c);
            painter.end();
            result.addPixmap(pixmap, mode);
        }
    }
    return result;
}

// The style's black glyphs in the text's colour when dark, as they were when light. Every
// action of every window: those made later get theirs from apply() when the theme changes.
void retintIcons(bool dark) {
    const QColor text = QApplication::palette().color(QPalette::ButtonText);
    for (QWidget* window : QApplication::topLevelWidgets())
        for (QAction* action : window->findChildren<QAction*>()) {
            QVariant base = action->property(kBaseIcon);
            if (!base.isValid()) {
                if (action->icon().isNull() || !isDarkGlyph(action->icon())) continue;
                base = QVariant::fromValue(action->icon());
                action->setProperty(kBaseIcon, base);
            }
            const QIcon original = base.value<QIcon>();
            action->setIcon(dark ? tinted(original, text) : original);
        }
}

} // namespace

QPalette Theme::systemPalette() {
    // The platform's palette as it was before any theme was applied.
    static const QPalette palette = QApplication::palette();
    return palette;
}

QPalette Theme::darkPalette() {
    // Greys rather than black, so that the process colours and the timeline's states keep
    // their contrast; text at about 13:1 on the base.
    QPalette p;
    const QColor window(0x2B, 0x2D, 0x30);
    const QColor base(0x1F, 0x21, 0x24);
    const QColor text(0xE8, 0xEA, 0xED);
    const QColor disabled(0x80, 0x86, 0x8B);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x28, 0x2A, 0x2E));
    p.setColor(QPalette::ToolTipBase, QColor(0x3C, 0x40, 0x43));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9A, 0xA0, 0xA6));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x38, 0x3C));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xFF, 0x8A, 0x80));
    p.setColor(QPalette::Light, QColor(0x4A, 0x4D, 0x52));
    p.setColor(QPalette::Midlight, QColor(0x3E, 0x41, 0x45));
    p.setColor(QPalette::Mid, QColor(0x5F, 0x63, 0x68));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1B));
    p.setColor(QPalette::Shadow, QColor(0x0A, 0x0A, 0x0A));
    p.setColor(QPalette::Highlight, QColor(0x2F, 0x6F, 0xB3));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x8A, 0xB4, 0xF8));
    p.setColor(QPalette::LinkVisited, QColor(0xC5, 0x8A, 0xF9));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4A, 0x4D, 0x52));
    return p;
}

bool Theme::isDark(const QPalette& palette) {
    return palette.color(QPalette::Base).lightness() < 110;
}

bool Theme::isDark() {
    return isDark(QApplication::palette());
}

void Theme::apply(Mode mode) {
    const QPalette system = systemPalette(); // taken before the first change
    s_mode = mode;
    switch (mode) {
    case Mode::System:
        QApplication::setPalette(system);
        break;
    case Mode::Light:
        // The style's own light palette when the system's is dark.
        QApplication::setPalette(isDark(system) ? QApplication::style()->standardPalette()
                                                : system);
        break;
    case Mode::Dark:
        // Fusion draws with the palette alone; some platform styles keep light parts.
        if (QApplication::style()->name() != QLatin1StringView("fusion"))
            QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(darkPalette());
        break;
    }
    retintIcons(isDark());
}

Theme::Mode Theme::fromName(const QString& name) {
    if (name == QLatin1StringView("light")) return Mode::Light;
    if (name == QLatin1StringView("dark")) return Mode::Dark;
    return Mode::System;
}

QString Theme::name(Mode mode) {
    switch (mode) {
    case Mode::Light:
        return QStringLiteral("light");
    case Mode::Dark:
        return QStringLiteral("dark");
    case Mode::System:
        break;
    }
    return QStringLiteral("system");
}

void Theme::retranslateMenu(QMenu* menu) {
    menu->setTitle(tr("&Theme"));
    for (QAction* action : menu->actions()) {
        QString text;
        QString tip;
        switch (fromName(action->objectName().mid(6))) { // after "theme-"
        case Mode::System:
            text = tr("Follow the &System");
            tip = tr("Light or dark, as the desktop is");
            break;
        case Mode::Light:
            text = tr("&Light");
            tip = tr("Dark text on light backgrounds");
            break;
        case Mode::Dark:
            text = tr("&Dark");
            tip = tr("Light text on dark backgrounds, for a dim room");
            break;
        }
        action->setText(text);
        action->setToolTip(tip);
        action->setStatusTip(tip);
        action->setChecked(action->objectName() == QStringLiteral("theme-") + name(s_mode));
    }
}

QMenu* Theme::createMenu(QWidget* parent, bool remember) {
    auto* menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("themeMenu"));
    if (remember) {
        const Mode saved = fromName(QSettings().value(kSettingsKey).toString());
        if (saved != s_mode) apply(saved);
    }
    auto* group = new QActionGroup(menu);
    for (const Mode mode : {Mode::System, Mode::Light, Mode::Dark}) {
        QAction* action = menu->addAction(QString());
        action->setObjectName(QStringLiteral("theme-") + name(mode));
        action->setCheckable(true);
        group->addAction(action);
        QObject::connect(action, &QAction::triggered, menu, [mode, remember] {
            apply(mode);
            if (remember) QSettings().setValue(kSettingsKey, name(mode));
        });
    }
    retranslateMenu(menu);
    // Texts in the language of the moment (it may change while the app runs), and the choice
    // of the moment (a theme given on the command line may come after the menu was made).
    QObject::connect(menu, &QMenu::aboutToShow, menu, [menu] { retranslateMenu(menu); });
    if (auto* parentMenu = qobject_cast<QMenu*>(parent))
        QObject::connect(parentMenu, &QMenu::aboutToShow, menu,
                         [menu] { menu->setTitle(tr("&Theme")); });
    return menu;
}

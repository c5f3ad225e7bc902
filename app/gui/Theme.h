#pragma once

// Light and dark: the application's palette, which every view reads (the code's colours, the
// timeline, the charts and the panels follow a palette change). By default the theme follows
// the system's (the palette the platform gave at start: Qt 6.4 has no colour-scheme hint); the
// View menu's choice is remembered. Process colours stay Okabe–Ito in both themes.

#include <QCoreApplication>
#include <QString>

class QMenu;
class QPalette;
class QWidget;

class Theme {
    Q_DECLARE_TR_FUNCTIONS(Theme)

public:
    enum class Mode { System, Light, Dark };

    // Sets the application's palette for the mode.
    static void apply(Mode mode);
    static Mode current() { return s_mode; }
    // Whether the application looks dark now.
    static bool isDark();
    static bool isDark(const QPalette& palette);

    // "system", "light", "dark" (nullopt-like: System for anything else).
    static Mode fromName(const QString& name);
    static QString name(Mode mode);

    // The View menu's Theme submenu; with `remember`, the choice is read from and written to
    // the settings (and the saved one applied now).
    static QMenu* createMenu(QWidget* parent, bool remember);

private:
    static void retranslateMenu(QMenu* menu);
    static QPalette systemPalette();
    static QPalette darkPalette();
    static inline Mode s_mode = Mode::System;
};

// The dark theme: the palette every view reads, the View menu's choice remembered, the style's
// black glyphs turned light, and the same process colours in both themes.

#include "gui/Theme.h"

#include "TestSupport.h"
#include "core/QueueModel.h"
#include "gui/CodeView.h"
#include "gui/MainWindow.h"
#include "gui/ProcessPalette.h"
#include "gui/panels/QueuePanel.h"
#include "gui/panels/SharedObjectDocks.h"
#include "gui/timeline/TimelineDock.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

// The system's theme again after each test, whatever it did.
struct ThemeReset {
    ~ThemeReset() { Theme::apply(Theme::Mode::System); }
};

double meanLightness(const QIcon& icon) {
    const QImage image = icon.pixmap(32, 32).toImage().convertToFormat(QImage::Format_ARGB32);
    double sum = 0.0;
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = QColor::fromRgba(image.pixel(x, y));
            if (c.alpha() < 128) continue;
            sum += c.lightnessF();
            ++count;
        }
    return count ? sum / count : -1.0;
}

} // namespace

TEST_CASE("The dark theme darkens every view and keeps the process colours", "[app][theme]") {
    ThemeReset reset;
    MainWindow::Options options;
    options.useSettings = false;
    MainWindow window(options);
    window.show();
    // The recorded Queue(3) run, up to the parent blocked in put(): a queue and a chip.
    QList<EngineEvent> events;
    for (const EngineEvent& e : testing::loadEvents(u"queue_full.jsonl"_s)) {
        events << e;
        if (e.text("on"_L1) == "queue-put"_L1) break;
    }
    window.applyEvents(events);
    const double lightPause = meanLightness(window.pauseAction()->icon());
    QueuePanel* panel = window.objectDocks()->queuePanel();
    const QImage lightPanel = panel->grab().toImage();

    Theme::apply(Theme::Mode::Dark);
    QCoreApplication::processEvents(); // the widgets hear of a new palette through events
    CHECK(Theme::isDark());
    for (QWidget* view : {static_cast<QWidget*>(window.codeView()),
                          static_cast<QWidget*>(window.timeline()), static_cast<QWidget*>(panel)}) {
        const QPalette pal = view->palette();
        CHECK(Theme::isDark(pal));
        // Text reads on the background at least as WCAG asks of body text.
        CHECK(ProcessPalette::contrast(pal.color(QPalette::Text), pal.color(QPalette::Base)) >=
              7.0);
    }
    // The panel paints a dark background now, and the process's chip in the same colour.
    const QImage darkPanel = panel->grab().toImage();
    CHECK(QColor(darkPanel.pixel(2, 2)).lightness() < 60);
    CHECK(QColor(lightPanel.pixel(2, 2)).lightness() > 200);
    const auto chips = panel->elements(PanelCanvas::Element::Chip);
    REQUIRE_FALSE(chips.isEmpty());
    const QPoint inside(chips[0].rect.left() + chips[0].rect.height() / 2, chips[0].rect.top() + 3);
    CHECK(QColor(darkPanel.pixel(inside)) == ProcessPalette::color(chips[0].pid));
    // The style's black Pause glyph is drawn light.
    CHECK(lightPause < 0.35);
    CHECK(meanLightness(window.pauseAction()->icon()) > 0.6);

    Theme::apply(Theme::Mode::Light);
    QCoreApplication::processEvents();
    CHECK_FALSE(Theme::isDark());
    CHECK(meanLightness(window.pauseAction()->icon()) == Approx(lightPause));
}

TEST_CASE("The theme is chosen in the View menu and remembered", "[app][theme]") {
    ThemeReset reset;
    QSettings().clear();
    {
        MainWindow window; // with settings
        auto* menu = window.menuBar()->findChild<QMenu*>(u"themeMenu"_s);
        REQUIRE(menu);
        QAction* system = menu->findChild<QAction*>(u"theme-system"_s);
        QAction* dark = menu->findChild<QAction*>(u"theme-dark"_s);
        REQUIRE(system);
        REQUIRE(dark);
        CHECK(system->isChecked()); // follows the system by default
        dark->trigger();
        CHECK(Theme::isDark());
        CHECK(dark->isChecked());
        window.close();
    }
    CHECK(QSettings().value(u"view/theme"_s).toString() == u"dark"_s);
    Theme::apply(Theme::Mode::System);
    CHECK_FALSE(Theme::isDark());
    {
        MainWindow window; // reads the choice back
        QCoreApplication::processEvents();
        CHECK(Theme::current() == Theme::Mode::Dark);
        CHECK(Theme::isDark(window.codeView()->palette()));
    }
    QSettings().clear();
}

// forkscope [FILE]: the GUI. FILE is a lesson script (.py), a lesson folder or a recording
// (.jsonl); without it, the first lesson opens when the lessons are installed (or in the source
// tree).

#include "core/EngineClient.h"
#include "core/LanguageSwitcher.h"
#include "core/Lessons.h"
#include "gui/MainWindow.h"
#include "gui/MomentShot.h"
#include "gui/Theme.h"
#include "gui/lessons/LessonController.h"
#include "gui/lessons/LessonScreenshots.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QIcon>
#include <QLocale>
#include <QScreen>
#include <QTimer>
#include <chrono>
#include <cstdio>

namespace {

// --lang must be known before the parser's own texts are translated, so it is looked for first.
QString requestedLanguage(const QStringList& arguments) {
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& arg = arguments[i];
        if (arg == QLatin1StringView("--lang") && i + 1 < arguments.size()) return arguments[i + 1];
        if (arg.startsWith(QLatin1StringView("--lang="))) return arg.mid(7);
    }
    return {};
}

// FORKSCOPE_FIRST_PAINT set: prints "first-paint NS" (CLOCK_MONOTONIC nanoseconds, as
// std::chrono::steady_clock counts them) once the window has been painted for the first time,
// and quits then if it is "quit". forkscope-gui-bench measures the launch with it.
class FirstPaintProbe : public QObject {
public:
    FirstPaintProbe(QWidget* window, bool quit) : QObject(window), m_quit(quit) {
        window->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            watched->removeEventFilter(this);
            // After this paint and the flush to the screen that follows it.
            QTimer::singleShot(0, this, [this] {
                const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                    std::chrono::steady_clock::now().time_since_epoch())
                                    .count();
                std::printf("first-paint %lld\n", static_cast<long long>(ns));
                std::fflush(stdout);
                if (m_quit) QApplication::exit(0);
            });
        }
        return false;
    }

private:
    bool m_quit;
    bool m_seen = false;
};

} // namespace

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Forkscope"));
    QApplication::setApplicationName(QStringLiteral("forkscope"));
    QApplication::setApplicationDisplayName(QStringLiteral("Forkscope"));
    QApplication::setApplicationVersion(QStringLiteral(FORKSCOPE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("forkscope"));
    QIcon icon(QStringLiteral(":/icons/forkscope.svg"));
    for (int size : {32, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/forkscope-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);

    // --lang is for this launch only; the Language menu's choice is what is remembered.
    const QString language = requestedLanguage(QApplication::arguments());
    LanguageSwitcher::instance()->setLanguage(
        language.isEmpty() ? LanguageSwitcher::preferred() : LanguageSwitcher::closest(language),
        false);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Forkscope runs a Python script for real and shows its processes live."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QApplication::translate("main", "file"),
        QApplication::translate(
            "main", "A lesson script (.py), a lesson folder or a recording (.jsonl) to open."),
        QApplication::translate("main", "[file]"));
    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QApplication::translate("main", "Use this language instead of the system's (en, zh_CN)."),
        QApplication::translate("main", "locale"));
    parser.addOption(langOption);
    const QCommandLineOption runOption(
        QStringLiteral("run"),
        QApplication::translate("main", "Start running the script at once."));
    parser.addOption(runOption);
    QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate("main",
                                "Save the window as an image once FILE is shown, then quit."),
        QApplication::translate("main", "image"));
    screenshotOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(screenshotOption);
    QCommandLineOption sizeOption(
        QStringLiteral("size"),
        QApplication::translate("main", "The window's size, e.g. 1280x720."),
        QApplication::translate("main", "WxH"));
    sizeOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(sizeOption);
    QCommandLineOption zoomOption(
        QStringLiteral("zoom"), QApplication::translate("main", "Larger text by this many points."),
        QApplication::translate("main", "points"));
    zoomOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(zoomOption);
    const QCommandLineOption themeOption(
        QStringLiteral("theme"),
        QApplication::translate("main", "Light or dark: system (the default), light, dark."),
        QApplication::translate("main", "theme"));
    parser.addOption(themeOption);
    QCommandLineOption momentOption(
        QStringLiteral("screenshot-at"),
        QApplication::translate("main", "With --screenshot: save the window at this lesson "
                                        "moment (\"zombie\", \"task-start#5\"), then quit."),
        QApplication::translate("main", "moment"));
    momentOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(momentOption);
    QCommandLineOption lessonShotsOption(
        QStringLiteral("lesson-screenshots"),
        QApplication::translate("main", "Save every lesson at its first step into this folder, "
                                        "then quit."),
        QApplication::translate("main", "folder"));
    lessonShotsOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(lessonShotsOption);
    parser.process(app);

    const QStringList files = parser.positionalArguments();
    if (files.size() > 1) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QApplication::translate("main", "Give at most one file.")));
        return 2;
    }
    const QString screenshot = parser.value(screenshotOption);
    const QString lessonShots = parser.value(lessonShotsOption);

    MainWindow::Options options;
    // A screenshot does not depend on the last session.
    options.useSettings = screenshot.isEmpty() && lessonShots.isEmpty();
    MainWindow window(options);
    if (parser.isSet(themeOption)) Theme::apply(Theme::fromName(parser.value(themeOption)));
    if (parser.isSet(sizeOption) || !screenshot.isEmpty() || !lessonShots.isEmpty()) {
        const QStringList size = parser.value(sizeOption).split(QLatin1Char('x'));
        const int width = size.size() == 2 ? size[0].toInt() : 1280;
        const int height = size.size() == 2 ? size[1].toInt() : 720;
        if (width > 0 && height > 0) window.resize(width, height);
    }

    QString file = files.isEmpty() ? QString() : files.first();
    bool opened = true;
    if (file.isEmpty()) {
        // The lesson open last time, else the first one.
        window.lessons()->openStartLesson(options.useSettings);
    } else if (QFileInfo(file).isDir()) {
        // A lesson folder opens as a lesson (its script, its steps); the lessons folder on its
        // first lesson; a folder of scripts on its first script.
        const QString script = firstLessonIn(file);
        const QString folder = script.isEmpty() ? file : QFileInfo(script).absolutePath();
        if (!window.lessons()->openLessonFolder(folder))
            opened = !script.isEmpty() && window.openFile(script);
    } else {
        opened = window.openFile(file);
    }
    if (qEnvironmentVariableIsSet("FORKSCOPE_FIRST_PAINT"))
        new FirstPaintProbe(&window, qEnvironmentVariable("FORKSCOPE_FIRST_PAINT") ==
                                         QLatin1StringView("quit"));
    window.show();
    if (parser.isSet(zoomOption)) window.setZoom(parser.value(zoomOption).toInt());

    if (!lessonShots.isEmpty()) {
        auto* shots = new LessonScreenshots(&window, lessonShots);
        QObject::connect(shots, &LessonScreenshots::finished, &app,
                         [&app](int failures) { app.exit(failures == 0 ? 0 : 1); });
        QTimer::singleShot(0, shots, &LessonScreenshots::start);
        return QApplication::exec();
    }

    const bool run = (parser.isSet(runOption) || parser.isSet(momentOption)) && opened &&
                     !window.scriptPath().isEmpty();
    if (run) window.run();

    if (!screenshot.isEmpty() && parser.isSet(momentOption)) {
        QString error;
        const auto moment = MomentShot::parse(parser.value(momentOption), &error);
        if (!moment) {
            std::fprintf(stderr, "forkscope: --screenshot-at: %s\n", qPrintable(error));
            return 2;
        }
        auto* shot = new MomentShot(&window, *moment, screenshot);
        QObject::connect(shot, &MomentShot::finished, &app, [&window](bool ok, const QString& why) {
            if (!ok) std::fprintf(stderr, "forkscope: %s\n", qPrintable(why));
            window.stopRun(); // the run is not needed any more; the client waits for its end
            QApplication::exit(ok ? 0 : 1);
        });
        shot->start();
        QTimer::singleShot(60000, &window, [] {
            std::fprintf(stderr, "forkscope: the moment did not come within a minute\n");
            QApplication::exit(1);
        });
    } else if (!screenshot.isEmpty()) {
        // After the recording is applied, or once the run is over (at most 30 s).
        const auto shoot = [&window, &app, screenshot, opened] {
            const bool saved = window.saveScreenshot(screenshot);
            if (!saved) std::fprintf(stderr, "forkscope: cannot save %s\n", qPrintable(screenshot));
            app.exit(saved && opened ? 0 : 1);
        };
        if (run && window.engine()->isRunning()) {
            QObject::connect(window.engine(), &EngineClient::finished, &window,
                             [shoot] { QTimer::singleShot(300, shoot); });
            QTimer::singleShot(30000, &window, shoot);
        } else {
            QTimer::singleShot(400, &window, shoot);
        }
    }
    return QApplication::exec();
}

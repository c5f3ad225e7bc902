// app_tests: Catch2 with a QApplication. The offscreen platform is set before the application
// is built, so that catch_discover_tests (which runs this binary at build time) needs no display.

#define CATCH_CONFIG_RUNNER
#include <QApplication>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

int main(int argc, char* argv[]) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    // Tags every process this suite starts, for the leftover check that runs after it.
    qputenv("FORKSCOPE_TEST_SUITE", FORKSCOPE_SUITE_TAG);
    // Never read or write the user's settings: QSettings goes to a folder of our own. (Not
    // QStandardPaths' test mode, which writes to ~/.qttest.)
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toLocal8Bit());

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Forkscope"));
    QApplication::setApplicationName(QStringLiteral("forkscope-tests"));
    return Catch::Session().run(argc, argv);
}

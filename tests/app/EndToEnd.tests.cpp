// The whole chain, with the real engine: the GUI starts forkscope-engine on a fork script in
// step mode, steps every process, then only the selected one, and after each step checks where
// the code view marks each process and what the process tree shows; the run ends with nothing
// left behind.

#include "TestSupport.h"
#include "core/EngineClient.h"
#include "core/ProcessTreeModel.h"
#include "core/Recording.h"
#include "core/RunModel.h"
#include "gui/CodeView.h"
#include "gui/MainWindow.h"

#include <QAction>
#include <QFileInfo>
#include <QTreeView>
#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

using Markers = QMap<int, int>; // pid -> line

QString markersText(const Markers& markers) {
    QStringList parts;
    for (auto it = markers.constBegin(); it != markers.constEnd(); ++it)
        parts << u"%1@%2"_s.arg(it.key()).arg(it.value());
    return parts.join(u' ');
}

// The tree as "pid(children)": "1(2(3))". (States are checked apart, where the engine's are
// certain: a paused process may be sampled "ready" for a moment on a loaded machine.)
QString treeText(const ProcessTreeModel& model, const QModelIndex& parent = {}) {
    QStringList parts;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        QString part = index.data().toString();
        if (model.rowCount(index) > 0) part += u"("_s + treeText(model, index) + u")"_s;
        parts << part;
    }
    return parts.join(u", "_s);
}

struct Stepper {
    MainWindow& window;

    // Waits until the code view marks exactly these lines; says what it shows if it never does.
    bool reach(const Markers& expected) {
        const bool ok = testing::waitFor(
            [&] {
                return window.codeView()->markers() == expected && window.runModel()->run().paused;
            },
            15000);
        UNSCOPED_INFO("markers: " << markersText(window.codeView()->markers()).toStdString()
                                  << "; tree: " << tree().toStdString());
        if (!ok)
            UNSCOPED_INFO("events:\n"
                          << Recording::serialize(window.recording().events()).toStdString());
        return ok;
    }
    QString tree() const { return treeText(*window.processTreeModel()); }
    QString state(int pid) const {
        return window.processTreeModel()
            ->indexForPid(pid, ProcessTreeModel::StateColumn)
            .data()
            .toString();
    }
};

} // namespace

TEST_CASE("Stepping a fork through the GUI with the real engine", "[app][e2e]") {
#ifdef FORKSCOPE_ENGINE_BIN
    const QString engine = QStringLiteral(FORKSCOPE_ENGINE_BIN);
    if (!QFileInfo(engine).isExecutable()) {
        WARN("forkscope-engine is not built: skipped");
        return;
    }
    MainWindow::Options options;
    options.useSettings = false;
    {
        MainWindow window(options);
        window.setEngineProgram(engine);
        window.show();
        REQUIRE(window.openScript(testing::dataPath(u"step_fork.py"_s)));
        Stepper s{window};

        // Step with no run starts one paused, before the first line.
        window.stepAction()->trigger();
        REQUIRE(s.reach({{2, 1}}));
        CHECK(s.tree() == u"1(2)"_s);

        window.stepAction()->trigger();
        REQUIRE(s.reach({{2, 3}}));

        // The fork: two processes on line 4, the child under its parent.
        window.stepAction()->trigger();
        REQUIRE(s.reach({{2, 4}, {3, 4}}));
        CHECK(s.tree() == u"1(2(3))"_s);
        CHECK(window.codeView()->pidsOnLine(4) == QList<int>{2, 3});

        // Every process one line: each goes its own way.
        window.stepAction()->trigger();
        REQUIRE(s.reach({{2, 8}, {3, 5}}));

        // Only the child, selected in the tree: the parent stays on line 8.
        QTreeView* tree = window.processView();
        const QModelIndex child = window.processTreeModel()->indexForPid(3);
        REQUIRE(child.isValid());
        tree->setCurrentIndex(
            tree->model()->index(0, 0, tree->model()->index(0, 0, tree->model()->index(0, 0))));
        REQUIRE(window.selectedPid() == 3);
        REQUIRE(window.stepSelectedAction()->isEnabled());
        window.stepSelectedAction()->trigger();
        REQUIRE(s.reach({{2, 8}, {3, 6}}));
        window.stepSelectedAction()->trigger();
        REQUIRE(s.reach({{2, 8}, {3, 7}}));
        CHECK(s.tree() == u"1(2(3))"_s);

        // Everyone again: the child exits with code 2 and, unreaped, is a zombie (no marker).
        window.stepAction()->trigger();
        REQUIRE(s.reach({{2, 9}}));
        REQUIRE(testing::waitFor([&] { return s.state(3) == u"zombie"_s; }));
        CHECK(window.processTreeModel()
                  ->indexForPid(3, ProcessTreeModel::ExitColumn)
                  .data()
                  .toString() == u"2"_s);

        window.stepAction()->trigger();
        REQUIRE(s.reach({{2, 10}}));
        // waitpid() reaps it.
        window.stepAction()->trigger();
        REQUIRE(s.reach({{2, 11}}));
        CHECK(s.state(3) == u"reaped by 2"_s);
        CHECK(s.tree() == u"1(2(3))"_s); // the reaped child stays in the tree, greyed

        // Continue to the end.
        window.runAction()->trigger();
        REQUIRE(testing::waitFor([&] { return !window.engine()->isRunning(); }, 15000));
        CHECK(window.runStateText() == u"Finished, exit status 0"_s);
        CHECK(window.codeView()->markers().isEmpty());
    }
    CHECK(testing::childPids().isEmpty());
#else
    WARN("FORKSCOPE_ENGINE_BIN is not defined in this build: skipped");
#endif
}

#include "core/ProcessTreeModel.h"

#include "TestSupport.h"
#include "core/RunModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

using testing::WarningCounter;

struct Fixture {
    RunModel run;
    ProcessTreeModel model{&run};
    WarningCounter warnings;
    QAbstractItemModelTester tester{&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning};

    // Applies a stream one event at a time, as a slow engine would deliver it.
    void feedOneByOne(const QList<EngineEvent>& events) {
        for (const EngineEvent& e : events)
            run.apply(e);
    }

    QString text(const QModelIndex& index, int column) const {
        return model.index(index.row(), column, index.parent()).data().toString();
    }
    QVariant raw(const QModelIndex& index, int column) const {
        return model.index(index.row(), column, index.parent()).data(ProcessTreeModel::RawRole);
    }
    // The tree as "pid(child pid(...) ...)" for whole-shape checks.
    QString shape(const QModelIndex& parent = {}) const {
        QStringList parts;
        for (int row = 0; row < model.rowCount(parent); ++row) {
            const QModelIndex index = model.index(row, 0, parent);
            QString part = index.data().toString();
            if (model.rowCount(index) > 0) part += u"("_s + shape(index) + u")"_s;
            parts << part;
        }
        return parts.join(QLatin1Char(' '));
    }
};

} // namespace

TEST_CASE("The tree of a fork and wait", "[app][tree]") {
    Fixture f;
    f.feedOneByOne(testing::loadEvents(u"fork_wait.jsonl"_s));
    CHECK(WarningCounter::messages().isEmpty());

    CHECK(f.shape() == u"1(2(3))"_s);
    CHECK(f.model.columnCount() == 5);
    CHECK(f.model.headerData(ProcessTreeModel::PidColumn, Qt::Horizontal).toString() == u"PID"_s);

    const QModelIndex child = f.model.indexForPid(3);
    REQUIRE(child.isValid());
    CHECK(f.text(child, ProcessTreeModel::NameColumn) == u"MainProcess"_s);
    CHECK(f.text(child, ProcessTreeModel::StateColumn) == u"reaped by 2"_s);
    CHECK(f.text(child, ProcessTreeModel::ExitColumn) == u"3"_s);
    CHECK(f.raw(child, ProcessTreeModel::ExitColumn).toInt() == 3);
    CHECK(f.raw(child, ProcessTreeModel::StateColumn).toString() == u"reaped"_s);
    CHECK(child.data(ProcessTreeModel::PidRole).toInt() == 3);

    const QModelIndex init = f.model.indexForPid(1);
    CHECK(f.text(init, ProcessTreeModel::StateColumn) == u"waiting for a child"_s);
    CHECK(f.text(init, ProcessTreeModel::ExitColumn).isEmpty());
    CHECK_FALSE(f.raw(init, ProcessTreeModel::ExitColumn).isValid());
}

TEST_CASE("The tree while a run is going: lines and waiting", "[app][tree]") {
    Fixture f;
    const QList<EngineEvent> events = testing::loadEvents(u"fork_wait.jsonl"_s);
    f.run.apply(events.mid(0, 16));
    CHECK(WarningCounter::messages().isEmpty());

    const QModelIndex main = f.model.indexForPid(2);
    const QModelIndex child = f.model.indexForPid(3);
    CHECK(f.text(main, ProcessTreeModel::LineColumn) == u"9"_s);
    CHECK(f.raw(main, ProcessTreeModel::LineColumn).toInt() == 9);
    CHECK(f.text(main, ProcessTreeModel::StateColumn) == u"waiting for a child"_s);
    CHECK(f.text(child, ProcessTreeModel::LineColumn) == u"6"_s);
    CHECK(f.text(child, ProcessTreeModel::StateColumn) == u"running"_s);
    CHECK(f.model.parent(child) == main);
}

TEST_CASE("A zombie shows as a zombie until its reap", "[app][tree]") {
    Fixture f;
    const QList<EngineEvent> events = testing::loadEvents(u"zombie_late.jsonl"_s);
    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);

    qsizetype i = 0;
    for (; i < events.size() && !(events[i].kind == EventKind::Reap && events[i].pid == 3); ++i)
        f.run.apply(events[i]);
    const QModelIndex child = f.model.indexForPid(3);
    CHECK(f.text(child, ProcessTreeModel::StateColumn) == u"zombie"_s);
    CHECK(f.text(child, ProcessTreeModel::ExitColumn) == u"7"_s);
    CHECK(f.text(child, ProcessTreeModel::LineColumn).isEmpty()); // no longer on a line
    CHECK(child.data(Qt::ToolTipRole).toString().contains(u"zombie"_s));

    changed.clear();
    f.run.apply(events[i]); // the reap
    CHECK(f.text(child, ProcessTreeModel::StateColumn) == u"reaped by 2"_s);
    REQUIRE(changed.size() == 1);
    CHECK(changed[0][0].value<QModelIndex>().row() == child.row());
    CHECK(f.model.rowCount(f.model.indexForPid(2)) == 1); // still shown, greyed by the GUI

    f.feedOneByOne(events.mid(i + 1));
    CHECK(WarningCounter::messages().isEmpty());
    CHECK(f.shape() == u"1(2(3))"_s);
}

TEST_CASE("An orphan moves under PID 1 when it is reparented", "[app][tree]") {
    Fixture f;
    const QList<EngineEvent> events = testing::loadEvents(u"orphan.jsonl"_s);
    QSignalSpy moved(&f.model, &QAbstractItemModel::rowsMoved);

    qsizetype i = 0;
    for (; i < events.size() && events[i].kind != EventKind::Reparent; ++i)
        f.run.apply(events[i]);
    CHECK(f.shape() == u"1(2(3))"_s);
    CHECK(f.text(f.model.indexForPid(2), ProcessTreeModel::StateColumn) == u"zombie"_s);

    f.run.apply(events[i]); // reparent 3: from 2 to 1
    CHECK(moved.size() == 1);
    CHECK(f.shape() == u"1(2 3)"_s);
    const QModelIndex orphan = f.model.indexForPid(3);
    CHECK(f.model.parent(orphan) == f.model.indexForPid(1));
    CHECK(f.text(orphan, ProcessTreeModel::StateColumn) == u"sleeping, orphan"_s);
    CHECK(orphan.data(Qt::ToolTipRole).toString().contains(u"adopted by 1"_s));

    f.feedOneByOne(events.mid(i + 1));
    CHECK(WarningCounter::messages().isEmpty());
    CHECK(f.shape() == u"1(2 3)"_s);
    CHECK(f.text(f.model.indexForPid(3), ProcessTreeModel::StateColumn) ==
          u"reaped by 1, orphan"_s);
    CHECK(f.text(f.model.indexForPid(2), ProcessTreeModel::StateColumn) == u"reaped by 1"_s);
}

TEST_CASE("Applying whole streams in batches gives the same tree", "[app][tree]") {
    Fixture f;
    f.run.apply(testing::loadEvents(u"four_children.jsonl"_s));
    CHECK(f.shape() == u"1(2(3 4 5 6))"_s);
    CHECK(f.text(f.model.indexForPid(5), ProcessTreeModel::StateColumn) == u"zombie"_s);
    CHECK(f.text(f.model.indexForPid(6), ProcessTreeModel::ExitColumn) == u"13"_s);
    CHECK(f.text(f.model.indexForPid(3), ProcessTreeModel::StateColumn) == u"sleeping"_s);

    // A new start in the same model resets the tree.
    f.run.apply(testing::loadEvents(u"orphan.jsonl"_s));
    CHECK(f.shape() == u"1(2 3)"_s);
    f.run.clear();
    CHECK(f.model.rowCount() == 0);
    CHECK(WarningCounter::messages().isEmpty());
}

TEST_CASE("Signals and pid reuse in the tree", "[app][tree]") {
    Fixture f;
    const auto e = [](const char* json) { return *parseEventLine(QByteArrayView(json)); };
    f.feedOneByOne({
        e(R"({"t":0,"pid":0,"kind":"start","script":"x.py"})"),
        e(R"({"t":0,"pid":1,"kind":"spawn","ppid":0,"name":"init","how":"init"})"),
        e(R"({"t":0,"pid":2,"kind":"spawn","ppid":1,"name":"MainProcess","how":"main"})"),
        e(R"({"t":1,"pid":3,"kind":"spawn","ppid":2,"name":"a","how":"fork"})"),
        e(R"({"t":2,"pid":3,"kind":"exit","signal":15,"signame":"SIGTERM"})"),
        e(R"({"t":2,"pid":3,"kind":"reap","by":2})"),
        e(R"({"t":4,"pid":3,"kind":"spawn","ppid":2,"name":"b","how":"process"})"),
        e(R"({"t":5,"pid":3,"kind":"exec","comm":"sleep"})"),
    });
    CHECK(WarningCounter::messages().isEmpty());
    CHECK(f.shape() == u"1(2(3 3))"_s);
    const QModelIndex main = f.model.indexForPid(2);
    const QModelIndex first = f.model.index(0, 0, main);
    CHECK(f.text(first, ProcessTreeModel::ExitColumn) == u"signal 15 (SIGTERM)"_s);
    CHECK(f.raw(first, ProcessTreeModel::ExitColumn).toInt() == -15);
    const QModelIndex second = f.model.indexForPid(3);
    CHECK(second.row() == 1);
    CHECK(f.text(second, ProcessTreeModel::NameColumn) == u"sleep"_s);
}

TEST_CASE("PID 1 reaped at the end is reaped by the engine", "[app][tree]") {
    Fixture f;
    const auto e = [](const char* json) { return *parseEventLine(QByteArrayView(json)); };
    f.feedOneByOne({
        e(R"({"t":0,"pid":0,"kind":"start","script":"/abs/x.py","cwd":"/tmp"})"),
        e(R"({"t":0,"pid":1,"kind":"spawn","ppid":0,"name":"init","how":"init"})"),
        e(R"({"t":1,"pid":1,"kind":"exit","code":0})"),
        e(R"({"t":1,"pid":1,"kind":"reap","by":0})"),
    });
    CHECK(WarningCounter::messages().isEmpty());
    CHECK(f.text(f.model.indexForPid(1), ProcessTreeModel::StateColumn) ==
          u"reaped by the engine"_s);
}

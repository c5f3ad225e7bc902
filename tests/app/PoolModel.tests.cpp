#include "core/PoolModel.h"

#include "TestSupport.h"

#include <QAbstractItemModelTester>
#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using testing::WarningCounter;

namespace {

struct Fixture {
    PoolModel model;
    WarningCounter warnings;
    QAbstractItemModelTester tester{&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning};

    void feedOneByOne(const char* lines) {
        for (const EngineEvent& e : testing::eventsFrom(lines))
            model.apply({e});
    }
    QModelIndex pool(int row) const { return model.index(row, 0); }
    QModelIndex worker(int poolRow, int row, int column = 0) const {
        return model.index(row, column, pool(poolRow));
    }
    QVariantList ids(int poolRow, int role) const { return pool(poolRow).data(role).toList(); }
};

const char* kTwoWorkers = R"J(
{"t":0.0,"pid":0,"kind":"start","script":"p.py"}
{"t":0.001,"pid":2,"kind":"spawn","ppid":1,"name":"MainProcess","how":"main"}
{"t":0.01,"pid":3,"kind":"spawn","ppid":2,"name":"ForkPoolWorker-1","how":"process"}
{"t":0.01,"pid":4,"kind":"spawn","ppid":2,"name":"ForkPoolWorker-2","how":"process"}
{"t":0.02,"pid":2,"kind":"task","pool":1,"task":1,"op":"submit","func":"square"}
{"t":0.02,"pid":2,"kind":"task","pool":1,"task":2,"op":"submit","func":"square"}
{"t":0.02,"pid":2,"kind":"task","pool":1,"task":3,"op":"submit","func":"square"}
{"t":0.03,"pid":4,"kind":"task","pool":1,"task":1,"op":"start","func":"square"}
{"t":0.03,"pid":3,"kind":"task","pool":1,"task":2,"op":"start","func":"square"}
)J";

} // namespace

TEST_CASE("A pool's workers, each with its task, and the tasks waiting", "[app][pool-model]") {
    Fixture f;
    f.feedOneByOne(kTwoWorkers);
    REQUIRE(f.model.rowCount() == 1);
    CHECK(f.pool(0).data().toString() == u"Pool 1 of process 2"_s);
    REQUIRE(f.model.rowCount(f.pool(0)) == 2);
    // Workers in the order they were forked, before any task named the pool.
    CHECK(f.worker(0, 0).data().toString() == u"3 ForkPoolWorker-1"_s);
    CHECK(f.worker(0, 1).data().toString() == u"4 ForkPoolWorker-2"_s);
    CHECK(f.worker(0, 0, PoolModel::TaskColumn).data().toString() == u"#2 square"_s);
    CHECK(f.worker(0, 1, PoolModel::TaskColumn).data().toString() == u"#1 square"_s);
    CHECK(f.ids(0, PoolModel::WaitingTasksRole) == QVariantList{3});
    CHECK(f.model.index(0, PoolModel::TaskColumn).data().toString() == u"1 waiting"_s);

    f.feedOneByOne(R"J(
{"t":0.31,"pid":4,"kind":"task","pool":1,"task":1,"op":"done","func":"square"}
{"t":0.31,"pid":4,"kind":"task","pool":1,"task":3,"op":"start","func":"square"}
{"t":0.32,"pid":3,"kind":"task","pool":1,"task":2,"op":"error","func":"square"}
)J");
    CHECK(f.ids(0, PoolModel::WaitingTasksRole).isEmpty());
    CHECK(f.ids(0, PoolModel::ResultsRole) == QVariantList{1});
    CHECK(f.ids(0, PoolModel::ErrorsRole) == QVariantList{2});
    CHECK(f.worker(0, 0, PoolModel::TaskColumn).data().toString() == u"idle"_s);
    CHECK(f.worker(0, 1, PoolModel::TaskColumn).data().toString() == u"#3 square"_s);
    CHECK(f.worker(0, 1).data(PoolModel::CurrentTaskRole).toInt() == 3);
    CHECK(f.model.index(0, PoolModel::DoneColumn).data().toString() == u"1 done, 1 failed"_s);

    f.feedOneByOne(R"J({"t":0.5,"pid":3,"kind":"exit","code":0})J");
    CHECK(f.worker(0, 0, PoolModel::TaskColumn).data().toString() == u"exited"_s);
    CHECK(WarningCounter::messages().isEmpty());
}

TEST_CASE("Two pools of one process: a worker settles in the pool it works for",
          "[app][pool-model]") {
    Fixture f;
    f.model.apply(testing::eventsFrom(R"J(
{"t":0.0,"pid":0,"kind":"start","script":"p.py"}
{"t":0.001,"pid":2,"kind":"spawn","ppid":1,"name":"MainProcess","how":"main"}
{"t":0.01,"pid":3,"kind":"spawn","ppid":2,"name":"ForkPoolWorker-1","how":"process"}
{"t":0.02,"pid":2,"kind":"task","pool":1,"task":1,"op":"submit","func":"f"}
{"t":0.03,"pid":4,"kind":"spawn","ppid":2,"name":"ForkPoolWorker-2","how":"process"}
{"t":0.04,"pid":4,"kind":"task","pool":2,"task":1,"op":"start","func":"g"}
{"t":0.05,"pid":2,"kind":"task","pool":2,"task":1,"op":"submit","func":"g"}
)J"));
    REQUIRE(f.model.rowCount() == 2);
    REQUIRE(f.model.rowCount(f.pool(0)) == 1);
    REQUIRE(f.model.rowCount(f.pool(1)) == 1);
    CHECK(f.worker(0, 0).data(PoolModel::PidRole).toInt() == 3);
    CHECK(f.worker(1, 0).data(PoolModel::PidRole).toInt() == 4);
    // The start came before its submit: the task does not go back to waiting.
    CHECK(f.ids(1, PoolModel::WaitingTasksRole).isEmpty());
    CHECK(f.ids(0, PoolModel::WaitingTasksRole) == QVariantList{1});
    CHECK(WarningCounter::messages().isEmpty());
}

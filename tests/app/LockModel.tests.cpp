#include "core/LockModel.h"

#include "TestSupport.h"

#include <QAbstractItemModelTester>
#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using testing::WarningCounter;

namespace {

struct Fixture {
    LockModel model;
    WarningCounter warnings;
    QAbstractItemModelTester tester{&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning};

    QString text(int row, int column) const { return model.index(row, column).data().toString(); }
    QVariant role(int row, int role) const { return model.index(row, 0).data(role); }
    void feedOneByOne(const char* lines) {
        for (const EngineEvent& e : testing::eventsFrom(lines))
            model.apply({e});
    }
};

} // namespace

TEST_CASE("A lock's holder and its waiters in the order they came", "[app][lock-model]") {
    Fixture f;
    f.feedOneByOne(R"J(
{"t":0.0,"pid":0,"kind":"start","script":"l.py"}
{"t":0.10,"pid":3,"kind":"lock","lock":1,"op":"acquire","holder":3}
{"t":0.11,"pid":5,"kind":"lock","lock":1,"op":"wait","holder":3}
{"t":0.12,"pid":4,"kind":"lock","lock":1,"op":"wait","holder":3}
{"t":0.13,"pid":5,"kind":"state","state":"waiting","on":"lock","lock":1}
{"t":0.14,"pid":6,"kind":"state","state":"waiting","on":"lock","lock":1}
)J");
    REQUIRE(f.model.rowCount() == 1);
    CHECK(f.text(0, LockModel::LockColumn) == u"Lock 1"_s);
    CHECK(f.text(0, LockModel::HolderColumn) == u"3"_s);
    CHECK(f.role(0, LockModel::HolderRole).toInt() == 3);
    CHECK(f.role(0, LockModel::WaitersRole).toList() == QVariantList{5, 4, 6});
    CHECK(f.text(0, LockModel::WaitersColumn) == u"5, 4, 6"_s);

    f.feedOneByOne(R"J(
{"t":0.20,"pid":3,"kind":"lock","lock":1,"op":"release","holder":0}
{"t":0.20,"pid":5,"kind":"lock","lock":1,"op":"acquire","holder":5}
{"t":0.21,"pid":5,"kind":"state","state":"running"}
)J");
    CHECK(f.role(0, LockModel::HolderRole).toInt() == 5);
    CHECK(f.role(0, LockModel::WaitersRole).toList() == QVariantList{4, 6});

    // 6 wakes without the lock (its acquire timed out): it waits no more.
    f.feedOneByOne(R"J({"t":0.30,"pid":6,"kind":"state","state":"running"})J");
    CHECK(f.role(0, LockModel::WaitersRole).toList() == QVariantList{4});
    f.feedOneByOne(R"J({"t":0.31,"pid":5,"kind":"lock","lock":1,"op":"release","holder":0})J");
    CHECK(f.text(0, LockModel::HolderColumn) == u"free"_s);
    CHECK(WarningCounter::messages().isEmpty());
}

TEST_CASE("A lock whose holder was killed, and its recovery", "[app][lock-model]") {
    Fixture f;
    // The protocol's example.
    f.feedOneByOne(R"J(
{"t":0.0,"pid":0,"kind":"start","script":"l.py"}
{"t":0.101,"pid":3,"kind":"lock","lock":1,"op":"acquire","holder":3}
{"t":0.120,"pid":4,"kind":"lock","lock":1,"op":"wait","holder":3}
{"t":0.130,"pid":4,"kind":"state","state":"waiting","on":"lock"}
{"t":0.402,"pid":3,"kind":"exit","signal":9,"signame":"SIGKILL"}
)J");
    CHECK(f.text(0, LockModel::HolderColumn) == u"3 (exited)"_s);
    CHECK(f.role(0, LockModel::HolderDeadRole).toBool());
    CHECK(f.role(0, LockModel::WaitersRole).toList() == QVariantList{4});
    f.feedOneByOne(R"J(
{"t":0.402,"pid":4,"kind":"lock","lock":1,"op":"recover","holder":4,"dead":3}
)J");
    CHECK(f.role(0, LockModel::HolderRole).toInt() == 4);
    CHECK_FALSE(f.role(0, LockModel::HolderDeadRole).toBool());
    CHECK(f.role(0, LockModel::WaitersRole).toList().isEmpty());
    const QVariantList recoveries = f.role(0, LockModel::RecoveriesRole).toList();
    REQUIRE(recoveries.size() == 1);
    CHECK(recoveries[0].toMap().value(u"dead"_s).toInt() == 3);
    CHECK(f.text(0, LockModel::RecoveriesColumn) == u"4 from 3"_s);
    CHECK(WarningCounter::messages().isEmpty());
}

TEST_CASE("An RLock's depth, and locks in their numbers' order", "[app][lock-model]") {
    Fixture f;
    f.model.apply(testing::eventsFrom(R"J(
{"t":0.0,"pid":0,"kind":"start","script":"l.py"}
{"t":0.1,"pid":2,"kind":"lock","lock":2,"op":"acquire","holder":2,"count":1}
{"t":0.1,"pid":2,"kind":"lock","lock":2,"op":"acquire","holder":2,"count":2}
{"t":0.2,"pid":2,"kind":"lock","lock":1,"op":"acquire","holder":2}
{"t":0.3,"pid":2,"kind":"lock","lock":2,"op":"release","holder":2,"count":1}
)J"));
    REQUIRE(f.model.rowCount() == 2);
    CHECK(f.role(0, LockModel::LockIdRole).toInt() == 1);
    CHECK(f.role(1, LockModel::CountRole).toInt() == 1);
    CHECK(f.role(1, LockModel::HolderRole).toInt() == 2);
    CHECK(WarningCounter::messages().isEmpty());
}

TEST_CASE("A wait on a lock the engine does not name is put on the lock the process used",
          "[app][lock-model]") {
    Fixture f;
    f.feedOneByOne(R"J(
{"t":0.0,"pid":0,"kind":"start","script":"l.py"}
{"t":0.1,"pid":3,"kind":"lock","lock":2,"op":"acquire","holder":3}
{"t":0.2,"pid":5,"kind":"state","state":"waiting","on":"lock"}
)J");
    // One lock: a waiter can only wait for it.
    CHECK(f.role(0, LockModel::WaitersRole).toList() == QVariantList{5});
    f.feedOneByOne(R"J(
{"t":0.3,"pid":4,"kind":"lock","lock":1,"op":"acquire","holder":4}
{"t":0.4,"pid":6,"kind":"state","state":"waiting","on":"lock"}
{"t":0.5,"pid":4,"kind":"state","state":"waiting","on":"lock"}
)J");
    // Two locks: 6 never used one, so it is put nowhere; 4 last used lock 1, which it holds.
    CHECK(f.role(0, LockModel::WaitersRole).toList().isEmpty());
    CHECK(f.role(1, LockModel::WaitersRole).toList() == QVariantList{5});
    CHECK(WarningCounter::messages().isEmpty());
}

#include "core/QueueModel.h"

#include "TestSupport.h"

#include <QAbstractItemModelTester>
#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using testing::WarningCounter;

namespace {

struct Fixture {
    QueueModel model;
    WarningCounter warnings;
    QAbstractItemModelTester tester{&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning};

    QString text(int row, int column) const { return model.index(row, column).data().toString(); }
    QVariant role(int row, int role) const { return model.index(row, 0).data(role); }
    // Applies one event at a time, as a slow engine delivers them.
    void feedOneByOne(const QList<EngineEvent>& events) {
        for (const EngineEvent& e : events)
            model.apply({e});
    }
};

// The protocol's own example: Queue(2), two puts, a third that waits until a child gets one.
const char* kDocExample = R"J(
{"t":0.0,"pid":0,"kind":"start","script":"q.py"}
{"t":0.001,"pid":2,"kind":"spawn","ppid":1,"name":"MainProcess","how":"main"}
{"t":0.02,"pid":3,"kind":"spawn","ppid":2,"name":"Process-1","how":"process"}
{"t":0.031,"pid":2,"kind":"queue","queue":1,"op":"put","item":"'apple'","size":1,"capacity":2,"by":2}
{"t":0.031,"pid":0,"kind":"queue-state","queue":1,"size":1,"capacity":2,"items":"['apple']","shown":1}
{"t":0.032,"pid":2,"kind":"queue","queue":1,"op":"put","item":"(2, 'pear')","size":2,"capacity":2,"by":2}
{"t":0.040,"pid":0,"kind":"queue-state","queue":1,"size":2,"capacity":2,"items":"['apple', (2, 'pear')]","shown":2}
{"t":0.050,"pid":2,"kind":"state","state":"waiting","on":"queue-put","queue":1}
)J";

const char* kDocExampleEnd = R"J(
{"t":0.533,"pid":3,"kind":"queue","queue":1,"op":"get","item":"'apple'","size":1,"capacity":2,"by":3}
{"t":0.533,"pid":2,"kind":"queue","queue":1,"op":"put","item":"'plum'","size":2,"capacity":2,"by":2}
{"t":0.534,"pid":2,"kind":"state","state":"running"}
{"t":0.534,"pid":0,"kind":"queue-state","queue":1,"size":2,"capacity":2,"items":"[(2, 'pear'), 'plum']","shown":2}
)J";

} // namespace

TEST_CASE("A Python list's repr splits into its items", "[app][queue-model]") {
    bool cut = true;
    CHECK(QueueModel::splitListRepr(u"[]"_s, &cut).isEmpty());
    CHECK_FALSE(cut);
    CHECK(QueueModel::splitListRepr(u"['a, b', (1, [2, 3]), {'k': 'v'}, \"it's\", 4]"_s) ==
          QStringList{u"'a, b'"_s, u"(1, [2, 3])"_s, u"{'k': 'v'}"_s, u"\"it's\""_s, u"4"_s});
    CHECK(QueueModel::splitListRepr(u"['x\\', y', <__main__.Point object>]"_s) ==
          QStringList{u"'x\\', y'"_s, u"<__main__.Point object>"_s});
    CHECK(QueueModel::splitListRepr(u"[0, 1, 2, …]"_s, &cut) ==
          QStringList{u"0"_s, u"1"_s, u"2"_s});
    CHECK(cut);
    CHECK(QueueModel::splitListRepr(u"not a list"_s).isEmpty());
}

TEST_CASE("A full queue: its slots, its capacity and the blocked putter", "[app][queue-model]") {
    Fixture f;
    f.feedOneByOne(testing::eventsFrom(kDocExample));
    REQUIRE(f.model.rowCount() == 1);
    CHECK(f.text(0, QueueModel::QueueColumn) == u"Queue 1"_s);
    CHECK(f.text(0, QueueModel::SizeColumn) == u"2 of 2"_s);
    CHECK(f.role(0, QueueModel::ItemsRole).toStringList() ==
          QStringList{u"'apple'"_s, u"(2, 'pear')"_s});
    CHECK(f.role(0, QueueModel::CapacityRole).toInt() == 2);
    CHECK(f.role(0, QueueModel::PuttersRole).toList() == QVariantList{2});
    CHECK(f.text(0, QueueModel::PuttersColumn) == u"2"_s);
    CHECK(f.role(0, QueueModel::GettersRole).toList().isEmpty());

    f.feedOneByOne(testing::eventsFrom(kDocExampleEnd));
    CHECK(f.role(0, QueueModel::ItemsRole).toStringList() ==
          QStringList{u"(2, 'pear')"_s, u"'plum'"_s});
    CHECK(f.role(0, QueueModel::PuttersRole).toList().isEmpty());
    CHECK(WarningCounter::messages().isEmpty());
}

TEST_CASE("Between two queue-states the items follow the operations", "[app][queue-model]") {
    Fixture f;
    f.model.apply(testing::eventsFrom(R"J(
{"t":0.0,"pid":0,"kind":"start","script":"q.py"}
{"t":0.1,"pid":2,"kind":"queue","queue":1,"op":"put","item":"'a'","size":1,"capacity":0,"by":2}
{"t":0.1,"pid":2,"kind":"queue","queue":1,"op":"put","item":"'b'","size":2,"capacity":0,"by":2}
{"t":0.2,"pid":3,"kind":"queue","queue":1,"op":"get","item":"'a'","size":1,"capacity":0,"by":3}
)J"));
    CHECK(f.role(0, QueueModel::ItemsRole).toStringList() == QStringList{u"'b'"_s});
    CHECK(f.text(0, QueueModel::SizeColumn) == u"1 (unbounded)"_s);
    CHECK_FALSE(f.role(0, QueueModel::ItemsCutRole).toBool());
    CHECK(WarningCounter::messages().isEmpty());
}

TEST_CASE("A long queue shows the items the engine read and says there are more",
          "[app][queue-model]") {
    Fixture f;
    f.model.apply(testing::eventsFrom(R"J(
{"t":0.0,"pid":0,"kind":"start","script":"q.py"}
{"t":0.1,"pid":0,"kind":"queue-state","queue":2,"size":20,"capacity":0,"items":"[0, 1, 2, …]","shown":3}
{"t":0.1,"pid":0,"kind":"queue-state","queue":1,"size":0,"capacity":5,"items":"[]","shown":0}
)J"));
    REQUIRE(f.model.rowCount() == 2);
    CHECK(f.text(0, QueueModel::QueueColumn) == u"Queue 1"_s); // rows in the queues' order
    CHECK(f.text(1, QueueModel::ItemsColumn) == u"0, 1, 2, …"_s);
    CHECK(f.role(1, QueueModel::ItemsCutRole).toBool());
    CHECK(f.role(1, QueueModel::SizeRole).toInt() == 20);
    CHECK(WarningCounter::messages().isEmpty());
}

TEST_CASE("Blocked getters in the order they came, a lost item, and a new run that starts empty",
          "[app][queue-model]") {
    Fixture f;
    f.feedOneByOne(testing::eventsFrom(R"J(
{"t":0.0,"pid":0,"kind":"start","script":"q.py"}
{"t":0.01,"pid":0,"kind":"queue-state","queue":1,"size":0,"capacity":0,"items":"[]","shown":0}
{"t":0.1,"pid":5,"kind":"state","state":"waiting","on":"queue-get","queue":1}
{"t":0.2,"pid":3,"kind":"state","state":"waiting","on":"queue-get"}
{"t":0.3,"pid":4,"kind":"state","state":"waiting","on":"queue-get","queue":1}
{"t":0.35,"pid":4,"kind":"state","state":"paused"}
)J"));
    CHECK(f.role(0, QueueModel::GettersRole).toList() == QVariantList{5, 3, 4});
    f.feedOneByOne(testing::eventsFrom(R"J(
{"t":0.4,"pid":2,"kind":"queue","queue":1,"op":"put","item":"1","size":1,"capacity":0,"by":2}
{"t":0.4,"pid":5,"kind":"queue","queue":1,"op":"get","item":"1","size":0,"capacity":0,"by":5}
{"t":0.5,"pid":3,"kind":"exit","signal":9,"signame":"SIGKILL"}
{"t":0.6,"pid":2,"kind":"queue","queue":1,"op":"put","item":"2","size":1,"capacity":0,"by":2}
{"t":0.7,"pid":4,"kind":"queue","queue":1,"op":"lost","item":"2","size":0,"capacity":0,"by":4,"during":"get"}
)J"));
    CHECK(f.role(0, QueueModel::GettersRole).toList().isEmpty());
    CHECK(f.role(0, QueueModel::ItemsRole).toStringList().isEmpty());
    CHECK(f.role(0, QueueModel::LostRole).toInt() == 1);

    f.model.apply(testing::eventsFrom(R"J({"t":0.0,"pid":0,"kind":"start","script":"q.py"})J"));
    CHECK(f.model.rowCount() == 0);
    CHECK(WarningCounter::messages().isEmpty());
}

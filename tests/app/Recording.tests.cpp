#include "core/Recording.h"

#include "TestSupport.h"
#include "core/RunModel.h"

#include <QTemporaryDir>
#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

TEST_CASE("A recording loads every event of a fixture", "[app][recording]") {
    Recording recording;
    REQUIRE(recording.load(testing::dataPath(u"fork_wait.jsonl"_s)));
    CHECK(recording.events().size() == 26);
    CHECK(recording.skippedLines() == 0);
    CHECK(recording.scriptName() == u"fork_wait.py"_s);
    CHECK(recording.events().first().kind == EventKind::Start);
    CHECK(recording.events().last().kind == EventKind::End);
}

TEST_CASE("Saving a recording writes the engine's lines back unchanged", "[app][recording]") {
    Recording recording;
    REQUIRE(recording.load(testing::dataPath(u"orphan.jsonl"_s)));
    QTemporaryDir dir;
    const QString copy = dir.filePath(u"copy.jsonl"_s);
    REQUIRE(recording.save(copy));

    QFile original(testing::dataPath(u"orphan.jsonl"_s));
    QFile saved(copy);
    REQUIRE(original.open(QIODevice::ReadOnly));
    REQUIRE(saved.open(QIODevice::ReadOnly));
    CHECK(saved.readAll() == original.readAll());
}

TEST_CASE("A saved recording replays to the same model", "[app][recording]") {
    Recording recording;
    REQUIRE(recording.load(testing::dataPath(u"zombie_late.jsonl"_s)));
    QTemporaryDir dir;
    REQUIRE(recording.save(dir.filePath(u"again.jsonl"_s)));
    Recording again;
    REQUIRE(again.load(dir.filePath(u"again.jsonl"_s)));

    RunModel first;
    RunModel second;
    first.apply(recording.events());
    second.apply(again.events());
    REQUIRE(first.processes().size() == second.processes().size());
    for (qsizetype i = 0; i < first.processes().size(); ++i) {
        const ProcessRecord& a = first.processes()[i];
        const ProcessRecord& b = second.processes()[i];
        CHECK(a.pid == b.pid);
        CHECK(a.state == b.state);
        CHECK(a.exitCode == b.exitCode);
        CHECK(a.reapedBy == b.reapedBy);
        CHECK(a.output == b.output);
    }
    CHECK(first.run().time == second.run().time);
}

TEST_CASE("Lines that are not events are skipped and counted", "[app][recording]") {
    const QByteArray data = "{\"t\":0,\"pid\":0,\"kind\":\"start\",\"script\":\"x.py\"}\n"
                            "garbage\n"
                            "\n"
                            "{\"t\":0.1,\"pid\":1,\"kind\":\"spawn\",\"ppid\":0}\r\n"
                            "{\"t\":0.2,\"pid\":1,\"kind\":\"li";
    int skipped = -1;
    const QList<EngineEvent> events = Recording::parse(data, &skipped);
    CHECK(events.size() == 2);
    CHECK(skipped == 2);
}

TEST_CASE("Loading a missing file fails with a message", "[app][recording]") {
    Recording recording;
    QString error;
    CHECK_FALSE(recording.load(u"/nonexistent/forkscope/none.jsonl"_s, &error));
    CHECK_FALSE(error.isEmpty());
}

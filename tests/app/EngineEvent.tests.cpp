#include "core/EngineEvent.h"

#include "TestSupport.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

TEST_CASE("A protocol line becomes an event with its common fields", "[app][event]") {
    const auto event = parseEventLine(
        R"({"t":0.032,"pid":3,"kind":"spawn","ppid":2,"name":"MainProcess","how":"fork"})");
    REQUIRE(event);
    CHECK(event->t == Approx(0.032));
    CHECK(event->pid == 3);
    CHECK(event->kind == EventKind::Spawn);
    CHECK(event->integer("ppid"_L1) == 2);
    CHECK(event->text("name"_L1) == u"MainProcess"_s);
    CHECK(event->text("how"_L1) == u"fork"_s);
    CHECK(event->kindName() == u"spawn"_s);
}

TEST_CASE("Every kind of the protocol is known by name", "[app][event]") {
    for (const char* name : {"start", "notice", "spawn", "exec", "state", "line", "stdout",
                             "stderr", "exit", "reap", "reparent", "error", "mode", "end"}) {
        const EventKind kind = eventKindFromName(QString::fromLatin1(name));
        CHECK(kind != EventKind::Unknown);
        CHECK(eventKindName(kind) == QString::fromLatin1(name));
    }
}

TEST_CASE("Bad lines give no event and never throw", "[app][event]") {
    const char* bad[] = {
        "",
        "   ",
        "not json at all",
        "{",
        R"({"t":0.1,"pid":2,"kind":"line","line":3)", // cut short
        "[1,2,3]",
        R"("just a string")",
        R"({"t":0.1,"pid":2})",                  // no kind
        R"({"t":0.1,"pid":2,"kind":""})",        // empty kind
        R"({"t":0.1,"pid":2,"kind":7})",         // kind not a string
        R"({"pid":2,"kind":"line","line":3})",   // no t
        R"({"t":"soon","pid":2,"kind":"line"})", // t not a number
        R"({"t":0.1,"pid":2.5,"kind":"line"})",  // pid not an integer
        R"({"t":0.1,"pid":"2","kind":"line"})",  // pid a string
        R"({"t":0.1,"kind":"line"})",            // no pid
    };
    for (const char* line : bad) {
        INFO(line);
        std::optional<EngineEvent> event;
        REQUIRE_NOTHROW(event = parseEventLine(QByteArrayView(line)));
        CHECK_FALSE(event);
    }
}

TEST_CASE("Line ends and blanks around the object are ignored", "[app][event]") {
    const auto event = parseEventLine("  {\"t\":1,\"pid\":0,\"kind\":\"end\",\"status\":0}\r\n");
    REQUIRE(event);
    CHECK(event->kind == EventKind::End);
    CHECK(event->line == QByteArray(R"({"t":1,"pid":0,"kind":"end","status":0})"));
}

TEST_CASE("Unknown kinds and fields are kept, so recordings stay whole", "[app][event]") {
    const QByteArray line = R"({"t":2,"pid":4,"kind":"teleport","where":"moon","extra":[1,2]})";
    const auto event = parseEventLine(line);
    REQUIRE(event);
    CHECK(event->kind == EventKind::Unknown);
    CHECK(event->kindName() == u"teleport"_s);
    CHECK(event->text("where"_L1) == u"moon"_s);
    CHECK(event->toJsonLine() == line);

    const auto known = parseEventLine(R"({"t":2,"pid":4,"kind":"line","line":9,"column":3})");
    REQUIRE(known);
    CHECK(known->kind == EventKind::Line);
    CHECK(known->integer("column"_L1) == 3);
}

TEST_CASE("An event built from an object writes compact JSON", "[app][event]") {
    const auto event = EngineEvent::fromObject(
        {{u"t"_s, 0.5}, {u"pid"_s, 2}, {u"kind"_s, u"stdout"_s}, {u"text"_s, u"hi\n"_s}});
    REQUIRE(event);
    const auto again = parseEventLine(event->toJsonLine());
    REQUIRE(again);
    CHECK(again->kind == EventKind::Stdout);
    CHECK(again->text("text"_L1) == u"hi\n"_s);
}

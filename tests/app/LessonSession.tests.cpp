// A learner's way through a lesson's steps, decided from the run's events alone: read before
// the run, awaited until the moment comes, Next at once for a moment already past, skipped
// when the run ended without it.

#include "core/LessonSession.h"

#include "TestSupport.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

EngineEvent event(const char* json) {
    const std::optional<EngineEvent> e = parseEventLine(QByteArray(json));
    REQUIRE(e.has_value());
    return *e;
}

LessonStep step(const char* at = nullptr, const char* who = "any") {
    LessonStep s;
    if (at) {
        s.moment = LessonMoment::parse(QString::fromLatin1(at));
        REQUIRE(s.moment.has_value());
        s.moment->who = QString::fromLatin1(who);
    }
    return s;
}

// Steps: read, read, a child appears, it exits, a note, the run ends.
Lesson lesson() {
    Lesson l;
    l.id = u"test"_s;
    l.steps = {step(), step(), step("spawn", "child"), step("exit", "child"), step(), step("end")};
    return l;
}

const QList<EngineEvent>& run() {
    static const QList<EngineEvent> events{
        event(R"({"t":0,"pid":0,"kind":"start"})"),
        event(R"({"t":0.1,"pid":2,"kind":"spawn","ppid":1,"name":"MainProcess","how":"main"})"),
        event(R"({"t":0.2,"pid":3,"kind":"spawn","ppid":2,"name":"MainProcess","how":"fork"})"),
        event(R"({"t":0.3,"pid":3,"kind":"exit","code":0})"),
        event(R"({"t":0.4,"pid":2,"kind":"exit","code":0})"),
        event(R"({"t":0.5,"pid":0,"kind":"end","status":0,"reason":"finished"})"),
    };
    return events;
}

} // namespace

TEST_CASE("lessons: steps are read before the run, then come with their moments", "[lessons]") {
    LessonSession session(lesson());
    CHECK(session.current() == 0);
    CHECK_FALSE(session.isWaiting());
    CHECK(session.next() == LessonSession::Advance::Shown);
    CHECK(session.current() == 1);
    // The next step has a moment: it waits for the run.
    CHECK(session.next() == LessonSession::Advance::Awaiting);
    CHECK(session.awaited() == 2);
    CHECK_FALSE(session.canGoNext());

    session.startRun();
    QList<bool> came;
    for (const EngineEvent& e : run().mid(0, 3))
        came << session.feed(e);
    CHECK(came == QList<bool>{false, false, true}); // at the child's spawn, not the main one's
    CHECK(session.current() == 2);
    CHECK_FALSE(session.isWaiting());
    // Next: the child's exit has not come yet.
    CHECK(session.next() == LessonSession::Advance::Awaiting);
    CHECK(session.feed(run()[3]));
    CHECK(session.current() == 3);
    // The run goes on while the learner reads: the end comes and is counted.
    CHECK_FALSE(session.feed(run()[4]));
    CHECK_FALSE(session.feed(run()[5]));
    CHECK(session.runEnded());
    // A step without a moment, then the end, which has come already: at once.
    CHECK(session.next() == LessonSession::Advance::Shown);
    CHECK(session.current() == 4);
    CHECK(session.next() == LessonSession::Advance::Shown);
    CHECK(session.allShown());
    CHECK(session.next() == LessonSession::Advance::None);
}

TEST_CASE("lessons: a new run starts at the first step with a moment, and one that never comes is "
          "skipped once the run is over",
          "[lessons]") {
    LessonSession session(lesson());
    // Run at once, without reading: the reading steps are behind.
    session.startRun();
    CHECK(session.current() == 1);
    CHECK(session.awaited() == 2);
    // A run in which no child is born.
    for (const EngineEvent& e : {run()[0], run()[1], run()[4], run()[5]})
        CHECK_FALSE(session.feed(e));
    CHECK(session.isWaiting());
    CHECK(session.canGoNext()); // the run is over: Next shows the step anyway
    CHECK(session.next() == LessonSession::Advance::Shown);
    CHECK(session.current() == 2);

    // Again: moments count from the new run's start.
    session.startRun();
    CHECK(session.current() == 1);
    CHECK_FALSE(session.runEnded());
    for (const EngineEvent& e : run().mid(0, 2))
        CHECK_FALSE(session.feed(e));
    CHECK(session.feed(run()[2]));
}

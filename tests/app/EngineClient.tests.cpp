#include "core/EngineClient.h"

#include "TestSupport.h"
#include "core/RunModel.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <catch2/catch.hpp>
#include <cerrno>
#include <csignal>

using namespace Qt::StringLiterals;

namespace {

bool processExists(qint64 pid) {
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno != ESRCH);
}

struct Collector {
    QList<EngineEvent> events;
    int batches = 0;
    QList<int> finished;
    QStringList failures;

    void attach(EngineClient& client) {
        QObject::connect(&client, &EngineClient::eventsArrived,
                         [this](const QList<EngineEvent>& batch) {
                             events += batch;
                             ++batches;
                         });
        QObject::connect(&client, &EngineClient::finished,
                         [this](int status) { finished << status; });
        QObject::connect(&client, &EngineClient::engineFailed,
                         [this](const QString& message) { failures << message; });
    }
};

EngineClient::RunOptions options(const QString& script = testing::dataPath(u"fork_wait.py"_s)) {
    EngineClient::RunOptions o;
    o.script = script;
    return o;
}

} // namespace

TEST_CASE("The engine's arguments follow the options", "[app][client]") {
    EngineClient::RunOptions o;
    o.script = u"/tmp/a.py"_s;
    CHECK(EngineClient::argumentsFor(o) == QStringList{u"run"_s, u"/tmp/a.py"_s, u"--json"_s});
    o.speed = 2.5;
    o.cores = 2;
    o.step = true;
    CHECK(EngineClient::argumentsFor(o) == QStringList{u"run"_s, u"/tmp/a.py"_s, u"--json"_s,
                                                       u"--speed"_s, u"2.5"_s, u"--cores"_s, u"2"_s,
                                                       u"--step"_s});
    o.step = false;
    o.breakLines = {12, 26};
    CHECK(EngineClient::argumentsFor(o).mid(3) ==
          QStringList{u"--speed"_s, u"2.5"_s, u"--cores"_s, u"2"_s, u"--break"_s, u"12,26"_s});
}

TEST_CASE("The engine is found next to the GUI unless FORKSCOPE_ENGINE says otherwise",
          "[app][client]") {
    const QByteArray saved = qgetenv("FORKSCOPE_ENGINE");
    qunsetenv("FORKSCOPE_ENGINE");
    CHECK(QFileInfo(EngineClient::defaultEngineProgram()).fileName() == u"forkscope-engine"_s);
    CHECK(QFileInfo(EngineClient::defaultEngineProgram()).absolutePath() ==
          QCoreApplication::applicationDirPath());
    qputenv("FORKSCOPE_ENGINE", "/opt/elsewhere/engine");
    CHECK(EngineClient::defaultEngineProgram() == u"/opt/elsewhere/engine"_s);
    if (saved.isNull())
        qunsetenv("FORKSCOPE_ENGINE");
    else
        qputenv("FORKSCOPE_ENGINE", saved);
}

TEST_CASE("Lines are split, cut lines joined, bad lines skipped, and events batched by frame",
          "[app][client]") {
    Collector c;
    {
        EngineClient client;
        c.attach(client);
        client.setEngineProgram(testing::fakeEngine(u"stream.sh"_s));
        REQUIRE(client.start(options()));
        REQUIRE(testing::waitFor([&] { return !c.finished.isEmpty(); }));
        CHECK(client.badLineCount() == 1);
        CHECK_FALSE(client.isRunning());
    }
    CHECK(c.failures.isEmpty());
    CHECK(c.finished == QList<int>{0});

    REQUIRE(c.events.size() == 3 + 500 + 4);
    CHECK(c.events.first().kind == EventKind::Start);
    for (int i = 0; i < 500; ++i) {
        const EngineEvent& e = c.events[3 + i];
        REQUIRE(e.kind == EventKind::Line);
        REQUIRE(e.integer("line"_L1) == i + 1); // in order, none lost
    }
    const EngineEvent& cut = c.events[503];
    CHECK(cut.kind == EventKind::Stdout);
    CHECK(cut.text("text"_L1) == u"half and half\n"_s);
    CHECK(c.events.last().kind == EventKind::End); // the last line had no newline
    // 507 events in a handful of frames, never one signal per event.
    CHECK(c.batches >= 2); // the cut line came a tenth of a second later
    CHECK(c.batches <= 20);
    CHECK(testing::childPids().isEmpty());
}

TEST_CASE("Commands go to the engine's stdin as JSON lines", "[app][client]") {
    Collector c;
    EngineClient client;
    c.attach(client);
    client.setEngineProgram(testing::fakeEngine(u"echo.sh"_s));
    REQUIRE(client.start(options()));
    REQUIRE(testing::waitFor([&] { return c.events.size() >= 4; }));

    const auto last = [&] { return c.events.isEmpty() ? EngineEvent{} : c.events.last(); };
    client.pause();
    REQUIRE(testing::waitFor([&] { return last().kind == EventKind::Mode; }));
    CHECK(last().boolean("paused"_L1));

    client.step();
    REQUIRE(testing::waitFor([&] { return last().kind == EventKind::Line; }));
    CHECK(last().integer("line"_L1) == 2);
    client.step(2);
    REQUIRE(testing::waitFor([&] { return last().integer("line"_L1) == 3; }));

    client.setSpeed(2.0);
    REQUIRE(testing::waitFor([&] { return last().number("speed"_L1) == 2.0; }));
    client.resume();
    REQUIRE(testing::waitFor([&] { return !last().boolean("paused"_L1, true); }));

    client.sendCommand({{u"cmd"_s, u"dance"_s}});
    REQUIRE(testing::waitFor([&] { return last().kind == EventKind::Error; }));
    CHECK(last().text("what"_L1) == u"command"_s);

    client.stop();
    REQUIRE(testing::waitFor([&] { return !c.finished.isEmpty(); }));
    CHECK(c.finished == QList<int>{137});
    CHECK(last().kind == EventKind::End);
    CHECK(last().text("reason"_L1) == u"stopped"_s);
    CHECK(c.failures.isEmpty());
    CHECK(testing::childPids().isEmpty());
}

TEST_CASE("Stop terminates, then kills, an engine that does not listen", "[app][client]") {
    Collector c;
    EngineClient client;
    c.attach(client);
    client.setStopGracePeriod(150);
    client.setEngineProgram(testing::fakeEngine(u"stubborn.sh"_s));
    REQUIRE(client.start(options()));
    REQUIRE(testing::waitFor([&] { return !c.events.isEmpty(); }));
    const qint64 pid = client.processId();
    REQUIRE(processExists(pid));

    QElapsedTimer timer;
    timer.start();
    client.stop();
    CHECK(client.isStopping());
    REQUIRE(testing::waitFor([&] { return !c.finished.isEmpty(); }));
    CHECK(timer.elapsed() >= 250); // it took the terminate and then the kill
    CHECK(c.finished == QList<int>{-1});
    CHECK(c.failures.isEmpty()); // we ended it: not a failure
    CHECK_FALSE(processExists(pid));
    CHECK(testing::childPids().isEmpty());
}

TEST_CASE("Destroying the client ends a running engine and leaves nothing behind",
          "[app][client]") {
    qint64 pid = 0;
    {
        EngineClient client;
        client.setStopGracePeriod(100);
        client.setEngineProgram(testing::fakeEngine(u"stubborn.sh"_s));
        REQUIRE(client.start(options()));
        REQUIRE(testing::waitFor([&] { return client.processId() > 0; }));
        pid = client.processId();
        CHECK(processExists(pid));
    }
    CHECK_FALSE(processExists(pid));
    CHECK(testing::childPids().isEmpty());

    // An engine that does stop when asked is not killed.
    {
        EngineClient client;
        client.setEngineProgram(testing::fakeEngine(u"echo.sh"_s));
        REQUIRE(client.start(options()));
        REQUIRE(testing::waitFor([&] { return client.processId() > 0; }));
        pid = client.processId();
        // leave the scope: the destructor sends stop, and echo.sh exits at once
    }
    CHECK_FALSE(processExists(pid));
    CHECK(testing::childPids().isEmpty());
}

TEST_CASE("A missing engine and a crashing engine are reported", "[app][client]") {
    SECTION("missing") {
        Collector c;
        EngineClient client;
        c.attach(client);
        client.setEngineProgram(u"/nonexistent/forkscope-engine"_s);
        CHECK_FALSE(client.start(options()));
        REQUIRE(c.failures.size() == 1);
        CHECK(c.failures[0].contains(u"/nonexistent/forkscope-engine"_s));
        CHECK_FALSE(client.isRunning());
    }
    SECTION("crashing") {
        Collector c;
        EngineClient client;
        c.attach(client);
        client.setEngineProgram(testing::fakeEngine(u"crash.sh"_s));
        REQUIRE(client.start(options()));
        REQUIRE(testing::waitFor([&] { return !c.finished.isEmpty(); }));
        CHECK(c.finished == QList<int>{-1});
        REQUIRE(c.failures.size() == 1);
        CHECK(c.failures[0].contains(u"something went badly wrong"_s));
        CHECK(c.events.size() == 2);    // what it said before dying is kept
        CHECK(client.start(options())); // and a new run can start
        REQUIRE(testing::waitFor([&] { return c.finished.size() == 2; }));
    }
    CHECK(testing::childPids().isEmpty());
}

TEST_CASE("The engine runs in the script's folder with the run's arguments", "[app][client]") {
    Collector c;
    EngineClient client;
    c.attach(client);
    client.setEngineProgram(testing::fakeEngine(u"args.sh"_s));
    EngineClient::RunOptions o = options();
    o.step = true;
    o.speed = 0.5;
    REQUIRE(client.start(o));
    REQUIRE(testing::waitFor([&] { return !c.finished.isEmpty(); }));
    REQUIRE(c.events.size() == 1);
    const QStringList parts = c.events[0].text("message"_L1).split(u'|');
    REQUIRE(parts.size() == 2);
    CHECK(parts[0] == u"run %1 --json --speed 0.5 --step"_s.arg(o.script));
    CHECK(parts[1] == QFileInfo(o.script).absolutePath());
}

TEST_CASE("The real engine runs a script", "[app][engine]") {
#ifdef FORKSCOPE_ENGINE_BIN
    const QString engine = QStringLiteral(FORKSCOPE_ENGINE_BIN);
    if (!QFileInfo(engine).isExecutable()) {
        WARN("forkscope-engine is not built: skipped");
        return;
    }
    Collector c;
    {
        EngineClient client;
        c.attach(client);
        client.setEngineProgram(engine);
        REQUIRE(client.start(options()));
        REQUIRE(testing::waitFor([&] { return !c.finished.isEmpty(); }, 30000));
    }
    INFO(c.failures.join(u'\n').toStdString());
    CHECK(c.failures.isEmpty());
    CHECK(c.finished == QList<int>{0});
    REQUIRE_FALSE(c.events.isEmpty());
    CHECK(c.events.first().kind == EventKind::Start);
    CHECK(c.events.last().kind == EventKind::End);
    RunModel run;
    run.apply(c.events);
    REQUIRE(run.latest(3));
    CHECK(run.latest(3)->exitCode == 3);
    CHECK(run.latest(3)->reapedBy == 2);
    CHECK(testing::childPids().isEmpty());
#else
    WARN("FORKSCOPE_ENGINE_BIN is not defined in this build: skipped");
#endif
}

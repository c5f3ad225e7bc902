// The event stream's and the command channel's text, as a reader and a writer see it.

#include "engine/protocol/Command.h"
#include "engine/protocol/Event.h"
#include "engine/protocol/Json.h"

#include <bit>
#include <catch2/catch.hpp>
#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

using namespace forkscope::protocol;

TEST_CASE("events are one JSON object per line that a parser reads back", "[protocol]") {
    const std::string line =
        events::output(1.5, 3, false, "tab\there \"quoted\" \xe4\xb8\xad\n").toJsonLine();
    REQUIRE(line.back() == '\n');
    CHECK(line.find('\n') == line.size() - 1); // the newline in the text is escaped
    auto obj = parseFlatObject(std::string_view(line).substr(0, line.size() - 1));
    REQUIRE(obj.has_value());
    CHECK(std::get<double>(obj->at("t")) == 1.5);
    CHECK(std::get<double>(obj->at("pid")) == 3);
    CHECK(std::get<std::string>(obj->at("kind")) == "stdout");
    CHECK(std::get<std::string>(obj->at("text")) == "tab\there \"quoted\" \xe4\xb8\xad\n");
}

// Readers (the GUI, recordings, lessons' checks) compare these lines as text: the exact field
// order and number formats of every kind are part of the protocol, whatever the engine does
// to make them faster.
TEST_CASE("every kind's JSON line is pinned byte for byte", "[protocol]") {
    const std::vector<std::pair<Event, std::string>> cases = {
        {events::start("/tmp/lesson.py", "/home/ana", "namespace", 2, 4, 1.0, false, "0.9.0",
                       12345.678901),
         R"({"t":0.000000,"pid":0,"kind":"start","script":"/tmp/lesson.py","cwd":"/home/ana","mode":"namespace","cpus":2,"online":4,"speed":1,"step":false,"version":"0.9.0","monotonic":12345.678901})"},
        {events::spawn(0.020536, 7, 1, "Process-1", "fork"),
         R"({"t":0.020536,"pid":7,"kind":"spawn","ppid":1,"name":"Process-1","how":"fork"})"},
        {events::exec(1.25, 8, "sh"), R"({"t":1.250000,"pid":8,"kind":"exec","comm":"sh"})"},
        {events::state(3.5, 9, "sleep"),
         R"({"t":3.500000,"pid":9,"kind":"state","state":"sleep"})"},
        {events::state(3.5000004, 9, "blocked", "lock", "lock", 2),
         R"({"t":3.500000,"pid":9,"kind":"state","state":"blocked","on":"lock","lock":2})"},
        {events::state(10, 9, "blocked", "queue-get", "queue", 1),
         R"({"t":10.000000,"pid":9,"kind":"state","state":"blocked","on":"queue-get","queue":1})"},
        {events::line(0.000001, 2, 17), R"({"t":0.000001,"pid":2,"kind":"line","line":17})"},
        {events::output(2.0000004, 3, false, "tab\there \"quoted\" \xe4\xb8\xad\n"),
         R"({"t":2.000000,"pid":3,"kind":"stdout","text":"tab\there \"quoted\" 中\n"})"},
        {events::output(2.0000005, 3, true, std::string("bad\xff\x01\x7f end", 11)),
         R"({"t":2.000001,"pid":3,"kind":"stderr","text":"bad\ufffd\u0001\u007f end\u0000"})"},
        {events::exitCode(4.75, 5, 0), R"({"t":4.750000,"pid":5,"kind":"exit","code":0})"},
        {events::exitSignal(4.75, 5, 9),
         R"({"t":4.750000,"pid":5,"kind":"exit","signal":9,"signame":"SIGKILL"})"},
        {events::exitSignal(4.75, 5, 64),
         R"({"t":4.750000,"pid":5,"kind":"exit","signal":64,"signame":"SIG64"})"},
        {Event(5, 6, EventKind::Exit), R"({"t":5.000000,"pid":6,"kind":"exit"})"},
        {events::reap(5.1, 6, 1), R"({"t":5.100000,"pid":6,"kind":"reap","by":1})"},
        {events::reparent(5.2, 11, 6, 1),
         R"({"t":5.200000,"pid":11,"kind":"reparent","from":6,"to":1})"},
        {events::error(0, 0, "script", "cannot read the script: No such file", "/tmp/x.py"),
         R"({"t":0.000000,"pid":0,"kind":"error","what":"script","message":"cannot read the script: No such file","file":"/tmp/x.py"})"},
        {events::error(6.000001, 12, "exception", "ZeroDivisionError: division by zero",
                       "lesson.py", 42),
         R"({"t":6.000001,"pid":12,"kind":"error","what":"exception","message":"ZeroDivisionError: division by zero","file":"lesson.py","line":42})"},
        {events::notice(7, "ops-dropped", "12 queue and lock operations were not shown"),
         R"({"t":7.000000,"pid":0,"kind":"notice","code":"ops-dropped","message":"12 queue and lock operations were not shown"})"},
        {events::mode(8.123456789, true, 0.25),
         R"({"t":8.123457,"pid":0,"kind":"mode","paused":true,"speed":0.25})"},
        {events::mode(8.5, false, 10),
         R"({"t":8.500000,"pid":0,"kind":"mode","paused":false,"speed":10})"},
        {events::breakHit(9, 13, 26), R"({"t":9.000000,"pid":13,"kind":"break","line":26})"},
        {events::end(123.456, 0, "finished"),
         R"({"t":123.456000,"pid":0,"kind":"end","status":0,"reason":"finished"})"},
        {events::task(0.5, 14, 1, 3, "submit", "square"),
         R"({"t":0.500000,"pid":14,"kind":"task","pool":1,"task":3,"op":"submit","func":"square"})"},
        {events::queueOp(0.020536, 15, 1, "put", "42", 1, 0),
         R"({"t":0.020536,"pid":15,"kind":"queue","queue":1,"op":"put","item":"42","size":1,"capacity":0,"by":15})"},
        {events::queueOp(0.0205364, 16, 1, "get", "'a \\'b\\''", 0, 3),
         R"({"t":0.020536,"pid":16,"kind":"queue","queue":1,"op":"get","item":"'a \\'b\\''","size":0,"capacity":3,"by":16})"},
        {events::queueLost(1e6, 17, 2, "put", "[1, 2, \xe2\x80\xa6]", 5, 5),
         R"({"t":1000000.000000,"pid":17,"kind":"queue","queue":2,"op":"lost","item":"[1, 2, …]","size":5,"capacity":5,"by":17,"during":"put"})"},
        {events::queueState(12.5, 1, 20, 0, "[0, 1, 2, \xe2\x80\xa6]", 3),
         R"({"t":12.500000,"pid":0,"kind":"queue-state","queue":1,"size":20,"capacity":0,"items":"[0, 1, 2, …]","shown":3})"},
        {events::lockOp(0.25, 18, 2, "wait", 19, 0, -1),
         R"({"t":0.250000,"pid":18,"kind":"lock","lock":2,"op":"wait","holder":19})"},
        {events::lockOp(0.26, 19, 2, "release", 0, 0, 0),
         R"({"t":0.260000,"pid":19,"kind":"lock","lock":2,"op":"release","holder":0,"count":0})"},
        {events::lockOp(0.27, 18, 2, "recover", 18, 19, 1),
         R"({"t":0.270000,"pid":18,"kind":"lock","lock":2,"op":"recover","holder":18,"dead":19,"count":1})"},
        {Event(-0.0, -1, EventKind::Notice)
             .set("n", -9223372036854775807LL - 1)
             .set("d", -2.5)
             .set("z", 0.0)
             .set("b", true),
         R"({"t":-0.000000,"pid":-1,"kind":"notice","n":-9223372036854775808,"d":-2.5,"z":0,"b":true})"},
    };
    for (const auto& [event, line] : cases)
        CHECK(event.toJsonLine() == line + "\n");
}

namespace {

// The event a recorded line describes, made again by the factory of its kind from the values
// the line holds.
std::optional<Event> remake(const JsonObject& o) {
    auto number = [&o](const char* k) {
        const auto it = o.find(k);
        return it == o.end() ? 0.0 : std::get<double>(it->second);
    };
    auto integer = [&](const char* k) { return static_cast<int>(number(k)); };
    auto text = [&o](const char* k) {
        const auto it = o.find(k);
        return it == o.end() ? std::string() : std::get<std::string>(it->second);
    };
    auto has = [&o](const char* k) { return o.count(k) != 0; };
    const double t = number("t");
    const int pid = integer("pid");
    const std::string kind = text("kind");
    if (kind == "start")
        return events::start(text("script"), text("cwd"), text("mode"), integer("cpus"),
                             integer("online"), number("speed"), std::get<bool>(o.at("step")),
                             text("version"), number("monotonic"));
    if (kind == "notice") return events::notice(t, text("code"), text("message"));
    if (kind == "spawn") return events::spawn(t, pid, integer("ppid"), text("name"), text("how"));
    if (kind == "exec") return events::exec(t, pid, text("comm"));
    if (kind == "state") {
        const char* key = has("queue") ? "queue" : has("lock") ? "lock" : "";
        return events::state(t, pid, text("state"), text("on"), key, integer(key));
    }
    if (kind == "line") return events::line(t, pid, integer("line"));
    if (kind == "stdout" || kind == "stderr")
        return events::output(t, pid, kind == "stderr", text("text"));
    if (kind == "exit") {
        if (has("signal")) return events::exitSignal(t, pid, integer("signal"));
        if (has("code")) return events::exitCode(t, pid, integer("code"));
        return Event(t, pid, EventKind::Exit);
    }
    if (kind == "reap") return events::reap(t, pid, integer("by"));
    if (kind == "reparent") return events::reparent(t, pid, integer("from"), integer("to"));
    if (kind == "error")
        return events::error(t, pid, text("what"), text("message"), text("file"), integer("line"));
    if (kind == "mode") return events::mode(t, std::get<bool>(o.at("paused")), number("speed"));
    if (kind == "end") return events::end(t, integer("status"), text("reason"));
    if (kind == "break") return events::breakHit(t, pid, integer("line"));
    if (kind == "task")
        return events::task(t, pid, integer("pool"), integer("task"), text("op"), text("func"));
    if (kind == "queue" && text("op") == "lost")
        return events::queueLost(t, pid, integer("queue"), text("during"), text("item"),
                                 integer("size"), integer("capacity"));
    if (kind == "queue")
        return events::queueOp(t, pid, integer("queue"), text("op"), text("item"), integer("size"),
                               integer("capacity"));
    if (kind == "queue-state")
        return events::queueState(t, integer("queue"), integer("size"), integer("capacity"),
                                  text("items"), integer("shown"));
    if (kind == "lock")
        return events::lockOp(t, pid, integer("lock"), text("op"), integer("holder"),
                              integer("dead"), has("count") ? integer("count") : -1);
    return std::nullopt;
}

} // namespace

// Lines of every kind recorded by the engine of commit 6e453ff, before events were written
// straight into the output buffer: made again from their values, they read the same.
TEST_CASE("events recorded before are written again byte for byte", "[protocol]") {
    std::ifstream in(std::string(FORKSCOPE_SOURCE_DIR) + "/tests/engine/data/events_6e453ff.jsonl");
    REQUIRE(in.good());
    std::set<std::string> kinds;
    std::string line;
    int lines = 0;
    while (std::getline(in, line)) {
        ++lines;
        const auto o = parseFlatObject(line);
        REQUIRE(o.has_value());
        const auto event = remake(*o);
        REQUIRE(event.has_value());
        CHECK(event->toJsonLine() == line + "\n");
        kinds.insert(toString(event->kind()));
    }
    CHECK(lines == 200);
    CHECK(kinds.size() == 19); // every kind
}

TEST_CASE("a JSON line is appended to the buffer, however long it is", "[protocol]") {
    std::string out = "before\n";
    const Event op = events::queueOp(0.020536, 15, 1, "put", "42", 1, 0);
    op.appendJsonLine(out);
    CHECK(out == "before\n" + op.toJsonLine());

    // Longer than a line usually is, with every byte escaped.
    const std::string text(3000, '\x01');
    std::string expected = R"({"t":1.000000,"pid":2,"kind":"stdout","text":")";
    for (std::size_t i = 0; i < text.size(); ++i)
        expected += "\\u0001";
    expected += "\"}\n";
    out = "before\n";
    events::output(1, 2, false, text).appendJsonLine(out);
    CHECK(out == "before\n" + expected);

    // A number within half a microsecond of a whole one is that whole one: JSON has no "2.".
    CHECK(events::mode(1, false, 1.9999997).toJsonLine() ==
          R"({"t":1.000000,"pid":0,"kind":"mode","paused":false,"speed":2})"
          "\n");
    CHECK(events::mode(1, false, -0.0000001).toJsonLine() ==
          R"({"t":1.000000,"pid":0,"kind":"mode","paused":false,"speed":-0})"
          "\n");

    // Numbers of any size are written in full.
    CHECK(
        events::mode(1e30, false, 1e15 + 0.5).toJsonLine() ==
        R"({"t":1000000000000000019884624838656.000000,"pid":0,"kind":"mode","paused":false,"speed":1000000000000000.5})"
        "\n");
}

TEST_CASE("events copy and move with all their fields", "[protocol]") {
    Event e(2.5, 3, EventKind::Notice);
    const char* keys[] = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"};
    for (int i = 0; i < 11; ++i) // more than an event keeps in itself
        e.set(keys[i], std::string(static_cast<std::size_t>(20 + i), static_cast<char>('a' + i)));
    const std::string line = e.toJsonLine();
    CHECK(std::get<std::string>(*e.get("k")) == std::string(30, 'k'));

    Event copy(e);
    Event moved(std::move(copy));
    Event assigned(0, 0, EventKind::Line);
    assigned.set("line", 1).set("text", std::string(40, 'x'));
    assigned = moved;
    CHECK(assigned.toJsonLine() == line);
    Event moveAssigned(0, 0, EventKind::Line);
    moveAssigned.set("line", 2);
    moveAssigned = std::move(assigned);
    CHECK(moveAssigned.toJsonLine() == line);
    CHECK(moved.toJsonLine() == line);
    CHECK(e.toJsonLine() == line);
}

// writeFixed6 rounds by itself what to_chars rounds: both must agree on every double, above
// all those next to a half-microsecond, and exact ties (odd multiples of 1/128).
TEST_CASE("times are written with 6 decimals exactly as to_chars writes them", "[protocol]") {
    auto check = [](double v) {
        char mine[400], theirs[400];
        const char* end = writeFixed6(mine, v);
        const auto r =
            std::to_chars(theirs, theirs + sizeof theirs, v, std::chars_format::fixed, 6);
        const std::string_view a(mine, static_cast<std::size_t>(end - mine));
        const std::string_view b(theirs, static_cast<std::size_t>(r.ptr - theirs));
        if (a != b) UNSCOPED_INFO(std::string(a) + " != " + std::string(b));
        return a == b;
    };
    std::mt19937_64 rng(20240611);
    bool all = true;
    for (double v : {0.0,
                     -0.0,
                     5e-324,
                     1e-300,
                     4.9999999999e-7,
                     5e-7,
                     0.0078125,
                     0.0234375,
                     0.5,
                     1.0,
                     0.020536,
                     123.4567885,
                     999999.9999995,
                     1e15 - 0.125,
                     1e15,
                     2e15,
                     -0.0000004,
                     -1.5,
                     1e300,
                     std::numeric_limits<double>::infinity(),
                     std::numeric_limits<double>::quiet_NaN()})
        all = check(v) && all;
    for (int i = 0; i < 200000; ++i) {
        // Any positive double below 2^52, by its bits.
        all = check(std::bit_cast<double>(rng() % 0x4330000000000000u)) && all;
        // Times as the engine has them, and the doubles around half a microsecond.
        const double t = static_cast<double>(rng() % 100'000'000'000u) * 1e-9;
        all = check(t) && all;
        const double halfway = (static_cast<double>(rng() % 10'000'000'000u) + 0.5) / 1e6;
        all = check(halfway) && all;
        all = check(std::nextafter(halfway, 0.0)) && all;
        all = check(std::nextafter(halfway, 1e300)) && all;
        all = check(static_cast<double>(2 * (rng() % 100'000'000u) + 1) / 128) && all;
    }
    CHECK(all);
}

TEST_CASE("bytes that are not UTF-8 cannot break the stream", "[protocol]") {
    std::string out;
    appendJsonString(out, std::string("ok\xff\xfe\x01", 5));
    CHECK(out == "\"ok\\ufffd\\ufffd\\u0001\"");
}

TEST_CASE("exit events name the signal", "[protocol]") {
    const std::string line = events::exitSignal(0, 5, 15).toJsonLine();
    CHECK(line.find("\"signal\":15") != std::string::npos);
    CHECK(line.find("\"signame\":\"SIGTERM\"") != std::string::npos);
    CHECK(events::exitSignal(0, 5, 9).toText().find("killed by SIGKILL") != std::string::npos);
}

TEST_CASE("commands parse, and bad ones say why", "[protocol]") {
    std::string why;
    SECTION("valid") {
        auto c = parseCommand(R"({"cmd":"step","pid":4})", &why);
        REQUIRE(c);
        CHECK(c->type == Command::Type::Step);
        CHECK(c->pid == 4);
        c = parseCommand(R"( { "cmd" : "speed", "value" : 2.5 } )", &why);
        REQUIRE(c);
        CHECK(c->value == 2.5);
        CHECK(parseCommand(R"({"cmd":"pause"})", &why)->type == Command::Type::Pause);
        c = parseCommand(R"({"cmd":"break","lines":[12, 26]})", &why);
        REQUIRE(c);
        CHECK(c->type == Command::Type::Break);
        CHECK(c->lines == std::vector<int>{12, 26});
        c = parseCommand(R"({"cmd":"break","lines":[]})", &why);
        REQUIRE(c);
        CHECK(c->lines.empty());
        std::vector<int> lines;
        CHECK(parseBreakLines("12,26", &lines, &why));
        CHECK(lines == std::vector<int>{12, 26});
    }
    SECTION("invalid") {
        CHECK_FALSE(parseCommand("pause", &why));
        CHECK(why.find("JSON") != std::string::npos);
        CHECK_FALSE(parseCommand(R"({"cmd":"step","pid":-1})", &why));
        CHECK_FALSE(parseCommand(R"({"cmd":"speed","value":11})", &why));
        CHECK(why.find("between") != std::string::npos);
        CHECK_FALSE(parseCommand(R"({"cmd":"speed"})", &why));
        CHECK_FALSE(parseCommand(R"({"cmd":"nap"})", &why));
        CHECK(why.find("nap") != std::string::npos);
        CHECK_FALSE(parseCommand(R"({"cmd":["a"]})", &why));
        CHECK_FALSE(parseCommand(R"({"cmd":"pause"} x)", &why));
        CHECK_FALSE(parseCommand(R"({"cmd":"break"})", &why));
        CHECK(why.find("lines") != std::string::npos);
        CHECK_FALSE(parseCommand(R"({"cmd":"break","lines":[1.5]})", &why));
        CHECK_FALSE(parseCommand(R"({"cmd":"break","lines":["a"]})", &why));
        std::vector<int> lines;
        CHECK_FALSE(parseBreakLines("12,x", &lines, &why));
        CHECK(why.find("'x'") != std::string::npos);
    }
}

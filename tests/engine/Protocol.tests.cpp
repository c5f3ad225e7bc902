// The event stream's and the command channel's text, as a reader and a writer see it.

#include "engine/protocol/Command.h"
#include "engine/protocol/Event.h"
#include "engine/protocol/Json.h"

#include <catch2/catch.hpp>

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

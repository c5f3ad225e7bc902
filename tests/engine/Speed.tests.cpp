// --speed scales time.sleep, and events keep the script's own time.

#include "tests/engine/EngineSession.h"

#include <catch2/catch.hpp>
#include <string>

using namespace forkscope::testing;

TEST_CASE("at --speed 4 a one-second sleep takes a quarter second, and 1 s of scenario time",
          "[engine][speed]") {
    const EngineRun r = runEngine({scriptPath("one_second_nap.py"), "--speed", "4"});
    REQUIRE(r.status == 0);
    CHECK(r.first("start")->number("speed") == 4);
    const auto out = r.first("stdout", 2);
    REQUIRE(out);
    CHECK(out->t >= 0.95); // the sleep spans a whole second of the lesson's time
    // ...but a quarter of a real second: a sleep can overrun a little, never by half a second.
    const std::string text = out->text("text");
    const double real = std::stod(text.substr(text.find(':') + 1));
    CHECK(real >= 0.24);
    CHECK(real < 0.75);
    bool sleeping = false;
    for (const auto& e : r.of("state", 2))
        sleeping = sleeping || e.text("on") == "sleep";
    CHECK(sleeping);
}

TEST_CASE("the speed command changes the pace without breaking the clock", "[engine][speed]") {
    EngineSession s({scriptPath("one_second_nap.py")});
    REQUIRE(s.waitFor(
        [](const EngineEvent& e) { return e.kind == "state" && e.text("on") == "sleep"; }));
    s.send(R"({"cmd":"speed","value":0.5})");
    const auto mode = s.waitFor([](const EngineEvent& e) { return e.kind == "mode"; });
    REQUIRE(mode);
    CHECK(mode->number("speed") == 0.5);
    CHECK(s.finish() == 0);
    // Event times never go backwards across the change.
    double last = 0;
    for (const auto& e : s.events()) {
        CHECK(e.t >= last - 1e-6);
        last = e.t;
    }
}

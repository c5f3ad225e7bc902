// Bad scripts get a clear error naming file and line, a non-zero status, and leave nothing.

#include "tests/engine/EngineSession.h"

#include <catch2/catch.hpp>

using namespace forkscope::testing;

TEST_CASE("a syntax error names the file and the line", "[engine][errors]") {
    const std::string script = scriptPath("syntax_error.py");
    const EngineRun r = runEngine({script});
    CHECK(r.status == 1);
    const auto err = r.first("error");
    REQUIRE(err);
    CHECK(err->text("what") == "syntax");
    CHECK(err->text("file") == script);
    CHECK(err->number("line") == 3);
    CHECK(r.events.back().text("reason") == "error");
    CHECK(r.stdoutText().empty()); // nothing runs when the file does not compile
}

TEST_CASE("a script that does not exist is an error with status 2", "[engine][errors]") {
    const EngineRun r = runEngine({"/nonexistent/lesson.py"});
    CHECK(r.status == 2);
    const auto err = r.first("error");
    REQUIRE(err);
    CHECK(err->text("what") == "script");
    CHECK(err->text("file") == "/nonexistent/lesson.py");
    CHECK(r.of("spawn").empty());
}

TEST_CASE("an unsupported multiprocessing name says so, with its line", "[engine][errors]") {
    const EngineRun r = runEngine({scriptPath("unsupported.py")});
    CHECK(r.status == 1);
    const auto err = r.first("error");
    REQUIRE(err);
    CHECK(err->text("what") == "unsupported");
    CHECK(err->number("line") == 2);
    CHECK(err->text("message").find("multiprocessing.Barrier") != std::string::npos);
    CHECK(err->text("message").find("not supported") != std::string::npos);
}

TEST_CASE("an uncaught exception in a child is reported in that child, at its line",
          "[engine][errors]") {
    const EngineRun r = runEngine({scriptPath("child_raises.py")});
    CHECK(r.status == 0); // the parent itself is fine
    const auto err = r.first("error");
    REQUIRE(err);
    CHECK(err->pid > 2);
    CHECK(err->text("what") == "exception");
    CHECK(err->number("line") == 6);
    CHECK(err->text("message") == "RuntimeError: the child failed");
    CHECK(r.first("exit", err->pid)->number("code") == 1);
    CHECK(r.stdoutText() == "child exit code 1\n");
    bool traceback = false;
    for (const auto& e : r.of("stderr", err->pid))
        traceback = traceback || e.text("text").find("Traceback") != std::string::npos;
    CHECK(traceback);
}

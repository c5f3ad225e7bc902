// Each scenario script prints the same under the engine as under /usr/bin/python3, once pids
// and times are normalised: the engine's processes are real, so the lesson must be true.

#include "tests/engine/EngineSession.h"
#include "tests/support/OutputNormaliser.h"
#include "tests/support/ReferenceRun.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

using namespace forkscope::testing;

namespace {
std::vector<std::string> scenarioScripts() {
    std::vector<std::string> out;
    for (const auto& entry : std::filesystem::directory_iterator(FORKSCOPE_SCRIPTS_DIR)) {
        const auto name = entry.path().filename().string();
        if (entry.path().extension() == ".py" && name.size() > 1 && name[0] == 's')
            out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}
} // namespace

TEST_CASE("scenario scripts print the same under the engine as under CPython",
          "[engine][cpython]") {
    const auto scripts = scenarioScripts();
    REQUIRE(scripts.size() >= 11);
    const std::string script = GENERATE_COPY(from_range(scripts));
    INFO(script);
    const RunResult reference = runUnderSystemPython(script, 60);
    REQUIRE_FALSE(reference.timedOut);
    const EngineRun run = runEngine({script}, 60);
    // On a mismatch, why: a traceback, or the engine's word on how the run ended.
    std::string why = run.stderrText();
    for (const auto& e : run.events) {
        if (e.kind == "error") why += "error (" + e.text("what") + "): " + e.text("message") + "\n";
        if (e.kind == "end") why += "end: " + e.text("reason") + "\n";
    }
    INFO("the run's stderr and ending:\n" << why);
    CHECK(run.status == reference.exitCode);
    CHECK(normaliseOutput(run.stdoutText()) == normaliseOutput(reference.out));
}

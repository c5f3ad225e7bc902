#include "bench/ScriptTiming.h"

#include "tests/engine/EngineSession.h"
#include "tests/support/ChildProcess.h"

#include <cstdio>
#include <sstream>
#include <unistd.h>

namespace forkscope::bench {

namespace {
std::optional<double> figureIn(const std::string& out) {
    const auto at = out.find("FIGURE ");
    if (at == std::string::npos) return std::nullopt;
    return std::stod(out.substr(at + 7));
}
} // namespace

ScriptFigures timeScript(const std::string& source, bool higherIsBetter, Sides sides, int runs) {
    const std::string script = testing::writeTempScript(source);
    testing::RunOptions options;
    options.timeoutSeconds = 180;
    auto better = [higherIsBetter](double a, double b) { return higherIsBetter ? a > b : a < b; };
    ScriptFigures f;
    bool haveEngine = false;
    for (int i = 0; i < runs; ++i) {
        if (sides != Sides::CPythonOnly) {
            const testing::RunResult engine = testing::runProcess(
                {FORKSCOPE_ENGINE_BIN, "run", script, "--timeout", "120"}, options);
            if (auto v = figureIn(engine.out)) {
                if (!haveEngine || better(*v, f.engine)) f.engine = *v;
                haveEngine = true;
            } else {
                std::fprintf(stderr, "bench: the engine run printed no figure:\n%s\n",
                             engine.err.c_str());
            }
        }
        if (sides != Sides::EngineOnly) {
            const testing::RunResult cpython =
                testing::runProcess({FORKSCOPE_SYSTEM_PYTHON, script}, options);
            if (auto v = figureIn(cpython.out); v && (!f.cpython || better(*v, *f.cpython)))
                f.cpython = v;
        }
    }
    unlink(script.c_str());
    return f;
}

} // namespace forkscope::bench

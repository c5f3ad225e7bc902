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

ScriptFigures timeScript(const std::string& source) {
    const std::string script = testing::writeTempScript(source);
    ScriptFigures f;
    testing::RunOptions options;
    options.timeoutSeconds = 180;
    const testing::RunResult engine =
        testing::runProcess({FORKSCOPE_ENGINE_BIN, "run", script, "--timeout", "120"}, options);
    if (auto v = figureIn(engine.out)) f.engine = *v;
    else std::fprintf(stderr, "bench: the engine run printed no figure:\n%s\n", engine.err.c_str());
    const testing::RunResult cpython = testing::runProcess({FORKSCOPE_SYSTEM_PYTHON, script}, options);
    f.cpython = figureIn(cpython.out);
    unlink(script.c_str());
    return f;
}

} // namespace forkscope::bench

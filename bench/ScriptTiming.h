#pragma once
// Runs one Python script under the engine and under /usr/bin/python3; the script measures
// itself and prints "FIGURE <value>", so start-up costs stay out of the figure. Each side runs
// `runs` times, alternating, and keeps its best: on a shared machine single runs vary twofold.

#include <optional>
#include <string>

namespace forkscope::bench {

struct ScriptFigures {
    double engine = 0;
    std::optional<double> cpython;
};

ScriptFigures timeScript(const std::string& source, bool higherIsBetter, int runs = 3);

} // namespace forkscope::bench

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

// Which interpreters to run: a figure read against another floor needs only one of them.
enum class Sides { Both, EngineOnly, CPythonOnly };

ScriptFigures timeScript(const std::string& source, bool higherIsBetter, Sides sides = Sides::Both,
                         int runs = 3);

} // namespace forkscope::bench

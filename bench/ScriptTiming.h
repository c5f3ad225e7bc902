#pragma once
// Runs one Python script under the engine and under /usr/bin/python3; the script measures
// itself and prints "FIGURE <value>", so start-up costs stay out of the figure.

#include <optional>
#include <string>

namespace forkscope::bench {

struct ScriptFigures {
    double engine = 0;
    std::optional<double> cpython;
};

ScriptFigures timeScript(const std::string& source);

} // namespace forkscope::bench

#pragma once
// One benchmark figure, printed as a single line that scripts can read:
//   bench NAME value=V unit=U [cpython=V] [floor=V] [ratio=R]
// `ratio` says how many times better the engine does than CPython (or, with no CPython
// figure, than the floor): above 1 is better, whichever way the unit points.

#include <optional>
#include <string>

namespace forkscope::bench {

struct Figure {
    std::string name;
    double value = 0;
    std::string unit;
    bool higherIsBetter = true; // throughput: yes; latency, cost: no
    std::optional<double> cpython;
    std::optional<double> floor;
};

void print(const Figure& f);

} // namespace forkscope::bench

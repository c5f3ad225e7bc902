#include "bench/Figure.h"

#include <cstdio>

namespace forkscope::bench {

void print(const Figure& f) {
    std::printf("bench %s value=%.4g unit=%s", f.name.c_str(), f.value, f.unit.c_str());
    if (f.cpython) std::printf(" cpython=%.4g", *f.cpython);
    if (f.floor) std::printf(" floor=%.4g", *f.floor);
    const std::optional<double> base = f.cpython ? f.cpython : f.floor;
    if (base && *base > 0 && f.value > 0)
        std::printf(" ratio=%.3g", f.higherIsBetter ? f.value / *base : *base / f.value);
    std::printf("\n");
    std::fflush(stdout);
}

} // namespace forkscope::bench

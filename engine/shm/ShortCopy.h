#pragma once
// A copy of a few bytes to a hundred, made of fixed-size moves. A memcpy whose length the
// compiler knows to be small becomes `rep movs`, whose start-up alone took a third of a queue
// put's time (perf annotate of tryPut, on ints of 8 pickled bytes).

#include <cstddef>
#include <cstring>

namespace forkscope::shm {

inline void copyShort(char* to, const char* from, std::size_t n) noexcept {
    if (n >= 16) {
        std::size_t i = 0;
        for (; i + 16 <= n; i += 16)
            std::memcpy(to + i, from + i, 16);
        if (i < n) std::memcpy(to + n - 16, from + n - 16, 16); // overlapping the last
    } else if (n >= 8) {
        std::memcpy(to, from, 8);
        std::memcpy(to + n - 8, from + n - 8, 8);
    } else if (n >= 4) {
        std::memcpy(to, from, 4);
        std::memcpy(to + n - 4, from + n - 4, 4);
    } else {
        for (std::size_t i = 0; i < n; ++i)
            to[i] = from[i];
    }
}

} // namespace forkscope::shm

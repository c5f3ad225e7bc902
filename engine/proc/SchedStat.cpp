#include "engine/proc/SchedStat.h"

#include <charconv>

namespace forkscope::proc {

std::optional<SchedStat> parseSchedStat(std::string_view text) noexcept {
    const char* pos = text.data();
    const char* const end = text.data() + text.size();
    SchedStat stat;
    std::uint64_t* const fields[] = {&stat.runNs, &stat.waitNs, &stat.slices};
    bool first = true;
    for (std::uint64_t* field : fields) {
        if (!first) {
            if (pos == end || *pos != ' ') return std::nullopt;
            ++pos;
        }
        first = false;
        // from_chars would accept a '-' for a signed type only; for uint64_t it refuses it, and
        // refuses a leading space, which is what a strict parse wants.
        const auto [ptr, ec] = std::from_chars(pos, end, *field);
        if (ec != std::errc{}) return std::nullopt;
        pos = ptr;
    }
    // A newer kernel may append fields; anything else glued to the third number is garbage.
    if (pos != end && *pos != '\n' && *pos != ' ') return std::nullopt;
    return stat;
}

} // namespace forkscope::proc

#include "engine/proc/ProcStat.h"

#include <array>
#include <charconv>
#include <new>

namespace forkscope::proc {

namespace {

// The last field this parser looks at. Newer kernels may print more; they are ignored.
constexpr int kLastField = 52;

// A missing field (an older kernel) parses as 0; a present one must be a whole number that fits.
template <typename T> bool parseField(std::string_view field, T& out) noexcept {
    if (field.empty()) return true;
    const char* end = field.data() + field.size();
    const auto [ptr, ec] = std::from_chars(field.data(), end, out);
    return ec == std::errc{} && ptr == end;
}

// Fields the engine does not keep are still checked, so that a line that is not a stat line
// (a wrong file, a torn buffer) is refused instead of half-read.
bool isInteger(std::string_view field) noexcept {
    if (!field.empty() && field.front() == '-') field.remove_prefix(1);
    if (field.empty()) return false;
    for (const char c : field)
        if (c < '0' || c > '9') return false;
    return true;
}

} // namespace

std::optional<ProcStat> parseStat(std::string_view text) noexcept {
    while (!text.empty() && text.back() == '\n')
        text.remove_suffix(1);

    // (2) comm is whatever the task named itself (prctl, the executable's name), so it may hold
    // spaces and parentheses: the only reliable delimiters are the first '(' and the LAST ')'.
    const auto open = text.find('(');
    const auto close = text.rfind(')');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open)
        return std::nullopt;

    ProcStat stat;

    // (1) pid, then one space.
    std::string_view pid = text.substr(0, open);
    if (pid.empty() || pid.back() != ' ') return std::nullopt;
    pid.remove_suffix(1);
    if (pid.empty() || !parseField(pid, stat.pid)) return std::nullopt;

    // fields[n] is field (n) of proc(5); every field after comm is preceded by exactly one space.
    std::array<std::string_view, kLastField + 1> fields{};
    const std::string_view rest = text.substr(close + 1);
    int count = 2;
    std::size_t pos = 0;
    while (pos < rest.size() && count < kLastField) {
        if (rest[pos] != ' ') return std::nullopt;
        ++pos;
        std::size_t end = rest.find(' ', pos);
        if (end == std::string_view::npos) end = rest.size();
        if (end == pos) return std::nullopt;
        fields[static_cast<std::size_t>(++count)] = rest.substr(pos, end - pos);
        pos = end;
    }
    if (count < 4) return std::nullopt;

    // (3) state: one letter.
    if (fields[3].size() != 1) return std::nullopt;
    stat.stateLetter = fields[3].front();
    stat.state = taskStateFromLetter(stat.stateLetter);

    for (std::size_t n = 4; n <= static_cast<std::size_t>(count); ++n)
        if (!isInteger(fields[n])) return std::nullopt;

    if (!parseField(fields[4], stat.ppid) || !parseField(fields[5], stat.pgrp) ||
        !parseField(fields[6], stat.session) || !parseField(fields[14], stat.utime) ||
        !parseField(fields[15], stat.stime) || !parseField(fields[20], stat.numThreads) ||
        !parseField(fields[22], stat.startTime) || !parseField(fields[23], stat.vsize) ||
        !parseField(fields[24], stat.rss) || !parseField(fields[39], stat.processor) ||
        !parseField(fields[52], stat.exitCode))
        return std::nullopt;

    // Last, because it is the only step that may allocate (a comm longer than the SSO buffer,
    // which kernel threads can have).
    try {
        stat.comm.assign(text.substr(open + 1, close - open - 1));
    } catch (const std::bad_alloc&) {
        return std::nullopt;
    }
    return stat;
}

} // namespace forkscope::proc

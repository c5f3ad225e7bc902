#pragma once
// Commands the GUI sends on the engine's stdin, one JSON object per line (docs/protocol.md).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace forkscope::protocol {

struct Command {
    enum class Type { Pause, Resume, Step, Speed, Stop, Break };
    Type type = Type::Pause;
    int pid = 0;            // Step: 0 means every paused process
    double value = 1.0;     // Speed
    std::vector<int> lines; // Break: the script lines to stop at (empty: none)
};

// Parses one line; on failure returns nullopt and says why in `error`.
std::optional<Command> parseCommand(std::string_view line, std::string* error);

inline constexpr double kMinSpeed = 0.1;
inline constexpr double kMaxSpeed = 10.0;
// The highest script line a breakpoint may name (the run's shared memory has a bit per line).
inline constexpr int kMaxBreakLine = 65535;

// "12,26" (the command line's --break) or the numbers of a break command, checked: whole
// numbers from 1 to kMaxBreakLine. On failure returns false and says why in `error`.
bool parseBreakLines(std::string_view list, std::vector<int>* lines, std::string* error);

} // namespace forkscope::protocol

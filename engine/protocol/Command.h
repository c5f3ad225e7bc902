#pragma once
// Commands the GUI sends on the engine's stdin, one JSON object per line (docs/protocol.md).

#include <optional>
#include <string>
#include <string_view>

namespace forkscope::protocol {

struct Command {
    enum class Type { Pause, Resume, Step, Speed, Stop };
    Type type = Type::Pause;
    int pid = 0;        // Step: 0 means every paused process
    double value = 1.0; // Speed
};

// Parses one line; on failure returns nullopt and says why in `error`.
std::optional<Command> parseCommand(std::string_view line, std::string* error);

inline constexpr double kMinSpeed = 0.1;
inline constexpr double kMaxSpeed = 10.0;

} // namespace forkscope::protocol

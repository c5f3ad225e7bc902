#pragma once
// The engine speaks JSON lines but needs only a sliver of JSON: flat objects out (events) and
// flat objects in (commands). A few hundred lines here keep the engine free of dependencies.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace forkscope::protocol {

// Appends `text` to `out` as a JSON string literal, quotes included. Invalid UTF-8 bytes are
// replaced by U+FFFD so that a script printing binary garbage cannot break a reader's parser.
void appendJsonString(std::string& out, std::string_view text);

// Appends a number the way a reader expects: integral values without a fraction, others with
// up to 6 decimals (microseconds are the finest time the engine reports).
void appendJsonNumber(std::string& out, double value);

// The same two, written at `p`, which has room for what the *Room functions say; each returns
// the end of what it wrote. An event is written this way into one buffer, with no check of a
// string's capacity for each piece of it (docs/protocol.md: a run can make a million events).
constexpr std::size_t jsonStringRoom(std::size_t size) {
    return 2 + 6 * size; // a byte is at most six: \u0001, or \ufffd for a byte that is not UTF-8
}
char* writeJsonString(char* p, std::string_view text);
// Room for `value` in fixed notation with 6 decimals, as either number format writes it: the
// few digits of any time or count, or all 309 of the largest double.
inline std::size_t fixedRoom(double value) {
    return value < 1e15 && value > -1e15 ? 24 : 320;
}
char* writeJsonNumber(char* p, double value);

// A flat JSON object, as commands are: values are scalars or arrays of numbers (a `break`
// command's lines). Nested objects and other arrays are rejected.
using JsonNumbers = std::vector<double>;
using JsonValue = std::variant<std::nullptr_t, bool, double, std::string, JsonNumbers>;
using JsonObject = std::map<std::string, JsonValue, std::less<>>;

struct JsonError {
    std::string message;
    std::size_t offset = 0;
};

// Parses one flat object; on failure returns nullopt and fills `error`.
std::optional<JsonObject> parseFlatObject(std::string_view text, JsonError* error = nullptr);

} // namespace forkscope::protocol

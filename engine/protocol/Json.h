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

#pragma once
// The engine speaks JSON lines but needs only a sliver of JSON: flat objects out (events) and
// flat objects in (commands). A few hundred lines here keep the engine free of dependencies.

#include <array>
#include <cstdint>
#include <cstring>
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
// string's capacity for each piece of it (a run can make a million events).
constexpr std::size_t jsonStringRoom(std::size_t size) {
    return 2 + 6 * size; // a byte is at most six: \u0001, or \ufffd for a byte that is not UTF-8
}
inline char* writeJsonString(char* p, std::string_view text);
// Room for `value` in fixed notation with 6 decimals, as either number format writes it: the
// few digits of any time or count, or all 309 of the largest double.
inline std::size_t fixedRoom(double value) {
    return value < 1e15 && value > -1e15 ? 24 : 320;
}
char* writeJsonNumber(char* p, double value);
// `value` in fixed notation with 6 decimals, exactly as std::to_chars (and printf's %.6f)
// writes it: the time of every event, on which to_chars's general algorithm spent a tenth of
// the time of writing a line.
char* writeFixed6(char* p, double value);

namespace detail {

// The bytes a JSON string holds as they are: printable ASCII but the quote and the backslash.
inline constexpr auto kPlainByte = [] {
    std::array<bool, 256> plain{};
    for (int c = 0x20; c < 0x7F; ++c)
        plain[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
    return plain;
}();

// Copies `n` bytes to `p`: the few bytes of a key or a small value without a call to memcpy,
// which costs more than the copy.
inline char* copyRun(char* p, const char* s, std::size_t n) {
    if (n > 16) {
        std::memcpy(p, s, n);
    } else if (n >= 8) {
        std::memcpy(p, s, 8);
        std::memcpy(p + n - 8, s + n - 8, 8);
    } else if (n >= 4) {
        std::memcpy(p, s, 4);
        std::memcpy(p + n - 4, s + n - 4, 4);
    } else {
        for (std::size_t i = 0; i < n; ++i)
            p[i] = s[i];
    }
    return p + n;
}

char* writeEscapedJsonString(char* p, std::string_view text);

} // namespace detail

// Most strings of an event (every key, and most values) need no escape: they are copied whole.
inline char* writeJsonString(char* p, std::string_view text) {
    std::size_t plain = 0;
    while (plain < text.size() && detail::kPlainByte[static_cast<unsigned char>(text[plain])])
        ++plain;
    if (plain < text.size()) return detail::writeEscapedJsonString(p, text);
    *p = '"';
    p = detail::copyRun(p + 1, text.data(), plain);
    *p = '"';
    return p + 1;
}

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

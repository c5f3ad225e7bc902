#include "tests/support/OutputNormaliser.h"

#include <array>
#include <cstddef>
#include <optional>
#include <unordered_map>

namespace forkscope::testing {
namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

bool isWordChar(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool startsWithNoCase(std::string_view text, std::size_t at, std::string_view word) {
    if (text.size() - at < word.size()) return false;
    for (std::size_t k = 0; k < word.size(); ++k) {
        if (lower(text[at + k]) != word[k]) return false;
    }
    return true;
}

std::size_t skipBlanks(std::string_view text, std::size_t at) {
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t'))
        ++at;
    return at;
}

std::size_t skipDigits(std::string_view text, std::size_t at) {
    while (at < text.size() && isDigit(text[at]))
        ++at;
    return at;
}

struct PidField {
    std::size_t digitsBegin; // the keyword and separator are text[at, digitsBegin)
    std::size_t digitsEnd;
};

// A keyword at `at`, its separator, and the digits of a whole number after it.
std::optional<PidField> matchPidField(std::string_view text, std::size_t at) {
    static constexpr std::array<std::string_view, 4> keywords{"ppid", "pid", "parent", "child"};
    for (std::string_view keyword : keywords) {
        if (!startsWithNoCase(text, at, keyword)) continue;
        std::size_t p = skipBlanks(text, at + keyword.size());
        if (p < text.size() && (text[p] == '=' || text[p] == ':')) p = skipBlanks(text, p + 1);
        if (p >= text.size() || !isDigit(text[p])) return std::nullopt;
        const std::size_t end = skipDigits(text, p);
        // `child 0.5s` is a time, not a pid: leave it to the time rule.
        if (end + 1 < text.size() && text[end] == '.' && isDigit(text[end + 1])) {
            return std::nullopt;
        }
        return PidField{p, end};
    }
    return std::nullopt;
}

// The end of a time such as `1.02s` starting at `at`, if there is one.
std::optional<std::size_t> matchTime(std::string_view text, std::size_t at) {
    if (!isDigit(text[at])) return std::nullopt;
    if (at > 0 && (isWordChar(text[at - 1]) || text[at - 1] == '.')) return std::nullopt;
    std::size_t p = skipDigits(text, at);
    if (p >= text.size() || text[p] != '.') return std::nullopt;
    const std::size_t fraction = p + 1;
    p = skipDigits(text, fraction);
    if (p == fraction || p >= text.size() || text[p] != 's') return std::nullopt;
    ++p;
    if (p < text.size() && isWordChar(text[p])) return std::nullopt;
    return p;
}

} // namespace

std::string normaliseOutput(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::unordered_map<std::string_view, std::string> labels;

    std::size_t i = 0;
    while (i < text.size()) {
        if (const auto field = matchPidField(text, i)) {
            out.append(text.substr(i, field->digitsBegin - i));
            const std::string_view number =
                text.substr(field->digitsBegin, field->digitsEnd - field->digitsBegin);
            if (number == "1" || number == "0") {
                out.append(number);
            } else {
                auto [it, inserted] = labels.try_emplace(number);
                if (inserted) it->second = "<P" + std::to_string(labels.size()) + ">";
                out.append(it->second);
            }
            i = field->digitsEnd;
            continue;
        }
        if (const auto end = matchTime(text, i)) {
            out.append("<T>");
            i = *end;
            continue;
        }
        out.push_back(text[i]);
        ++i;
    }
    return out;
}

} // namespace forkscope::testing

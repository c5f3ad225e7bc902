#include "engine/protocol/Json.h"

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace forkscope::protocol {

namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 if it is not one.
std::size_t utf8SequenceLength(std::string_view s, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    if (b0 < 0x80) return 1;
    if ((b0 & 0xE0) == 0xC0 && b0 >= 0xC2)
        len = 2;
    else if ((b0 & 0xF0) == 0xE0)
        len = 3;
    else if ((b0 & 0xF8) == 0xF0 && b0 <= 0xF4)
        len = 4;
    else
        return 0;
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
    }
    return len;
}

} // namespace

char* detail::writeEscapedJsonString(char* p, std::string_view text) {
    *p++ = '"';
    const char* s = text.data();
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n;) {
        // A run that needs no escape, in one copy.
        std::size_t plain = i;
        while (plain < n && kPlainByte[static_cast<unsigned char>(s[plain])])
            ++plain;
        if (plain > i) {
            p = copyRun(p, s + i, plain - i);
            i = plain;
            continue;
        }
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            const std::size_t len = utf8SequenceLength(text, i);
            if (len == 0) {
                std::memcpy(p, "\\ufffd", 6);
                p += 6;
                ++i;
            } else {
                std::memcpy(p, s + i, len);
                p += len;
                i += len;
            }
            continue;
        }
        *p++ = '\\';
        switch (c) {
        case '"':
            *p++ = '"';
            break;
        case '\\':
            *p++ = '\\';
            break;
        case '\n':
            *p++ = 'n';
            break;
        case '\r':
            *p++ = 'r';
            break;
        case '\t':
            *p++ = 't';
            break;
        default: { // the other control characters, and DEL
            static constexpr char kHex[] = "0123456789abcdef";
            std::memcpy(p, "u00", 3);
            p[3] = kHex[c >> 4];
            p[4] = kHex[c & 0xF];
            p += 5;
        }
        }
        ++i;
    }
    *p++ = '"';
    return p;
}

void appendJsonString(std::string& out, std::string_view text) {
    const std::size_t old = out.size();
    out.resize(old + jsonStringRoom(text.size()));
    char* end = writeJsonString(out.data() + old, text);
    out.resize(static_cast<std::size_t>(end - out.data()));
}

char* writeJsonNumber(char* p, double value) {
    if (!std::isfinite(value)) {
        std::memcpy(p, "null", 4);
        return p + 4;
    }
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return std::to_chars(p, p + 24, static_cast<long long>(value)).ptr;
    char* end = writeFixed6(p, value);
    // Trim trailing zeros: 0.250000 -> 0.25, and 2.000000 (1.9999997 rounded) -> 2, since JSON
    // has no number that ends in a point.
    while (end - p > 1 && end[-1] == '0')
        --end;
    if (end[-1] == '.') --end;
    return end;
}

// 128 bits, which GCC and Clang have, however pedantic.
__extension__ typedef unsigned __int128 U128;

char* writeFixed6(char* p, double value) {
    // A double is m * 2^e exactly, so value * 10^6 is m * 10^6 / 2^-e, which 128 bits hold
    // whole: rounded to the nearest integer, ties to even, as to_chars rounds the exact value,
    // it is the 6-decimal number, in 64 bits below 10^12 (11 days of microseconds). The rest
    // (negative values and -0, bigger ones, infinities and NaN) is left to to_chars.
    if (!(value < 1e12) || std::signbit(value))
        return std::to_chars(p, p + fixedRoom(value), value, std::chars_format::fixed, 6).ptr;
    const auto bits = std::bit_cast<uint64_t>(value);
    const auto biased = static_cast<int>(bits >> 52);
    const uint64_t fraction = bits & ((uint64_t{1} << 52) - 1);
    const uint64_t m = biased == 0 ? fraction : fraction | (uint64_t{1} << 52);
    const int shift = biased == 0 ? 1074 : 1075 - biased; // -e, at least 13 below 1e12
    uint64_t micros = 0;
    if (shift < 128) { // else the value is below 2^-75: far from the half-microsecond
        const U128 n = static_cast<U128>(m) * 1'000'000u;
        const U128 half = static_cast<U128>(1) << (shift - 1);
        const U128 rest = n & ((half << 1) - 1);
        micros = static_cast<uint64_t>(n >> shift);
        if (rest > half || (rest == half && (micros & 1) != 0)) ++micros;
    }
    p = std::to_chars(p, p + 20, micros / 1'000'000u).ptr;
    *p = '.';
    uint64_t fractionDigits = micros % 1'000'000u;
    for (int i = 6; i > 0; --i) {
        p[i] = static_cast<char>('0' + fractionDigits % 10);
        fractionDigits /= 10;
    }
    return p + 7;
}

void appendJsonNumber(std::string& out, double value) {
    const std::size_t old = out.size();
    out.resize(old + fixedRoom(value));
    char* end = writeJsonNumber(out.data() + old, value);
    out.resize(static_cast<std::size_t>(end - out.data()));
}

namespace {

class Parser {
public:
    Parser(std::string_view text, JsonError* error) : text_(text), error_(error) {}

    std::optional<JsonObject> object() {
        JsonObject result;
        skipSpace();
        if (!consume('{')) return fail("expected '{'");
        skipSpace();
        if (consume('}')) return finish(std::move(result));
        for (;;) {
            skipSpace();
            auto key = string();
            if (!key) return std::nullopt;
            skipSpace();
            if (!consume(':')) return fail("expected ':'");
            skipSpace();
            auto v = value();
            if (!v) return std::nullopt;
            result.insert_or_assign(std::move(*key), std::move(*v));
            skipSpace();
            if (consume(',')) continue;
            if (consume('}')) return finish(std::move(result));
            return fail("expected ',' or '}'");
        }
    }

private:
    std::optional<JsonObject> finish(JsonObject obj) {
        skipSpace();
        if (pos_ != text_.size()) return fail("unexpected text after the object");
        return obj;
    }

    std::nullopt_t fail(const char* message) {
        if (error_) *error_ = {message, pos_};
        return std::nullopt;
    }

    void skipSpace() {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                       text_[pos_] == '\r' || text_[pos_] == '\n'))
            ++pos_;
    }

    bool consume(char c) {
        if (pos_ < text_.size() && text_[pos_] == c) {
            ++pos_;
            return true;
        }
        return false;
    }

    bool consumeWord(std::string_view w) {
        if (text_.substr(pos_, w.size()) == w) {
            pos_ += w.size();
            return true;
        }
        return false;
    }

    std::optional<JsonValue> value() {
        if (pos_ >= text_.size()) return fail("expected a value");
        const char c = text_[pos_];
        if (c == '"') {
            auto s = string();
            if (!s) return std::nullopt;
            return JsonValue{std::move(*s)};
        }
        if (consumeWord("true")) return JsonValue{true};
        if (consumeWord("false")) return JsonValue{false};
        if (consumeWord("null")) return JsonValue{nullptr};
        if (c == '-' || (c >= '0' && c <= '9')) {
            auto d = number();
            if (!d) return std::nullopt;
            return JsonValue{*d};
        }
        if (c == '[') return numbers();
        if (c == '{') return fail("nested values are not supported");
        return fail("expected a value");
    }

    std::optional<double> number() {
        const std::string num(text_.substr(pos_, text_.find_first_of(",}] \t\r\n", pos_) - pos_));
        char* end = nullptr;
        const double d = std::strtod(num.c_str(), &end);
        if (num.empty() || end == num.c_str() || *end != '\0') return fail("malformed number");
        pos_ += num.size();
        return d;
    }

    std::optional<JsonValue> numbers() {
        consume('[');
        JsonNumbers out;
        skipSpace();
        if (consume(']')) return JsonValue{std::move(out)};
        for (;;) {
            skipSpace();
            if (pos_ >= text_.size() ||
                !(text_[pos_] == '-' || (text_[pos_] >= '0' && text_[pos_] <= '9')))
                return fail("only arrays of numbers are supported");
            auto d = number();
            if (!d) return std::nullopt;
            out.push_back(*d);
            skipSpace();
            if (consume(',')) continue;
            if (consume(']')) return JsonValue{std::move(out)};
            return fail("expected ',' or ']'");
        }
    }

    static void appendUtf8(std::string& out, unsigned cp) {
        if (cp < 0x80) {
            out.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    }

    std::optional<unsigned> hex4() {
        if (pos_ + 4 > text_.size()) return std::nullopt;
        unsigned v = 0;
        for (int i = 0; i < 4; ++i) {
            const char h = text_[pos_++];
            v <<= 4;
            if (h >= '0' && h <= '9')
                v |= static_cast<unsigned>(h - '0');
            else if (h >= 'a' && h <= 'f')
                v |= static_cast<unsigned>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F')
                v |= static_cast<unsigned>(h - 'A' + 10);
            else
                return std::nullopt;
        }
        return v;
    }

    std::optional<std::string> string() {
        if (!consume('"')) return fail("expected a string");
        std::string out;
        while (pos_ < text_.size()) {
            const char c = text_[pos_++];
            if (c == '"') return out;
            if (c != '\\') {
                out.push_back(c);
                continue;
            }
            if (pos_ >= text_.size()) break;
            const char e = text_[pos_++];
            switch (e) {
            case '"':
                out.push_back('"');
                break;
            case '\\':
                out.push_back('\\');
                break;
            case '/':
                out.push_back('/');
                break;
            case 'b':
                out.push_back('\b');
                break;
            case 'f':
                out.push_back('\f');
                break;
            case 'n':
                out.push_back('\n');
                break;
            case 'r':
                out.push_back('\r');
                break;
            case 't':
                out.push_back('\t');
                break;
            case 'u': {
                auto cp = hex4();
                if (!cp) return fail("malformed \\u escape");
                if (*cp >= 0xD800 && *cp < 0xDC00 && consumeWord("\\u")) {
                    auto lo = hex4();
                    if (!lo || *lo < 0xDC00 || *lo >= 0xE000)
                        return fail("malformed surrogate pair");
                    *cp = 0x10000 + ((*cp - 0xD800) << 10) + (*lo - 0xDC00);
                }
                appendUtf8(out, *cp);
                break;
            }
            default:
                return fail("unknown escape");
            }
        }
        return fail("unterminated string");
    }

    std::string_view text_;
    JsonError* error_;
    std::size_t pos_ = 0;
};

} // namespace

std::optional<JsonObject> parseFlatObject(std::string_view text, JsonError* error) {
    return Parser(text, error).object();
}

} // namespace forkscope::protocol

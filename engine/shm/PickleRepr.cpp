#include "engine/shm/PickleRepr.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace forkscope::shm {

namespace {

constexpr std::string_view kEllipsis = "\xe2\x80\xa6"; // …

struct Node {
    enum class Type { Atom, Mark, List, Tuple, Dict, Set, FrozenSet, Global, Call, Object };
    Type type = Type::Atom;
    std::string text;          // Atom: its repr; Global: "module.name"; Call/Object: the callable
    std::vector<int> children; // containers; Dict: key, value, key, value...; Call: its args
    bool open = false;         // cut while it was being built
};

// ---- repr of the atoms, as CPython writes them -------------------------------------------

std::string floatRepr(double d) {
    if (std::isnan(d)) return "nan";
    if (std::isinf(d)) return d < 0 ? "-inf" : "inf";
    if (d == 0) return std::signbit(d) ? "-0.0" : "0.0";
    char buf[64];
    // Shortest digits that read back as the same double, as Python's repr uses.
    auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    std::string sci(buf, r.ptr);
    std::string sign;
    if (sci[0] == '-') {
        sign = "-";
        sci.erase(0, 1);
    }
    const auto e = sci.find('e');
    std::string digits;
    for (std::size_t i = 0; i < e; ++i) {
        if (sci[i] != '.') digits += sci[i];
    }
    const int exponent = std::stoi(sci.substr(e + 1));
    const int decpt = exponent + 1; // digits d1 d2... mean 0.d1d2... * 10^decpt
    const int n = static_cast<int>(digits.size());
    std::string out;
    if (decpt <= -4 || decpt > 16) {
        out = digits.substr(0, 1);
        if (n > 1) out += "." + digits.substr(1);
        char eb[16];
        std::snprintf(eb, sizeof eb, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
        out += eb;
    } else if (decpt <= 0) {
        out = "0." + std::string(static_cast<std::size_t>(-decpt), '0') + digits;
    } else if (decpt >= n) {
        out = digits + std::string(static_cast<std::size_t>(decpt - n), '0') + ".0";
    } else {
        out = digits.substr(0, static_cast<std::size_t>(decpt)) + "." +
              digits.substr(static_cast<std::size_t>(decpt));
    }
    return sign + out;
}

// Little-endian two's complement, as LONG1 and LONG4 carry ints.
std::string longRepr(std::string_view bytes) {
    if (bytes.empty()) return "0";
    if (bytes.size() > 256) return "<int of " + std::to_string(bytes.size() * 8) + " bits>";
    std::vector<uint8_t> mag(bytes.begin(), bytes.end());
    const bool negative = (mag.back() & 0x80) != 0;
    if (negative) { // magnitude = two's complement negated
        bool carry = true;
        for (auto& b : mag) {
            b = static_cast<uint8_t>(~b);
            if (carry) {
                b = static_cast<uint8_t>(b + 1);
                carry = b == 0;
            }
        }
    }
    std::string digits;
    std::vector<uint8_t> be(mag.rbegin(), mag.rend()); // most significant byte first
    auto isZero = [&be] {
        for (uint8_t b : be) {
            if (b) return false;
        }
        return true;
    };
    while (!isZero()) {
        unsigned rem = 0;
        for (auto& b : be) {
            const unsigned cur = rem * 256 + b;
            b = static_cast<uint8_t>(cur / 10);
            rem = cur % 10;
        }
        digits.insert(digits.begin(), static_cast<char>('0' + rem));
    }
    const auto first = digits.find_first_not_of('0');
    digits = first == std::string::npos ? "0" : digits.substr(first);
    return (negative ? "-" : "") + digits;
}

std::size_t utf8Length(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
    }
    return n;
}

uint32_t codePoint(std::string_view s, std::size_t i, std::size_t n) {
    const auto c = static_cast<unsigned char>(s[i]);
    uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < n; ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    return cp;
}

char quoteFor(std::string_view s) {
    const bool single = s.find('\'') != std::string_view::npos;
    const bool dbl = s.find('"') != std::string_view::npos;
    return single && !dbl ? '"' : '\'';
}

std::string strRepr(std::string_view s, std::size_t budget) {
    const char q = quoteFor(s);
    std::string out(1, q);
    for (std::size_t i = 0; i < s.size() && out.size() < budget;) {
        const std::size_t n = utf8Length(s, i);
        if (n == 0) { // a surrogate pickled with surrogatepass, or a cut sequence
            out += "\\ufffd";
            ++i;
            continue;
        }
        const uint32_t cp = codePoint(s, i, n);
        char esc[16];
        if (cp == '\\')
            out += "\\\\";
        else if (cp == static_cast<uint32_t>(q))
            (out += '\\') += q;
        else if (cp == '\n')
            out += "\\n";
        else if (cp == '\r')
            out += "\\r";
        else if (cp == '\t')
            out += "\\t";
        else if (cp < 0x20 || (cp >= 0x7f && cp <= 0xa0) || cp == 0xad) {
            std::snprintf(esc, sizeof esc, "\\x%02x", cp);
            out += esc;
        } else if (cp == 0x2028 || cp == 0x2029 || (cp >= 0xd800 && cp <= 0xdfff)) {
            std::snprintf(esc, sizeof esc, "\\u%04x", cp);
            out += esc;
        } else {
            out.append(s, i, n);
        }
        i += n;
    }
    return out + q;
}

std::string bytesRepr(std::string_view s, std::size_t budget) {
    const char q = quoteFor(s);
    std::string out = "b";
    out += q;
    for (std::size_t i = 0; i < s.size() && out.size() < budget; ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        char esc[8];
        if (c == '\\')
            out += "\\\\";
        else if (c == static_cast<unsigned char>(q))
            (out += '\\') += q;
        else if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else if (c == '\t')
            out += "\\t";
        else if (c < 0x20 || c >= 0x7f) {
            std::snprintf(esc, sizeof esc, "\\x%02x", c);
            out += esc;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + q;
}

// ---- the pickle machine -------------------------------------------------------------------

class Machine {
public:
    Machine(std::string_view data, std::size_t budget) : d_(data), budget_(budget) {}

    // Runs to STOP or to the end of the bytes; returns the result node, -1 if none.
    int run(bool* cut) {
        *cut = false;
        while (pos_ < d_.size()) {
            const auto op = static_cast<unsigned char>(d_[pos_++]);
            if (op == '.') return stack_.empty() ? -1 : stack_.back();
            if (!step(op)) {
                *cut = true;
                return collapse();
            }
        }
        *cut = true;
        return collapse();
    }

    std::string render(int node, std::size_t limit) {
        std::string out;
        std::unordered_set<int> active;
        renderInto(out, node, limit, active);
        return out;
    }

private:
    bool need(std::size_t n) const { return d_.size() - pos_ >= n; }
    uint64_t le(std::size_t n) {
        uint64_t v = 0;
        for (std::size_t k = 0; k < n; ++k)
            v |= static_cast<uint64_t>(static_cast<unsigned char>(d_[pos_ + k])) << (8 * k);
        pos_ += n;
        return v;
    }
    int push(Node n) {
        nodes_.push_back(std::move(n));
        stack_.push_back(static_cast<int>(nodes_.size()) - 1);
        return stack_.back();
    }
    int atom(std::string text) { return push({Node::Type::Atom, std::move(text), {}, false}); }
    int pop() {
        if (stack_.empty()) return -1;
        const int n = stack_.back();
        stack_.pop_back();
        return n;
    }
    int top() const { return stack_.empty() ? -1 : stack_.back(); }
    // Pops everything down to the last mark (removed too), in stack order.
    bool popMark(std::vector<int>* items) {
        for (std::size_t i = stack_.size(); i > 0; --i) {
            if (nodes_[static_cast<std::size_t>(stack_[i - 1])].type == Node::Type::Mark) {
                items->assign(stack_.begin() + static_cast<std::ptrdiff_t>(i), stack_.end());
                stack_.resize(i - 1);
                return true;
            }
        }
        return false;
    }
    Node& node(int i) { return nodes_[static_cast<std::size_t>(i)]; }

    // A string argument of `n` bytes, read only as far as the output could need it.
    bool text(std::size_t n, bool isBytes, bool isByteArray = false) {
        const std::size_t have = std::min(n, d_.size() - pos_);
        const std::string_view s = d_.substr(pos_, std::min(have, budget_ * 4 + 16));
        std::string r = isBytes ? bytesRepr(s, budget_ + 8) : strRepr(s, budget_ + 8);
        if (have < n || s.size() < n) {
            // Cut: the closing quote is not really there.
            r.pop_back();
            r += kEllipsis;
        }
        if (isByteArray) r = "bytearray(" + r + ")";
        atom(std::move(r));
        pos_ += have;
        return have == n;
    }

    bool global(std::string module, std::string name) {
        push({Node::Type::Global, module == "builtins" ? name : module + "." + name, {}, false});
        return true;
    }

    bool step(unsigned char op) {
        switch (op) {
        case 0x80: // PROTO
            if (!need(1)) return false;
            ++pos_;
            return true;
        case 0x95: // FRAME
            if (!need(8)) return false;
            pos_ += 8;
            return true;
        case '(':
            push({Node::Type::Mark, {}, {}, false});
            return true;
        case '0':
            pop();
            return true;
        case '1': {
            std::vector<int> ignored;
            popMark(&ignored);
            return true;
        }
        case '2':
            if (top() >= 0) stack_.push_back(top());
            return true;
        case 'N':
            atom("None");
            return true;
        case 0x88:
            atom("True");
            return true;
        case 0x89:
            atom("False");
            return true;
        case 'J':
            if (!need(4)) return false;
            atom(std::to_string(static_cast<int32_t>(static_cast<uint32_t>(le(4)))));
            return true;
        case 'K':
            if (!need(1)) return false;
            atom(std::to_string(le(1)));
            return true;
        case 'M':
            if (!need(2)) return false;
            atom(std::to_string(le(2)));
            return true;
        case 0x8a:
        case 0x8b: {
            const std::size_t w = op == 0x8a ? 1 : 4;
            if (!need(w)) return false;
            const std::size_t n = le(w);
            if (!need(n)) return false;
            atom(longRepr(d_.substr(pos_, n)));
            pos_ += n;
            return true;
        }
        case 'G': {
            if (!need(8)) return false;
            uint64_t bits = 0;
            for (int k = 0; k < 8; ++k)
                bits = (bits << 8) | static_cast<unsigned char>(d_[pos_ + k]);
            pos_ += 8;
            double v;
            std::memcpy(&v, &bits, sizeof v);
            atom(floatRepr(v));
            return true;
        }
        case 0x8c:  // SHORT_BINUNICODE
        case 'X':   // BINUNICODE
        case 0x8d:  // BINUNICODE8
        case 'U':   // SHORT_BINSTRING (Python 2 str)
        case 'T': { // BINSTRING
            const std::size_t w = (op == 0x8c || op == 'U') ? 1 : (op == 'X' || op == 'T') ? 4 : 8;
            if (!need(w)) return false;
            return text(le(w), false);
        }
        case 'C':
        case 'B':
        case 0x8e:
        case 0x96: {
            const std::size_t w = op == 'C' ? 1 : op == 'B' ? 4 : 8;
            if (!need(w)) return false;
            return text(le(w), true, op == 0x96);
        }
        case ']':
            push({Node::Type::List, {}, {}, false});
            return true;
        case ')':
            push({Node::Type::Tuple, {}, {}, false});
            return true;
        case '}':
            push({Node::Type::Dict, {}, {}, false});
            return true;
        case 0x8f:
            push({Node::Type::Set, {}, {}, false});
            return true;
        case 0x85:
        case 0x86:
        case 0x87: {
            const std::size_t n = op - 0x84u;
            if (stack_.size() < n) return false;
            Node t{Node::Type::Tuple, {}, {}, false};
            t.children.assign(stack_.end() - static_cast<std::ptrdiff_t>(n), stack_.end());
            stack_.resize(stack_.size() - n);
            push(std::move(t));
            return true;
        }
        case 't':
        case 'l':
        case 'd':
        case 0x91: {
            std::vector<int> items;
            if (!popMark(&items)) return false;
            const Node::Type type = op == 't'   ? Node::Type::Tuple
                                    : op == 'l' ? Node::Type::List
                                    : op == 'd' ? Node::Type::Dict
                                                : Node::Type::FrozenSet;
            push({type, {}, std::move(items), false});
            return true;
        }
        case 'a': {
            const int v = pop();
            if (v < 0 || top() < 0) return false;
            node(top()).children.push_back(v);
            return true;
        }
        case 's': {
            const int v = pop(), k = pop();
            if (k < 0 || top() < 0) return false;
            node(top()).children.push_back(k);
            node(top()).children.push_back(v);
            return true;
        }
        case 'e':
        case 'u':
        case 0x90: {
            std::vector<int> items;
            if (!popMark(&items) || top() < 0) return false;
            auto& c = node(top()).children;
            c.insert(c.end(), items.begin(), items.end());
            return true;
        }
        case 0x94: // MEMOIZE
            if (top() >= 0) memo_[static_cast<uint64_t>(memo_.size())] = top();
            return true;
        case 'q':
        case 'r': {
            const std::size_t w = op == 'q' ? 1 : 4;
            if (!need(w)) return false;
            const uint64_t i = le(w);
            if (top() >= 0) memo_[i] = top();
            return true;
        }
        case 'h':
        case 'j': {
            const std::size_t w = op == 'h' ? 1 : 4;
            if (!need(w)) return false;
            auto it = memo_.find(le(w));
            if (it == memo_.end()) return false;
            stack_.push_back(it->second);
            return true;
        }
        case 'c': { // GLOBAL "module\nname\n"
            const auto nl1 = d_.find('\n', pos_);
            if (nl1 == std::string_view::npos) return false;
            const auto nl2 = d_.find('\n', nl1 + 1);
            if (nl2 == std::string_view::npos) return false;
            std::string module(d_.substr(pos_, nl1 - pos_)),
                name(d_.substr(nl1 + 1, nl2 - nl1 - 1));
            pos_ = nl2 + 1;
            return global(module, name);
        }
        case 0x93: { // STACK_GLOBAL
            const int name = pop(), module = pop();
            if (name < 0 || module < 0) return false;
            auto unquote = [this](int i) {
                std::string t = node(i).text;
                return t.size() >= 2 ? t.substr(1, t.size() - 2) : t;
            };
            return global(unquote(module), unquote(name));
        }
        case 'R':
        case 0x81: {
            const int args = pop(), callable = pop();
            if (args < 0 || callable < 0) return false;
            Node n{
                op == 'R' ? Node::Type::Call : Node::Type::Object, node(callable).text, {}, false};
            if (op == 'R') n.children = node(args).children;
            push(std::move(n));
            return true;
        }
        case 0x92: { // NEWOBJ_EX
            pop();
            pop();
            const int cls = pop();
            if (cls < 0) return false;
            push({Node::Type::Object, node(cls).text, {}, false});
            return true;
        }
        case 'b': // BUILD: the state does not change what we show
            pop();
            return top() >= 0;
        case 'Q': // BINPERSID
            pop();
            atom("<persistent object>");
            return true;
        case 0x97:
        case 0x98:
            atom("<buffer>");
            return true;
        default:
            return false; // protocol 0 text opcodes, extensions: show what we have
        }
    }

    // The bytes ended before STOP: fold what is on the stack into the containers being built.
    int collapse() {
        while (true) {
            std::size_t markAt = stack_.size();
            for (std::size_t i = stack_.size(); i > 0; --i) {
                if (node(stack_[i - 1]).type == Node::Type::Mark) {
                    markAt = i - 1;
                    break;
                }
            }
            if (markAt == stack_.size()) break;
            std::vector<int> items(stack_.begin() + static_cast<std::ptrdiff_t>(markAt) + 1,
                                   stack_.end());
            stack_.resize(markAt);
            const int below = top();
            const bool container = below >= 0 && (node(below).type == Node::Type::List ||
                                                  node(below).type == Node::Type::Dict ||
                                                  node(below).type == Node::Type::Set);
            if (container) {
                auto& c = node(below).children;
                c.insert(c.end(), items.begin(), items.end());
                node(below).open = true;
            } else {
                push({Node::Type::Tuple, {}, std::move(items), true});
            }
        }
        if (stack_.empty()) return -1;
        // Several values left: either they were going into the container below them (one
        // APPEND or SETITEM away), or they are the items of a tuple of two or three (TUPLE2,
        // TUPLE3 come after their items, without a mark).
        if (stack_.size() > 1) {
            const int root = stack_.front();
            const auto type = node(root).type;
            if (type == Node::Type::List || type == Node::Type::Set || type == Node::Type::Dict) {
                for (std::size_t i = 1; i < stack_.size(); ++i)
                    node(root).children.push_back(stack_[i]);
                if (type == Node::Type::Dict && node(root).children.size() % 2)
                    node(root).children.pop_back();
                node(root).open = true;
                return root;
            }
            return push(
                {Node::Type::Tuple, {}, std::vector<int>(stack_.begin(), stack_.end()), true});
        }
        node(stack_.back()).open = true;
        return stack_.back();
    }

    void renderInto(std::string& out, int i, std::size_t limit, std::unordered_set<int>& active) {
        if (out.size() > limit) return;
        Node& n = node(i);
        auto seq = [&](const char* open, const char* close, bool tuple) {
            if (!active.insert(i).second) { // a container that holds itself
                out += open;
                out += "...";
                out += close;
                return;
            }
            out += open;
            for (std::size_t k = 0; k < n.children.size(); ++k) {
                if (k) out += ", ";
                if (out.size() > limit) break;
                renderInto(out, n.children[k], limit, active);
            }
            if (n.open)
                out += n.children.empty() ? std::string(kEllipsis) : ", " + std::string(kEllipsis);
            else if (tuple && n.children.size() == 1)
                out += ",";
            out += close;
            active.erase(i);
        };
        switch (n.type) {
        case Node::Type::Atom:
            out += n.text;
            break;
        case Node::Type::Mark:
            break;
        case Node::Type::List:
            seq("[", "]", false);
            break;
        case Node::Type::Tuple:
            seq("(", ")", true);
            break;
        case Node::Type::Set:
            if (n.children.empty() && !n.open)
                out += "set()";
            else
                seq("{", "}", false);
            break;
        case Node::Type::FrozenSet:
            out += "frozenset(";
            if (!n.children.empty()) seq("{", "}", false);
            out += ")";
            break;
        case Node::Type::Dict: {
            if (!active.insert(i).second) {
                out += "{...}";
                break;
            }
            out += "{";
            for (std::size_t k = 0; k + 1 < n.children.size(); k += 2) {
                if (k) out += ", ";
                if (out.size() > limit) break;
                renderInto(out, n.children[k], limit, active);
                out += ": ";
                renderInto(out, n.children[k + 1], limit, active);
            }
            if (n.open)
                out += n.children.empty() ? std::string(kEllipsis) : ", " + std::string(kEllipsis);
            out += "}";
            active.erase(i);
            break;
        }
        case Node::Type::Global:
            out += "<" + n.text + ">";
            break;
        case Node::Type::Call:
            if (n.text.find('.') == std::string::npos) {
                if (n.text == "complex" && n.children.size() == 2) {
                    renderComplex(out, n);
                    break;
                }
                // A builtin rebuilt by a call reads as the call: ValueError('x'), bytearray(b'').
                out += n.text;
                seq("(", ")", false);
                break;
            }
            out += "<" + n.text + " object>";
            break;
        case Node::Type::Object:
            out += "<" + n.text + " object>";
            break;
        }
    }

    void renderComplex(std::string& out, const Node& n) {
        auto part = [this](int i) {
            std::string t = node(i).text;
            if (t.size() > 2 && t.compare(t.size() - 2, 2, ".0") == 0) t.resize(t.size() - 2);
            return t;
        };
        const std::string re = part(n.children[0]), im = part(n.children[1]);
        if (re == "0") {
            out += im + "j";
            return;
        }
        out += "(" + re + (im[0] == '-' ? "" : "+") + im + "j)";
    }

    std::string_view d_;
    std::size_t budget_;
    std::size_t pos_ = 0;
    std::vector<Node> nodes_;
    std::vector<int> stack_;
    std::unordered_map<uint64_t, int> memo_;
};

// Cuts `s` to `limit` code points, the last being "…" when something was cut.
std::string clip(std::string s, std::size_t limit) {
    // A code point is at least a byte: a short repr (every number) fits without counting.
    if (s.size() <= limit) return s;
    std::size_t points = 0, i = 0;
    while (i < s.size()) {
        const std::size_t n = std::max<std::size_t>(utf8Length(s, i), 1);
        if (points == limit - 1) {
            // One more code point fits only if it is the last one.
            if (i + n >= s.size()) return s;
            s.resize(i);
            return s + std::string(kEllipsis);
        }
        ++points;
        i += n;
    }
    return s;
}

// The one-value pickles a queue of numbers or short strings is made of, without the machine:
// the engine shows every one of a hundred thousand operations.
bool simpleRepr(std::string_view d, std::size_t limit, std::string* out) {
    const std::size_t n = d.size();
    if (n < 4 || d[0] != '\x80' || d[n - 1] != '.') return false;
    const char* a = d.data() + 3;
    const std::size_t argLen = n - 4;
    auto le = [a](std::size_t w) {
        uint64_t v = 0;
        for (std::size_t k = 0; k < w; ++k)
            v |= static_cast<uint64_t>(static_cast<unsigned char>(a[k])) << (8 * k);
        return v;
    };
    switch (d[2]) {
    case 'N':
        *out = "None";
        return argLen == 0;
    case '\x88':
        *out = "True";
        return argLen == 0;
    case '\x89':
        *out = "False";
        return argLen == 0;
    case 'K':
    case 'M': {
        const std::size_t w = d[2] == 'K' ? 1 : 2;
        if (argLen != w) return false;
        *out = std::to_string(le(w));
        return true;
    }
    case 'J':
        if (argLen != 4) return false;
        *out = std::to_string(static_cast<int32_t>(static_cast<uint32_t>(le(4))));
        return true;
    case '\x8c':
    case 'C': {
        const std::size_t k = static_cast<unsigned char>(a[0]);
        if (argLen != k + 1 || k * 4 + 8 > limit * 4) return false;
        const std::string_view text(a + 1, k);
        *out = d[2] == 'C' ? bytesRepr(text, limit * 4) : strRepr(text, limit * 4);
        return true;
    }
    default:
        return false;
    }
}

} // namespace

std::string pickleRepr(std::string_view pickled, bool complete, std::size_t limit) {
    if (limit < 2) limit = 2;
    if (std::string out; complete && simpleRepr(pickled, limit, &out))
        return clip(std::move(out), limit);
    Machine m(pickled, limit);
    bool cut = false;
    const int root = m.run(&cut);
    if (root < 0) return std::string(kEllipsis);
    std::string out = m.render(root, limit * 4);
    (void)complete; // a cut pickle shows its ellipsis where the cut is
    return clip(std::move(out), limit);
}

} // namespace forkscope::shm

// The engine shows queue items from their pickled bytes: built-in values must read exactly as
// Python's repr() shows them. The expectations come from the system Python itself.

#include "engine/shm/PickleRepr.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

using forkscope::shm::pickleRepr;

namespace {

// Runs the system Python on `program`, which prints one "HEX<tab>REPR" line per value.
std::vector<std::pair<std::string, std::string>> fromPython(const std::string& program) {
    // A file of its own: another test, or another build's suite, may be doing the same now.
    char name[] = "/tmp/forkscope-pickle-repr-XXXXXX.py";
    const int fd = mkstemps(name, 3);
    REQUIRE(fd >= 0);
    const std::string path = name;
    FILE* f = fdopen(fd, "w");
    REQUIRE(f);
    std::fputs(program.c_str(), f);
    std::fclose(f);
    FILE* p = popen((std::string(FORKSCOPE_SYSTEM_PYTHON) + " " + path).c_str(), "r");
    REQUIRE(p);
    std::vector<std::pair<std::string, std::string>> out;
    char buf[65536];
    while (std::fgets(buf, sizeof buf, p)) {
        std::string line(buf);
        if (!line.empty() && line.back() == '\n') line.pop_back();
        const auto tab = line.find('\t');
        REQUIRE(tab != std::string::npos);
        std::string bytes;
        for (std::size_t i = 0; i + 1 < tab; i += 2)
            bytes += static_cast<char>(std::stoi(line.substr(i, 2), nullptr, 16));
        out.emplace_back(bytes, line.substr(tab + 1));
    }
    REQUIRE(pclose(p) == 0);
    std::remove(path.c_str());
    return out;
}

std::size_t codePoints(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        n += (c & 0xC0) != 0x80;
    return n;
}

} // namespace

TEST_CASE("built-in values read as Python's repr() shows them", "[shm][repr]") {
    const auto cases = fromPython(R"(
import pickle, sys
values = [None, True, False, 0, 1, 255, 256, 65535, 65536, -1, -256, 2**31 - 1, 2**31, -2**31,
          -2**31 - 1, 2**63, -2**63, -2**70, 10**30, 1.5, 0.1, -2.5, 1e16, 1e15, 123456789012345678.0,
          1e-5, 0.0001, 1e22, -0.0, 0.0, float('inf'), float('-inf'), float('nan'), 3.141592653589793,
          'hello', "it's", 'say "hi"', 'both \' and "', 'tab\there\nnew', '\u00e9 \u00fcn\u00ef \u2603',
          '\x00\x7f\x9f', '', 'back\\slash', b'', b'ab\x00\xff', b"it's", bytearray(b'xy'), (), (1,),
          (1, 2), (1, 2, 3), (1, 2, 3, 4), [], [1, [2, [3]]], {}, {'a': 1, 'b': [2, (3,)]}, set(),
          {1, 2, 3}, frozenset(), frozenset({7}), ValueError('bad'), KeyError(1), 3+4j, 1j, -1.5-2j,
          [None] * 3, ('x', b'y', 1.0, [{}])]
for v in values:
    for protocol in (4, 5):
        print(pickle.dumps(v, protocol).hex() + '\t' + repr(v))
)");
    REQUIRE(cases.size() > 100);
    for (const auto& [bytes, expected] : cases) {
        INFO("expected " << expected);
        CHECK(pickleRepr(bytes, true, 200) == expected);
    }
}

TEST_CASE("a value shown from its first bytes only ends with an ellipsis, within the limit",
          "[shm][repr]") {
    const auto cases = fromPython(R"(
import pickle
for v in [list(range(10000)), 'x' * 5000, b'\x01' * 5000, {i: str(i) for i in range(1000)},
          (1, 'two', b'\x00' * 10**6), [[1, 2], [3, 4]] * 100]:
    print(pickle.dumps(v, 4)[:90].hex() + '\t' + repr(v)[:40])
)");
    for (const auto& [prefix, expected] : cases) {
        const std::string shown = pickleRepr(prefix, false, 80);
        INFO("shown " << shown << " for " << expected);
        CHECK(codePoints(shown) <= 80);
        CHECK(shown.substr(shown.size() - 3) == "\xe2\x80\xa6");
        // What is shown is the start of the real repr.
        const std::string head = shown.substr(0, std::min<std::size_t>(8, shown.size() - 3));
        CHECK(expected.rfind(head, 0) == 0);
    }
}

TEST_CASE("long values are cut to the limit, and other objects read as their class",
          "[shm][repr]") {
    const auto cases = fromPython(R"(
import pickle
class Point:
    def __init__(self): self.x = 1
l = [1]; l.append(l)
print(pickle.dumps(list(range(1000)), 4).hex() + '\t' + 'list')
print(pickle.dumps(Point(), 4).hex() + '\t' + 'point')
print(pickle.dumps(l, 4).hex() + '\t' + 'self')
print(pickle.dumps(print, 4).hex() + '\t' + 'function')
)");
    REQUIRE(cases.size() == 4);
    const std::string list = pickleRepr(cases[0].first, true, 80);
    CHECK(codePoints(list) == 80);
    CHECK(list.rfind("[0, 1, 2, 3, ", 0) == 0);
    CHECK(pickleRepr(cases[1].first, true) == "<__main__.Point object>");
    CHECK(pickleRepr(cases[2].first, true) == "[1, [...]]");
    CHECK(pickleRepr(cases[3].first, true) == "<print>");
    CHECK(pickleRepr("", true) == "\xe2\x80\xa6");
    CHECK(pickleRepr("garbage that is not a pickle", true).size() <= 80 * 4);
}

#include "engine/proc/SchedStat.h"

#include <catch2/catch.hpp>

using forkscope::proc::parseSchedStat;

TEST_CASE("parseSchedStat reads run time, run-queue wait and timeslices", "[proc]") {
    const auto s = parseSchedStat("587221 1043 17\n");
    REQUIRE(s);
    CHECK(s->runNs == 587221);
    CHECK(s->waitNs == 1043);
    CHECK(s->slices == 17);

    const auto big = parseSchedStat("18446744073709551615 0 1");
    REQUIRE(big);
    CHECK(big->runNs == 18446744073709551615ULL);
}

TEST_CASE("parseSchedStat refuses malformed text", "[proc]") {
    CHECK_FALSE(parseSchedStat(""));
    CHECK_FALSE(parseSchedStat("\n"));
    CHECK_FALSE(parseSchedStat("1 2"));
    CHECK_FALSE(parseSchedStat("1 2 "));
    CHECK_FALSE(parseSchedStat("a b c"));
    CHECK_FALSE(parseSchedStat("1 -2 3"));
    CHECK_FALSE(parseSchedStat(" 1 2 3"));
    CHECK_FALSE(parseSchedStat("1  2 3"));
    CHECK_FALSE(parseSchedStat("1 2 3x"));
    CHECK_FALSE(parseSchedStat("18446744073709551616 0 1")); // overflows 64 bits
}

// The engine's code and a lesson process's data in huge pages (engine/image/HugeText.h,
// HugeData.h), as the run's processes have them.

#include "engine/image/HugePages.h"

#include "tests/engine/EngineSession.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>

using namespace forkscope::testing;

namespace {

using forkscope::image::hugePagesOffered;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true; // the engine moves neither code nor data then
#else
constexpr bool kAddressSanitizer = false;
#endif

struct ScopedEnv {
    ScopedEnv(const char* name, const char* value) : name_(name) { setenv(name, value, 1); }
    ~ScopedEnv() { unsetenv(name_); }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;
    const char* name_;
};

} // namespace

TEST_CASE("every process of a run has the engine's code in huge pages where the kernel offers "
          "them, and in file pages when asked",
          "[engine][image]") {
    SECTION("by default") {
        const EngineRun r = runEngine({scriptPath("code_pages.py")});
        REQUIRE(r.status == 0);
        if (hugePagesOffered() && !kAddressSanitizer) {
            CHECK(r.stdoutText() == "main huge\nchild huge\n");
        } else {
            WARN("no transparent huge pages, or AddressSanitizer: the code stays in file pages");
            CHECK(r.stdoutText() == "main file\nchild file\n");
        }
    }
    SECTION("with FORKSCOPE_FILE_TEXT=1") {
        ScopedEnv env("FORKSCOPE_FILE_TEXT", "1");
        const EngineRun r = runEngine({scriptPath("code_pages.py")});
        REQUIRE(r.status == 0);
        CHECK(r.stdoutText() == "main file\nchild file\n");
    }
}

TEST_CASE("a lesson process has its data, heap and object arenas in huge pages that its child "
          "shares, and in small pages when asked",
          "[engine][image]") {
    auto check = [](const char* expected) {
        const EngineRun r = runEngine({scriptPath("data_pages.py")});
        REQUIRE(r.status == 0);
        if (r.stdoutText().find("unknown") != std::string::npos)
            WARN("only root may read which pages are huge (/proc/kpageflags): nothing checked");
        else
            CHECK(r.stdoutText() == expected);
    };
    if (kAddressSanitizer) {
        // Its allocator has no [heap], and its runtime maps memory its own way: the script
        // still runs, but which pages are huge is not the engine's doing.
        WARN("AddressSanitizer: the engine leaves the data alone, nothing checked");
        const EngineRun r = runEngine({scriptPath("data_pages.py")});
        CHECK(r.status == 0);
        return;
    }
    const char* small = "child data small heap small arena small\n"
                        "main data small heap small arena small\n";
    SECTION("by default") {
        if (hugePagesOffered()) {
            check("child data huge heap huge arena huge\n"
                  "main data huge heap huge arena huge\n");
        } else {
            WARN("this kernel offers no transparent huge pages: the data stays in small pages");
            check(small);
        }
    }
    SECTION("with FORKSCOPE_SMALL_DATA=1") {
        ScopedEnv env("FORKSCOPE_SMALL_DATA", "1");
        check(small);
    }
}

TEST_CASE("a lesson process's data on huge pages gives a fork no more page-table entries to copy",
          "[engine][image]") {
    // The huge pages fill every page of the memory moved; the pages the process had not
    // touched must be dropped again, or each fork and each child's exit pays for them.
    if (kAddressSanitizer) {
        // Nothing moves, and its shadow memory is terabytes of writable mappings to count.
        WARN("AddressSanitizer: the engine leaves the data alone, nothing checked");
        return;
    }
    auto entries = [] {
        const EngineRun r = runEngine({scriptPath("data_entries.py")});
        REQUIRE(r.status == 0);
        const std::string out = r.stdoutText();
        REQUIRE(out.rfind("entries ", 0) == 0);
        return std::stoi(out.substr(8));
    };
    const int moved = entries();
    int small = 0;
    {
        ScopedEnv env("FORKSCOPE_SMALL_DATA", "1");
        small = entries();
    }
    INFO("with the data on huge pages: " << moved << ", without: " << small);
    CHECK(small > 500); // a Python process has a few MiB of it
    CHECK(moved <= small + small / 20);
}

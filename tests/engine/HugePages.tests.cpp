// The engine's code and a lesson process's data in huge pages (engine/image/HugeText.h,
// HugeData.h), as the run's processes have them.

#include "engine/image/HugePages.h"

#include "engine/image/HugeData.h"
#include "tests/engine/EngineSession.h"

#include <array>
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

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

// 256 KiB: four of the 64 KiB windows a read fault maps at once, so none is mapped by a
// neighbour's fault.
constexpr std::size_t kPatternWords = 1 << 16;

constexpr std::uint32_t patternAt(std::size_t i) {
    return static_cast<std::uint32_t>(i * 2654435761u + 1);
}

constexpr std::array<std::uint32_t, kPatternWords> makePattern() {
    std::array<std::uint32_t, kPatternWords> a{};
    for (std::size_t i = 0; i < a.size(); ++i)
        a[i] = patternAt(i);
    return a;
}

} // namespace

// Initialised, writable and never read before the move below: pages of the program file's
// data that have no page-table entry yet, whose contents are the file's, not zeros. External
// linkage, so that the compiler cannot prove it constant and move it to read-only data.
alignas(1 << 16) constinit std::array<std::uint32_t, kPatternWords> forkscopeUntouchedData =
    makePattern();

TEST_CASE("moving a process's data onto huge pages keeps what its untouched pages hold",
          "[engine][image]") {
    if (kAddressSanitizer || !hugePagesOffered()) {
        WARN("no transparent huge pages, or AddressSanitizer: nothing moves, nothing checked");
        return;
    }
    // In a child of its own: the move wants one thread, and it changes the whole process.
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        if (!forkscope::image::moveDataToHugePages()) _exit(2);
        std::size_t wrong = 0;
        for (std::size_t i = 0; i < kPatternWords; ++i)
            wrong += forkscopeUntouchedData[i] != patternAt(i);
        _exit(wrong == 0 ? 0 : 1);
    }
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFEXITED(status));
    if (WEXITSTATUS(status) == 2) {
        // Whether it moves is the data_pages test's to check; here there is nothing to compare.
        WARN("the data did not move (no free huge page?): nothing checked");
        return;
    }
    INFO("some of the program's initialised data read back different after the move");
    CHECK(WEXITSTATUS(status) == 0);
}

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

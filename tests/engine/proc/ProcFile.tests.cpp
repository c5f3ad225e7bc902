#include "engine/proc/ProcFile.h"

#include <catch2/catch.hpp>
#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <string>
#include <type_traits>
#include <unistd.h>

using forkscope::proc::ProcFile;

static_assert(!std::is_copy_constructible_v<ProcFile>);
static_assert(!std::is_copy_assignable_v<ProcFile>);
static_assert(std::is_nothrow_move_constructible_v<ProcFile>);
static_assert(std::is_nothrow_move_assignable_v<ProcFile>);

namespace {

// A scratch directory with one regular file: pread works the same on it, and unlike a /proc
// file its content is under the test's control.
struct ScratchFile {
    std::string dir;
    int dirFd = -1;
    ScratchFile() {
        char templ[] = "/tmp/forkscope-procfile-XXXXXX";
        REQUIRE(::mkdtemp(templ) != nullptr);
        dir = templ;
        dirFd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        REQUIRE(dirFd >= 0);
    }
    ~ScratchFile() {
        ::unlinkat(dirFd, "f", 0);
        ::close(dirFd);
        ::rmdir(dir.c_str());
    }
    void write(const std::string& content) const {
        const int fd = ::openat(dirFd, "f", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        REQUIRE(fd >= 0);
        REQUIRE(::write(fd, content.data(), content.size()) ==
                static_cast<ssize_t>(content.size()));
        ::close(fd);
    }
};

} // namespace

TEST_CASE("ProcFile reads a /proc file of the calling process", "[proc]") {
    const int self = ::open("/proc/self", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    REQUIRE(self >= 0);
    ProcFile file = ProcFile::open(self, "status");
    ::close(self);
    REQUIRE(file.valid());
    const auto text = file.read();
    REQUIRE(text);
    CHECK(text->starts_with("Name:"));
    CHECK(text->find("\nPid:\t" + std::to_string(::getpid()) + "\n") != std::string_view::npos);
    CHECK(text->back() == '\n');
}

TEST_CASE("ProcFile re-reads from the start each time and grows for large content", "[proc]") {
    ScratchFile scratch;
    scratch.write("first");
    ProcFile file = ProcFile::open(scratch.dirFd, "f");
    REQUIRE(file.valid());
    auto text = file.read();
    REQUIRE(text);
    CHECK(*text == "first");
    CHECK(*file.read() == "first"); // not at EOF after the first read

    std::string big(100'000, 'x');
    big[0] = 'a';
    big.back() = 'z';
    scratch.write(big); // same inode, truncated and rewritten
    text = file.read();
    REQUIRE(text);
    CHECK(text->size() == big.size());
    CHECK(*text == big);

    scratch.write("short again");
    CHECK(*file.read() == "short again");

    // Exactly a power of two: a full buffer must not be taken for the whole file.
    scratch.write(std::string(4096, 'y'));
    CHECK(file.read()->size() == 4096);
    CHECK(file.error() == 0);
}

TEST_CASE("ProcFile reports a failed open and read without throwing", "[proc]") {
    const int self = ::open("/proc/self", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    REQUIRE(self >= 0);
    ProcFile missing = ProcFile::open(self, "no-such-file");
    ::close(self);
    CHECK_FALSE(missing.valid());
    CHECK(missing.error() == ENOENT);
    CHECK_FALSE(missing.read());
    CHECK(missing.error() == ENOENT);

    ProcFile none;
    CHECK_FALSE(none.valid());
    CHECK_FALSE(none.read());
    CHECK(none.error() == EBADF);
}

TEST_CASE("ProcFile moves its descriptor, leaving the source invalid", "[proc]") {
    ScratchFile scratch;
    scratch.write("moved");
    ProcFile a = ProcFile::open(scratch.dirFd, "f");
    REQUIRE(a.valid());
    ProcFile b = std::move(a);
    CHECK_FALSE(a.valid()); // NOLINT(bugprone-use-after-move): the moved-from state is specified
    REQUIRE(b.valid());
    CHECK(*b.read() == "moved");
    ProcFile c;
    c = std::move(b);
    CHECK_FALSE(b.valid()); // NOLINT(bugprone-use-after-move)
    CHECK(*c.read() == "moved");
}

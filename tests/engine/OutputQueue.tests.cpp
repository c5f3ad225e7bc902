#include "engine/OutputQueue.h"

#include <catch2/catch.hpp>

#include <cerrno>
#include <fcntl.h>
#include <string>
#include <thread>
#include <unistd.h>

using forkscope::OutputQueue;

namespace {

struct Pipe {
    int read = -1, write = -1;
    Pipe() {
        int fds[2];
        REQUIRE(pipe2(fds, O_CLOEXEC) == 0);
        read = fds[0];
        write = fds[1];
    }
    ~Pipe() {
        if (read >= 0) close(read);
        if (write >= 0) close(write);
    }
};

std::string readAll(int fd) {
    std::string all;
    char buf[1 << 16];
    for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) != 0;) {
        if (n > 0)
            all.append(buf, static_cast<std::size_t>(n));
        else if (errno != EINTR)
            break;
    }
    return all;
}

std::string chunkOf(char c, std::size_t bytes) {
    std::string s(bytes - 1, c);
    s += '\n';
    return s;
}

} // namespace

TEST_CASE("events reach a reader that lags, whole and in order", "[engine][output]") {
    Pipe p;
    std::string expected;
    std::string got;
    {
        OutputQueue out(p.write);
        // More than the pipe holds: the rest waits in the queue while nobody reads.
        for (char c = 'a'; c <= 'h'; ++c) {
            std::string chunk = out.takeBuffer();
            chunk += chunkOf(c, 300 << 10);
            expected += chunk;
            out.push(std::move(chunk));
            out.writeSome();
        }
        REQUIRE(out.pending());
        std::thread reader([&] { got = readAll(p.read); });
        out.writeAll();
        CHECK_FALSE(out.pending());
        close(p.write);
        p.write = -1;
        reader.join();
    }
    CHECK(got.size() == expected.size());
    CHECK(got == expected);
}

TEST_CASE("a chunk written out lends its memory to the next", "[engine][output]") {
    Pipe p;
    OutputQueue out(p.write);
    std::thread reader([&] { readAll(p.read); });

    SECTION("a big chunk is kept, emptied") {
        out.push(chunkOf('x', 256 << 10));
        out.writeAll();
        const std::string next = out.takeBuffer();
        CHECK(next.empty());
        // The flood's next chunk fills it without growing through fresh allocations.
        CHECK(next.capacity() >= (256 << 10));
        CHECK(out.takeBuffer().capacity() < (256 << 10)); // only one was written
    }
    SECTION("a small one is not worth keeping") {
        out.push(chunkOf('y', 100));
        out.writeAll();
        CHECK(out.takeBuffer().capacity() < 4096);
    }
    SECTION("nothing is lent while it is still being written") {
        out.push(chunkOf('z', 256 << 10));
        const std::string next = out.takeBuffer();
        CHECK(next.capacity() < (256 << 10));
        out.writeAll();
    }
    close(p.write);
    p.write = -1;
    reader.join();
}

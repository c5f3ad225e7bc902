// The messages lesson processes send the engine: the allocation-free encoding a process uses
// around a fork gives the same bytes as the ordinary one, and a Born's pidfd travels with it.

#include "engine/channel/Message.h"

#include <catch2/catch.hpp>
#include <cstring>
#include <string>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace forkscope;

namespace {

channel::Message born(int pid, std::string name) {
    return {channel::MessageType::Born,
            pid,
            7,
            static_cast<int32_t>(channel::SpawnHow::Process),
            0,
            std::move(name),
            {}};
}

} // namespace

TEST_CASE("a message encoded into a buffer is byte for byte the allocated encoding",
          "[engine][protocol]") {
    const channel::Message m{channel::MessageType::Error, 12, 1, 40, 0, "lesson.py", "Boom"};
    char buf[256];
    const std::size_t n = channel::encode(m, buf, sizeof buf);
    REQUIRE(n > 0);
    CHECK(std::string(buf, n) == channel::encode(m));
    const auto back = channel::decode(std::string_view(buf, n));
    REQUIRE(back);
    CHECK(back->pid == 12);
    CHECK(back->b == 40);
    CHECK(back->text1 == "lesson.py");
    CHECK(back->text2 == "Boom");
}

TEST_CASE("a buffer too small for a message is refused, not overrun", "[engine][protocol]") {
    const channel::Message m = born(3, std::string(100, 'x'));
    char buf[200];
    std::memset(buf, '#', sizeof buf);
    CHECK(channel::encode(m, buf, 64) == 0);
    CHECK(buf[0] == '#');
    CHECK(channel::encode(m, buf, sizeof buf) == channel::encode(m).size());
}

TEST_CASE("a Born made before the fork takes the child's pid after it", "[engine][protocol]") {
    char buf[256];
    const std::size_t n = channel::encode(born(0, "Process-1"), buf, sizeof buf);
    REQUIRE(n > 0);
    channel::setPid(buf, 4242);
    const auto m = channel::decode(std::string_view(buf, n));
    REQUIRE(m);
    CHECK(m->type == channel::MessageType::Born);
    CHECK(m->pid == 4242);
    CHECK(m->a == 7);
    CHECK(m->text1 == "Process-1");
}

TEST_CASE("a descriptor sent with a message arrives with it", "[engine][protocol]") {
    int sv[2];
    REQUIRE(socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) == 0);
    int pipeFds[2];
    REQUIRE(pipe(pipeFds) == 0);
    channel::send(sv[0], born(5, "Process-2"), pipeFds[0]);

    char data[channel::kMaxMessageBytes];
    iovec iov{data, sizeof data};
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))];
    msghdr msg{};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = sizeof control;
    const ssize_t n = recvmsg(sv[1], &msg, MSG_CMSG_CLOEXEC);
    REQUIRE(n > 0);
    const auto m = channel::decode(std::string_view(data, static_cast<std::size_t>(n)));
    REQUIRE(m);
    CHECK(m->pid == 5);
    cmsghdr* c = CMSG_FIRSTHDR(&msg);
    REQUIRE(c);
    REQUIRE(c->cmsg_type == SCM_RIGHTS);
    int received = -1;
    std::memcpy(&received, CMSG_DATA(c), sizeof received);
    // The same pipe, under another number.
    struct stat a {
    }, b{};
    REQUIRE(fstat(pipeFds[0], &a) == 0);
    REQUIRE(fstat(received, &b) == 0);
    CHECK(a.st_ino == b.st_ino);
    close(received);
    close(pipeFds[0]);
    close(pipeFds[1]);
    close(sv[0]);
    close(sv[1]);
}

#include "engine/channel/Message.h"

#include <algorithm>
#include <cstring>
#include <sys/socket.h>
#include <sys/uio.h>
#include <utility>

namespace forkscope::channel {

const char* toString(SpawnHow how) noexcept {
    switch (how) {
    case SpawnHow::Fork:
        return "fork";
    case SpawnHow::Process:
        return "process";
    case SpawnHow::Main:
        return "main";
    case SpawnHow::Init:
        return "init";
    }
    return "fork";
}

const char* toString(TaskOp op) noexcept {
    switch (op) {
    case TaskOp::Submit:
        return "submit";
    case TaskOp::Start:
        return "start";
    case TaskOp::Done:
        return "done";
    case TaskOp::Error:
        return "error";
    }
    return "submit";
}

const char* toString(ErrorWhat what) noexcept {
    switch (what) {
    case ErrorWhat::Syntax:
        return "syntax";
    case ErrorWhat::Exception:
        return "exception";
    case ErrorWhat::Unsupported:
        return "unsupported";
    case ErrorWhat::Limit:
        return "limit";
    }
    return "exception";
}

namespace {
constexpr std::size_t kHeader = 1 + 4 * 4 + 2 * 2;

int32_t getInt(const char* p) {
    int32_t v;
    std::memcpy(&v, p, 4);
    return v;
}
uint16_t getLen(const char* p) {
    uint16_t v;
    std::memcpy(&v, p, 2);
    return v;
}

// How much of each text fits in one datagram.
std::pair<std::size_t, std::size_t> textLengths(const Message& m) {
    const std::size_t room = kMaxMessageBytes - kHeader;
    const std::size_t l1 = std::min(m.text1.size(), room / 2);
    return {l1, std::min(m.text2.size(), room - l1)};
}

void encodeTo(const Message& m, std::size_t l1, std::size_t l2, char* out) noexcept {
    out[0] = static_cast<char>(m.type);
    std::memcpy(out + 1, &m.pid, 4);
    std::memcpy(out + 5, &m.a, 4);
    std::memcpy(out + 9, &m.b, 4);
    std::memcpy(out + 13, &m.c, 4);
    const auto len1 = static_cast<uint16_t>(l1);
    const auto len2 = static_cast<uint16_t>(l2);
    std::memcpy(out + 17, &len1, 2);
    std::memcpy(out + 19, &len2, 2);
    std::memcpy(out + kHeader, m.text1.data(), l1);
    std::memcpy(out + kHeader + l1, m.text2.data(), l2);
}
} // namespace

std::string encode(const Message& m) {
    const auto [l1, l2] = textLengths(m);
    std::string out(kHeader + l1 + l2, '\0');
    encodeTo(m, l1, l2, out.data());
    return out;
}

std::size_t encode(const Message& m, char* out, std::size_t capacity) noexcept {
    const auto [l1, l2] = textLengths(m);
    if (kHeader + l1 + l2 > capacity) return 0;
    encodeTo(m, l1, l2, out);
    return kHeader + l1 + l2;
}

void setPid(char* encoded, int32_t pid) noexcept {
    std::memcpy(encoded + 1, &pid, 4);
}

std::optional<Message> decode(std::string_view bytes) {
    if (bytes.size() < kHeader) return std::nullopt;
    const char* p = bytes.data();
    Message m;
    const auto type = static_cast<uint8_t>(p[0]);
    if (type < static_cast<uint8_t>(MessageType::Hello) ||
        type > static_cast<uint8_t>(MessageType::Break))
        return std::nullopt;
    m.type = static_cast<MessageType>(type);
    m.pid = getInt(p + 1);
    m.a = getInt(p + 5);
    m.b = getInt(p + 9);
    m.c = getInt(p + 13);
    const std::size_t l1 = getLen(p + 17);
    const std::size_t l2 = getLen(p + 19);
    if (kHeader + l1 + l2 != bytes.size()) return std::nullopt;
    m.text1.assign(p + kHeader, l1);
    m.text2.assign(p + kHeader + l1, l2);
    return m;
}

void send(int fd, const Message& m, int passFd) noexcept {
    if (fd < 0) return;
    // Most messages are a few dozen bytes: made on the stack, so that a fork child sending one
    // writes no heap page it shares with its parent.
    char small[256];
    if (const std::size_t n = encode(m, small, sizeof small)) {
        sendEncoded(fd, small, n, passFd);
        return;
    }
    try {
        const std::string bytes = encode(m);
        sendEncoded(fd, bytes.data(), bytes.size(), passFd);
    } catch (...) {
        // Out of memory while encoding: the notification is lost, the process goes on.
    }
}

void sendEncoded(int fd, const char* bytes, std::size_t size, int passFd) noexcept {
    if (fd < 0) return;
    iovec iov{const_cast<char*>(bytes), size};
    msghdr msg{};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))];
    if (passFd >= 0) {
        msg.msg_control = control;
        msg.msg_controllen = sizeof control;
        cmsghdr* c = CMSG_FIRSTHDR(&msg);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(sizeof(int));
        std::memcpy(CMSG_DATA(c), &passFd, sizeof(int));
    }
    if (::sendmsg(fd, &msg, MSG_NOSIGNAL) < 0 && passFd >= 0) {
        // The descriptor could not go (too many in flight, say): the notice still must.
        msg.msg_control = nullptr;
        msg.msg_controllen = 0;
        (void)::sendmsg(fd, &msg, MSG_NOSIGNAL);
    }
}

} // namespace forkscope::channel

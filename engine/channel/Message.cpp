#include "engine/channel/Message.h"

#include <cstring>
#include <sys/socket.h>
#include <sys/uio.h>

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

void putInt(std::string& out, int32_t v) {
    char b[4];
    std::memcpy(b, &v, 4);
    out.append(b, 4);
}
void putLen(std::string& out, uint16_t v) {
    char b[2];
    std::memcpy(b, &v, 2);
    out.append(b, 2);
}
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
} // namespace

std::string encode(const Message& m) {
    const std::size_t room = kMaxMessageBytes - kHeader;
    const std::size_t l1 = std::min(m.text1.size(), room / 2);
    const std::size_t l2 = std::min(m.text2.size(), room - l1);
    std::string out;
    out.reserve(kHeader + l1 + l2);
    out.push_back(static_cast<char>(m.type));
    putInt(out, m.pid);
    putInt(out, m.a);
    putInt(out, m.b);
    putInt(out, m.c);
    putLen(out, static_cast<uint16_t>(l1));
    putLen(out, static_cast<uint16_t>(l2));
    out.append(m.text1, 0, l1);
    out.append(m.text2, 0, l2);
    return out;
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

void send(int fd, const Message& m) noexcept {
    send(fd, m, -1);
}

void send(int fd, const Message& m, int passFd) noexcept {
    if (fd < 0) return;
    try {
        std::string bytes = encode(m);
        iovec iov{bytes.data(), bytes.size()};
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
    } catch (...) {
        // Out of memory while encoding: the notification is lost, the process goes on.
    }
}

} // namespace forkscope::channel

#pragma once
// Messages from the run's processes (and its init) to the engine, over one SOCK_SEQPACKET
// socket that every process inherits. Each send is one datagram, so concurrent writers never
// interleave, and the engine's end has SO_PASSCRED: the kernel stamps every message with the
// sender's pid as the engine sees it, which is how the engine learns a process's host pid
// (to open a pidfd on it) without trusting the sender.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace forkscope::channel {

enum class MessageType : uint8_t {
    Hello = 1, // a process starts: pid, a=ppid, b=how (SpawnHow), c=slot index, text1=name
    Gate,      // a process stopped before a line in step mode: pid, a=line
    Error,     // pid, a=ErrorWhat, b=line, text1=file, text2=message
    Reaped,    // pid was reaped by b (init, or a Process's parent): a=wait status
    Name,      // a process's multiprocessing name changed: pid, text1=name
    Born,      // from the parent, right after it forked pid: a=ppid, b=how, text1=name; with
               // a pidfd for the child attached (SCM_RIGHTS) when the parent could open one
    Task,      // a Pool task changed: pid (who), a=TaskOp, b=pool, c=task, text1=function
    Arena,     // pid logged queue or lock operations while the engine was not looking
    Break,     // pid reached a breakpoint and paused the run: a=line, b=1 if it was paused already
};

// What happened to a Pool task; submit comes from the pool's owner, the rest from the worker.
enum class TaskOp : int32_t { Submit = 0, Start = 1, Done = 2, Error = 3 };
const char* toString(TaskOp op) noexcept;

enum class SpawnHow : int32_t { Fork = 0, Process = 1, Main = 2, Init = 3 };
const char* toString(SpawnHow how) noexcept;

enum class ErrorWhat : int32_t { Syntax = 0, Exception = 1, Unsupported = 2, Limit = 3 };
const char* toString(ErrorWhat what) noexcept;

struct Message {
    MessageType type = MessageType::Hello;
    int32_t pid = 0;
    int32_t a = 0, b = 0, c = 0;
    std::string text1, text2;
};

// Fits in one datagram; long texts are cut, since a message is a notification, not output.
inline constexpr std::size_t kMaxMessageBytes = 8192;

std::string encode(const Message& m);
// Into `out`, without allocating: the encoded size, or 0 if it needs more than `capacity`.
std::size_t encode(const Message& m, char* out, std::size_t capacity) noexcept;
// Replaces the pid of an encoded message (one made before the pid was known: a fork's child).
void setPid(char* encoded, int32_t pid) noexcept;
std::optional<Message> decode(std::string_view bytes);

// Sends from inside a lesson process; failures are ignored on purpose: a process must go on
// even if the engine has already gone (it is about to be killed anyway).
// `passFd`, when not -1, goes along (SCM_RIGHTS): the engine receives its own copy.
void send(int fd, const Message& m, int passFd = -1) noexcept;
// Sends a message encoded already; `passFd` as above, -1 for none.
void sendEncoded(int fd, const char* bytes, std::size_t size, int passFd) noexcept;

} // namespace forkscope::channel

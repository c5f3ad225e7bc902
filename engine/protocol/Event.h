#pragma once
// One typed event of the run, as docs/protocol.md describes it. The factory functions in
// `events::` are the only way the engine makes events, so every kind's fields are spelled in
// exactly one place and the JSON and the human-readable log cannot drift apart.

#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace forkscope::protocol {

enum class EventKind {
    Start, Notice, Spawn, Exec, State, Line, Stdout, Stderr, Exit, Reap, Reparent, Error, Mode, End,
    Task,
};

const char* toString(EventKind kind) noexcept;

class Event {
public:
    using Value = std::variant<long long, double, bool, std::string>;

    Event(double t, int pid, EventKind kind) : t_(t), pid_(pid), kind_(kind) {}

    Event& set(std::string_view key, long long v) { return put(key, v); }
    Event& set(std::string_view key, int v) { return put(key, static_cast<long long>(v)); }
    Event& set(std::string_view key, double v) { return put(key, v); }
    Event& set(std::string_view key, bool v) { return put(key, v); }
    Event& set(std::string_view key, std::string_view v) { return put(key, std::string(v)); }
    Event& set(std::string_view key, const char* v) { return put(key, std::string(v)); }

    double t() const { return t_; }
    int pid() const { return pid_; }
    EventKind kind() const { return kind_; }
    // The value of a field, or nullptr when the event has none of that name.
    const Value* get(std::string_view key) const;

    std::string toJsonLine() const; // with the trailing newline
    std::string toText() const;     // one line for people, without newline

private:
    Event& put(std::string_view key, Value v) {
        fields_.emplace_back(std::string(key), std::move(v));
        return *this;
    }
    std::string text(std::string_view key) const;
    long long integer(std::string_view key) const;

    double t_;
    int pid_;
    EventKind kind_;
    std::vector<std::pair<std::string, Value>> fields_;
};

namespace events {
Event start(std::string_view script, std::string_view cwd, std::string_view mode, int cpus,
            int online, double speed, bool step, std::string_view version, double monotonic);
Event spawn(double t, int pid, int ppid, std::string_view name, std::string_view how);
Event exec(double t, int pid, std::string_view comm);
Event state(double t, int pid, std::string_view state, std::string_view on = {});
Event line(double t, int pid, int line);
Event output(double t, int pid, bool isStderr, std::string_view text);
Event exitCode(double t, int pid, int code);
Event exitSignal(double t, int pid, int signal);
Event reap(double t, int pid, int by);
Event reparent(double t, int pid, int from, int to);
Event error(double t, int pid, std::string_view what, std::string_view message,
            std::string_view file = {}, int line = 0);
Event notice(double t, std::string_view code, std::string_view message);
Event mode(double t, bool paused, double speed);
Event end(double t, int status, std::string_view reason);
Event task(double t, int pid, int pool, int task, std::string_view op, std::string_view func);
} // namespace events

} // namespace forkscope::protocol

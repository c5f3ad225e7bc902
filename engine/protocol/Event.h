#pragma once
// One typed event of the run, as docs/protocol.md describes it. The factory functions in
// `events::` are the only way the engine makes events, so every kind's fields are spelled in
// exactly one place and the JSON and the human-readable log cannot drift apart.

#include <cstddef>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace forkscope::protocol {

enum class EventKind {
    Start,
    Notice,
    Spawn,
    Exec,
    State,
    Line,
    Stdout,
    Stderr,
    Exit,
    Reap,
    Reparent,
    Error,
    Mode,
    End,
    Task,
    Queue,
    QueueState,
    Lock,
    Break,
};

const char* toString(EventKind kind) noexcept;

class Event {
public:
    using Value = std::variant<long long, double, bool, std::string>;

    Event(double t, int pid, EventKind kind) : t_(t), pid_(pid), kind_(kind) {}
    Event(const Event& other);
    Event(Event&& other) noexcept;
    Event& operator=(const Event& other);
    Event& operator=(Event&& other) noexcept;
    ~Event() { destroyInline(); }

    // `key` is kept as it is, not copied: it must outlive the event, as the string literals
    // every field is named by do.
    Event& set(std::string_view key, long long v) { return put<0>(key, v); }
    Event& set(std::string_view key, int v) { return put<0>(key, static_cast<long long>(v)); }
    Event& set(std::string_view key, double v) { return put<1>(key, v); }
    Event& set(std::string_view key, bool v) { return put<2>(key, v); }
    Event& set(std::string_view key, std::string_view v) { return put<3>(key, v); }
    Event& set(std::string_view key, const char* v) { return put<3>(key, v); }
    Event& set(std::string_view key, std::string&& v) { return put<3>(key, std::move(v)); }

    double t() const { return t_; }
    int pid() const { return pid_; }
    EventKind kind() const { return kind_; }
    // The value of a field, or nullptr when the event has none of that name.
    const Value* get(std::string_view key) const;

    // Appends the JSON line, trailing newline included, to `out`.
    void appendJsonLine(std::string& out) const;
    std::string toJsonLine() const; // with the trailing newline
    std::string toText() const;     // one line for people, without newline

private:
    struct Field {
        std::string_view key;
        Value value;
    };
    // Every kind has at most this many fields (start has 9): they live in the event itself,
    // made in place as they are set, so that making one allocates nothing but a long string
    // value, and sets nothing twice (a run can make a million events).
    static constexpr std::size_t kInlineFields = 9;

    // Sets the field's value to alternative `I` of Value, made from `arg`.
    template <std::size_t I, class Arg> Event& put(std::string_view key, Arg&& arg) {
        if (count_ < kInlineFields)
            new (storage_ + count_ * sizeof(Field))
                Field{key, Value(std::in_place_index<I>, std::forward<Arg>(arg))};
        else
            more_.push_back(Field{key, Value(std::in_place_index<I>, std::forward<Arg>(arg))});
        ++count_;
        return *this;
    }
    Field* inlineField(std::size_t i) {
        return std::launder(reinterpret_cast<Field*>(storage_ + i * sizeof(Field)));
    }
    const Field* inlineField(std::size_t i) const {
        return std::launder(reinterpret_cast<const Field*>(storage_ + i * sizeof(Field)));
    }
    const Field& field(std::size_t i) const {
        return i < kInlineFields ? *inlineField(i) : more_[i - kInlineFields];
    }
    void destroyInline() noexcept;
    char* writeJsonLine(char* p) const;
    std::string text(std::string_view key) const;
    long long integer(std::string_view key) const;

    double t_;
    int pid_;
    EventKind kind_;
    std::size_t count_ = 0;
    alignas(Field) unsigned char storage_[kInlineFields * sizeof(Field)];
    std::vector<Field> more_; // fields beyond the inline ones, which no kind has today
};

namespace events {
Event start(std::string_view script, std::string_view cwd, std::string_view mode, int cpus,
            int online, double speed, bool step, std::string_view version, double monotonic);
Event spawn(double t, int pid, int ppid, std::string_view name, std::string_view how);
Event exec(double t, int pid, std::string_view comm);
// `objectKey`/`object`: what it waits on, by number ("queue" 1, "lock" 2); 0 for nothing.
Event state(double t, int pid, std::string_view state, std::string_view on = {},
            std::string_view objectKey = {}, long long object = 0);
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
// Process `pid` was about to run `line`, a breakpoint, and so paused the run.
Event breakHit(double t, int pid, int line);
Event end(double t, int status, std::string_view reason);
Event task(double t, int pid, int pool, int task, std::string_view op, std::string_view func);
// A put or get (`op`), by `pid`: `item` is the item's repr, `size` the queue's size right
// after it, `capacity` its maxsize (0: unbounded).
Event queueOp(double t, int pid, int queue, std::string_view op, std::string item, long long size,
              long long capacity);
// `pid` died in the middle of a put (`during`: the item never got in) or of a get (it had
// left the queue, and died with its getter).
Event queueLost(double t, int pid, int queue, std::string_view during, std::string item,
                long long size, long long capacity);
// The queue's whole contents, read from the arena: `items` is the list of their reprs as
// Python prints a list, the oldest first, at most `shown` of `size`.
Event queueState(double t, int queue, long long size, long long capacity, std::string items,
                 int shown);
// `op`: wait, acquire, release, recover. `holder`: who holds it after the op (0: nobody);
// `dead`: for recover, the holder that died; `count`: an RLock's depth after the op (-1: a Lock).
Event lockOp(double t, int pid, int lock, std::string_view op, int holder, int dead, int count);
} // namespace events

} // namespace forkscope::protocol

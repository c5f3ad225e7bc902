#include "engine/protocol/Event.h"

#include "engine/protocol/Json.h"

#include <charconv>
#include <csignal>
#include <cstdio>
#include <cstring>

namespace forkscope::protocol {

namespace {

// Each kind's name, its length known without counting (each JSON line writes it).
constexpr std::string_view kindName(EventKind kind) {
    switch (kind) {
    case EventKind::Start:
        return "start";
    case EventKind::Notice:
        return "notice";
    case EventKind::Spawn:
        return "spawn";
    case EventKind::Exec:
        return "exec";
    case EventKind::State:
        return "state";
    case EventKind::Line:
        return "line";
    case EventKind::Stdout:
        return "stdout";
    case EventKind::Stderr:
        return "stderr";
    case EventKind::Exit:
        return "exit";
    case EventKind::Reap:
        return "reap";
    case EventKind::Reparent:
        return "reparent";
    case EventKind::Error:
        return "error";
    case EventKind::Mode:
        return "mode";
    case EventKind::End:
        return "end";
    case EventKind::Task:
        return "task";
    case EventKind::Queue:
        return "queue";
    case EventKind::QueueState:
        return "queue-state";
    case EventKind::Lock:
        return "lock";
    case EventKind::Break:
        return "break";
    }
    return "unknown";
}

} // namespace

const char* toString(EventKind kind) noexcept {
    return kindName(kind).data(); // literals: null-terminated
}

Event::Event(const Event& other)
    : t_(other.t_), pid_(other.pid_), kind_(other.kind_), more_(other.more_) {
    try {
        for (; count_ < other.count_ && count_ < kInlineFields; ++count_)
            new (storage_ + count_ * sizeof(Field)) Field(*other.inlineField(count_));
    } catch (...) { // no destructor runs for an event not made: undo the fields copied so far
        destroyInline();
        throw;
    }
    count_ = other.count_;
}

Event::Event(Event&& other) noexcept
    : t_(other.t_), pid_(other.pid_), kind_(other.kind_), more_(std::move(other.more_)) {
    for (; count_ < other.count_ && count_ < kInlineFields; ++count_)
        new (storage_ + count_ * sizeof(Field)) Field(std::move(*other.inlineField(count_)));
    count_ = other.count_;
}

Event& Event::operator=(const Event& other) {
    if (this != &other) {
        Event copy(other);
        *this = std::move(copy);
    }
    return *this;
}

Event& Event::operator=(Event&& other) noexcept {
    if (this != &other) {
        destroyInline();
        t_ = other.t_;
        pid_ = other.pid_;
        kind_ = other.kind_;
        more_ = std::move(other.more_);
        for (; count_ < other.count_ && count_ < kInlineFields; ++count_)
            new (storage_ + count_ * sizeof(Field)) Field(std::move(*other.inlineField(count_)));
        count_ = other.count_;
    }
    return *this;
}

void Event::destroyInline() noexcept {
    for (std::size_t i = 0; i < count_ && i < kInlineFields; ++i)
        inlineField(i)->~Field();
    count_ = 0;
}

const Event::Value* Event::get(std::string_view key) const {
    for (std::size_t i = 0; i < count_; ++i) {
        const Field& f = field(i);
        if (f.key == key) return &f.value;
    }
    return nullptr;
}

std::string Event::text(std::string_view key) const {
    const Value* v = get(key);
    if (!v) return {};
    if (const auto* s = std::get_if<std::string>(v)) return *s;
    if (const auto* i = std::get_if<long long>(v)) return std::to_string(*i);
    if (const auto* d = std::get_if<double>(v)) {
        std::string out;
        appendJsonNumber(out, *d);
        return out;
    }
    return std::get<bool>(*v) ? "true" : "false";
}

long long Event::integer(std::string_view key) const {
    const Value* v = get(key);
    if (const auto* i = v ? std::get_if<long long>(v) : nullptr) return *i;
    return 0;
}

namespace {

std::size_t valueRoom(const Event::Value& value) {
    switch (value.index()) {
    case 0: // long long: a sign and 19 digits
        return 24;
    case 1:
        return fixedRoom(std::get<double>(value));
    case 2:
        return 5;
    default:
        return jsonStringRoom(std::get<std::string>(value).size());
    }
}

char* writeLiteral(char* p, std::string_view s) {
    std::memcpy(p, s.data(), s.size());
    return p + s.size();
}

} // namespace

char* Event::writeJsonLine(char* p) const {
    p = writeLiteral(p, "{\"t\":");
    // Times are rounded to microseconds: finer digits are noise from the sampling itself.
    p = writeFixed6(p, t_);
    p = writeLiteral(p, ",\"pid\":");
    p = std::to_chars(p, p + 12, pid_).ptr;
    p = writeLiteral(p, ",\"kind\":\"");
    p = writeLiteral(p, kindName(kind_));
    *p++ = '"';
    for (std::size_t i = 0; i < count_; ++i) {
        const Field& f = field(i);
        *p++ = ',';
        p = writeJsonString(p, f.key);
        *p++ = ':';
        switch (f.value.index()) {
        case 0:
            p = std::to_chars(p, p + 24, std::get<long long>(f.value)).ptr;
            break;
        case 1:
            p = writeJsonNumber(p, std::get<double>(f.value));
            break;
        case 2:
            p = writeLiteral(p, std::get<bool>(f.value) ? "true" : "false");
            break;
        default:
            p = writeJsonString(p, std::get<std::string>(f.value));
        }
    }
    return writeLiteral(p, "}\n");
}

void Event::appendJsonLine(std::string& out) const {
    std::size_t room = 48 + fixedRoom(t_) + kindName(kind_).size();
    for (std::size_t i = 0; i < count_; ++i) {
        const Field& f = field(i);
        room += 2 + jsonStringRoom(f.key.size()) + valueRoom(f.value);
    }
    // Most lines are written on the stack and appended in one piece; a long one (a long output
    // line, a huge number) goes straight into `out`, whose new room resize() must clear first.
    constexpr std::size_t kStackRoom = 1024;
    if (room <= kStackRoom) {
        char buf[kStackRoom];
        const char* end = writeJsonLine(buf);
        out.append(buf, static_cast<std::size_t>(end - buf));
        return;
    }
    const std::size_t old = out.size();
    out.resize(old + room);
    const char* end = writeJsonLine(out.data() + old);
    out.resize(static_cast<std::size_t>(end - out.data()));
}

std::string Event::toJsonLine() const {
    std::string out;
    appendJsonLine(out);
    return out;
}

std::string Event::toText() const {
    char head[48];
    std::snprintf(head, sizeof head, "[%8.3f] ", t_);
    std::string out = head;
    const std::string who = "pid " + std::to_string(pid_);
    switch (kind_) {
    case EventKind::Start:
        out += "run " + text("script") + " (" + text("mode") + ", " + text("cpus") + " of " +
               text("online") + " CPUs, speed " + text("speed") + ")";
        break;
    case EventKind::Notice:
        out += "note: " + text("message");
        break;
    case EventKind::Spawn:
        out += who + " " + text("name") + " born by " + text("how") + ", parent " + text("ppid");
        break;
    case EventKind::Exec:
        out += who + " now runs " + text("comm");
        break;
    case EventKind::State:
        out += who + " " + text("state");
        if (get("on")) out += " on " + text("on");
        if (get("queue")) out += " (queue " + text("queue") + ")";
        if (get("lock")) out += " (lock " + text("lock") + ")";
        break;
    case EventKind::Line:
        out += who + " at line " + text("line");
        break;
    case EventKind::Stdout:
    case EventKind::Stderr: {
        std::string t = text("text");
        while (!t.empty() && t.back() == '\n')
            t.pop_back();
        out += who + (kind_ == EventKind::Stdout ? " says: " : " complains: ") + t;
        break;
    }
    case EventKind::Exit:
        if (get("signal"))
            out += who + " killed by " + text("signame");
        else
            out += who + " exited with code " + text("code");
        break;
    case EventKind::Reap:
        out += who + " reaped by " + text("by");
        break;
    case EventKind::Reparent:
        out += who + " orphaned: parent " + text("from") + " died, adopted by " + text("to");
        break;
    case EventKind::Error:
        out += "error";
        if (pid_ != 0) out += " in " + who;
        if (get("file")) {
            out += " at " + text("file");
            if (integer("line") > 0) out += ":" + text("line");
        }
        out += ": " + text("message");
        break;
    case EventKind::Mode:
        out += std::string(std::get<bool>(*get("paused")) ? "paused" : "running") + " at speed " +
               text("speed");
        break;
    case EventKind::End:
        out += "run ended (" + text("reason") + "), status " + text("status");
        break;
    case EventKind::Break:
        out += who + " reached breakpoint at line " + text("line");
        break;
    case EventKind::Task:
        out += who + " task " + text("task") + " of pool " + text("pool") + " (" + text("func") +
               "): " + text("op");
        break;
    case EventKind::Queue: {
        const std::string op = text("op");
        const std::string where =
            "queue " + text("queue") + " (" + text("size") + " of " +
            (integer("capacity") ? text("capacity") : std::string("unbounded")) + ")";
        if (op == "lost")
            out += where + " lost " + text("item") + ": pid " + text("by") + " died during a " +
                   text("during");
        else
            out += who +
                   (op == "put" ? " put " + text("item") + " in "
                                : " got " + text("item") + " from ") +
                   where;
        break;
    }
    case EventKind::QueueState:
        out += "queue " + text("queue") + " holds " + text("items") + " (" + text("size") + " of " +
               (integer("capacity") ? text("capacity") : std::string("unbounded")) + ")";
        break;
    case EventKind::Lock: {
        const std::string op = text("op"), lock = "lock " + text("lock");
        if (op == "wait")
            out += who + " waits for " + lock + ", held by " + text("holder");
        else if (op == "recover")
            out += who + " takes " + lock + " over from pid " + text("dead") +
                   ", which died holding it";
        else
            out += who + (op == "acquire" ? " acquires " : " releases ") + lock;
        if (get("count")) out += " (count " + text("count") + ")";
        break;
    }
    }
    return out;
}

namespace events {

// Each factory fills a named event and returns it, so that it is built in place: `return
// Event(...).set(...)` would copy the whole event out of the reference set() returns.

Event start(std::string_view script, std::string_view cwd, std::string_view mode, int cpus,
            int online, double speed, bool step, std::string_view version, double monotonic) {
    Event e(0, 0, EventKind::Start);
    e.set("script", script)
        .set("cwd", cwd)
        .set("mode", mode)
        .set("cpus", cpus)
        .set("online", online)
        .set("speed", speed)
        .set("step", step)
        .set("version", version)
        .set("monotonic", monotonic);
    return e;
}

Event spawn(double t, int pid, int ppid, std::string_view name, std::string_view how) {
    Event e(t, pid, EventKind::Spawn);
    e.set("ppid", ppid).set("name", name).set("how", how);
    return e;
}
Event exec(double t, int pid, std::string_view comm) {
    Event e(t, pid, EventKind::Exec);
    e.set("comm", comm);
    return e;
}
Event state(double t, int pid, std::string_view state, std::string_view on,
            std::string_view objectKey, long long object) {
    Event e(t, pid, EventKind::State);
    e.set("state", state);
    if (!on.empty()) e.set("on", on);
    if (object > 0 && !objectKey.empty()) e.set(objectKey, object);
    return e;
}
Event line(double t, int pid, int line) {
    Event e(t, pid, EventKind::Line);
    e.set("line", line);
    return e;
}
Event output(double t, int pid, bool isStderr, std::string_view text) {
    Event e(t, pid, isStderr ? EventKind::Stderr : EventKind::Stdout);
    e.set("text", text);
    return e;
}
Event exitCode(double t, int pid, int code) {
    Event e(t, pid, EventKind::Exit);
    e.set("code", code);
    return e;
}
Event exitSignal(double t, int pid, int signal) {
    const char* abbrev = sigabbrev_np(signal);
    Event e(t, pid, EventKind::Exit);
    e.set("signal", signal)
        .set("signame", abbrev ? std::string("SIG") + abbrev : "SIG" + std::to_string(signal));
    return e;
}
Event reap(double t, int pid, int by) {
    Event e(t, pid, EventKind::Reap);
    e.set("by", by);
    return e;
}
Event reparent(double t, int pid, int from, int to) {
    Event e(t, pid, EventKind::Reparent);
    e.set("from", from).set("to", to);
    return e;
}
Event error(double t, int pid, std::string_view what, std::string_view message,
            std::string_view file, int line) {
    Event e(t, pid, EventKind::Error);
    e.set("what", what).set("message", message);
    if (!file.empty()) e.set("file", file);
    if (line > 0) e.set("line", line);
    return e;
}
Event notice(double t, std::string_view code, std::string_view message) {
    Event e(t, 0, EventKind::Notice);
    e.set("code", code).set("message", message);
    return e;
}
Event mode(double t, bool paused, double speed) {
    Event e(t, 0, EventKind::Mode);
    e.set("paused", paused).set("speed", speed);
    return e;
}
Event breakHit(double t, int pid, int line) {
    Event e(t, pid, EventKind::Break);
    e.set("line", line);
    return e;
}
Event task(double t, int pid, int pool, int task, std::string_view op, std::string_view func) {
    Event e(t, pid, EventKind::Task);
    e.set("pool", pool).set("task", task).set("op", op).set("func", func);
    return e;
}
Event queueOp(double t, int pid, int queue, std::string_view op, std::string item, long long size,
              long long capacity) {
    Event e(t, pid, EventKind::Queue);
    e.set("queue", queue)
        .set("op", op)
        .set("item", std::move(item))
        .set("size", size)
        .set("capacity", capacity)
        .set("by", pid);
    return e;
}
Event queueLost(double t, int pid, int queue, std::string_view during, std::string item,
                long long size, long long capacity) {
    Event e = queueOp(t, pid, queue, "lost", std::move(item), size, capacity);
    e.set("during", during);
    return e;
}
Event queueState(double t, int queue, long long size, long long capacity, std::string items,
                 int shown) {
    Event e(t, 0, EventKind::QueueState);
    e.set("queue", queue)
        .set("size", size)
        .set("capacity", capacity)
        .set("items", std::move(items))
        .set("shown", shown);
    return e;
}
Event lockOp(double t, int pid, int lock, std::string_view op, int holder, int dead, int count) {
    Event e(t, pid, EventKind::Lock);
    e.set("lock", lock).set("op", op).set("holder", holder);
    if (dead > 0) e.set("dead", dead);
    if (count >= 0) e.set("count", count);
    return e;
}
Event end(double t, int status, std::string_view reason) {
    Event e(t, 0, EventKind::End);
    e.set("status", status).set("reason", reason);
    return e;
}

} // namespace events
} // namespace forkscope::protocol

#include "engine/protocol/Event.h"

#include "engine/protocol/Json.h"

#include <charconv>
#include <csignal>
#include <cstdio>
#include <cstring>

namespace forkscope::protocol {

const char* toString(EventKind kind) noexcept {
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

const Event::Value* Event::get(std::string_view key) const {
    for (const auto& [k, v] : fields_) {
        if (k == key) return &v;
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

std::string Event::toJsonLine() const {
    std::string out;
    out.reserve(64 + fields_.size() * 16);
    out += "{\"t\":";
    // Times are rounded to microseconds: finer digits are noise from the sampling itself.
    char buf[32];
    // to_chars prints what printf's %.6f does, without printf's machinery (a tenth of the
    // engine's time when a run does a million queue operations).
    const auto r = std::to_chars(buf, buf + sizeof buf, t_, std::chars_format::fixed, 6);
    out.append(buf, r.ptr);
    out += ",\"pid\":";
    out += std::to_string(pid_);
    out += ",\"kind\":\"";
    out += toString(kind_);
    out += '"';
    for (const auto& [key, value] : fields_) {
        out += ',';
        appendJsonString(out, key);
        out += ':';
        std::visit(
            [&out](const auto& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, std::string>)
                    appendJsonString(out, v);
                else if constexpr (std::is_same_v<T, bool>)
                    out += v ? "true" : "false";
                else if constexpr (std::is_same_v<T, long long>)
                    out += std::to_string(v);
                else
                    appendJsonNumber(out, v);
            },
            value);
    }
    out += "}\n";
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

Event start(std::string_view script, std::string_view cwd, std::string_view mode, int cpus,
            int online, double speed, bool step, std::string_view version, double monotonic) {
    return Event(0, 0, EventKind::Start)
        .set("script", script)
        .set("cwd", cwd)
        .set("mode", mode)
        .set("cpus", cpus)
        .set("online", online)
        .set("speed", speed)
        .set("step", step)
        .set("version", version)
        .set("monotonic", monotonic);
}

Event spawn(double t, int pid, int ppid, std::string_view name, std::string_view how) {
    return Event(t, pid, EventKind::Spawn).set("ppid", ppid).set("name", name).set("how", how);
}
Event exec(double t, int pid, std::string_view comm) {
    return Event(t, pid, EventKind::Exec).set("comm", comm);
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
    return Event(t, pid, EventKind::Line).set("line", line);
}
Event output(double t, int pid, bool isStderr, std::string_view text) {
    return Event(t, pid, isStderr ? EventKind::Stderr : EventKind::Stdout).set("text", text);
}
Event exitCode(double t, int pid, int code) {
    return Event(t, pid, EventKind::Exit).set("code", code);
}
Event exitSignal(double t, int pid, int signal) {
    const char* abbrev = sigabbrev_np(signal);
    return Event(t, pid, EventKind::Exit)
        .set("signal", signal)
        .set("signame", abbrev ? std::string("SIG") + abbrev : "SIG" + std::to_string(signal));
}
Event reap(double t, int pid, int by) {
    return Event(t, pid, EventKind::Reap).set("by", by);
}
Event reparent(double t, int pid, int from, int to) {
    return Event(t, pid, EventKind::Reparent).set("from", from).set("to", to);
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
    return Event(t, 0, EventKind::Notice).set("code", code).set("message", message);
}
Event mode(double t, bool paused, double speed) {
    return Event(t, 0, EventKind::Mode).set("paused", paused).set("speed", speed);
}
Event breakHit(double t, int pid, int line) {
    return Event(t, pid, EventKind::Break).set("line", line);
}
Event task(double t, int pid, int pool, int task, std::string_view op, std::string_view func) {
    return Event(t, pid, EventKind::Task)
        .set("pool", pool)
        .set("task", task)
        .set("op", op)
        .set("func", func);
}
Event queueOp(double t, int pid, int queue, std::string_view op, std::string_view item,
              long long size, long long capacity) {
    return Event(t, pid, EventKind::Queue)
        .set("queue", queue)
        .set("op", op)
        .set("item", item)
        .set("size", size)
        .set("capacity", capacity)
        .set("by", pid);
}
Event queueLost(double t, int pid, int queue, std::string_view during, std::string_view item,
                long long size, long long capacity) {
    return queueOp(t, pid, queue, "lost", item, size, capacity).set("during", during);
}
Event queueState(double t, int queue, long long size, long long capacity, std::string_view items,
                 int shown) {
    return Event(t, 0, EventKind::QueueState)
        .set("queue", queue)
        .set("size", size)
        .set("capacity", capacity)
        .set("items", items)
        .set("shown", shown);
}
Event lockOp(double t, int pid, int lock, std::string_view op, int holder, int dead, int count) {
    Event e(t, pid, EventKind::Lock);
    e.set("lock", lock).set("op", op).set("holder", holder);
    if (dead > 0) e.set("dead", dead);
    if (count >= 0) e.set("count", count);
    return e;
}
Event end(double t, int status, std::string_view reason) {
    return Event(t, 0, EventKind::End).set("status", status).set("reason", reason);
}

} // namespace events
} // namespace forkscope::protocol

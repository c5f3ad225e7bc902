#pragma once
// Drives a real forkscope-engine from a test: starts it with --json, reads its events as they
// come, sends it commands, and always ends and reaps it.

#include "engine/protocol/Json.h"

#include <functional>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace forkscope::testing {

struct EngineEvent {
    double t = 0;
    int pid = 0;
    std::string kind;
    protocol::JsonObject fields;

    std::string text(const std::string& key) const;
    double number(const std::string& key, double fallback = -1) const;
    bool has(const std::string& key) const { return fields.count(key) != 0; }
};

class EngineSession {
public:
    // `args` follow `forkscope-engine run`; --json is added.
    explicit EngineSession(const std::vector<std::string>& args);
    ~EngineSession();
    EngineSession(const EngineSession&) = delete;
    EngineSession& operator=(const EngineSession&) = delete;

    pid_t pid() const { return pid_; }
    void send(const std::string& commandLine);
    // Reads events until `until` accepts one (returned) or `seconds` pass (nullopt).
    std::optional<EngineEvent> waitFor(const std::function<bool(const EngineEvent&)>& until,
                                       double seconds = 10);
    // Like waitFor, but an event already read counts too.
    std::optional<EngineEvent> waitForAny(const std::function<bool(const EngineEvent&)>& until,
                                          double seconds = 10);
    // Reads until the engine exits; returns its exit status (128+N for signal N).
    int finish(double seconds = 30);
    const std::vector<EngineEvent>& events() const { return events_; }
    std::string stderrText() const { return err_; }

private:
    bool pump(int timeoutMs);

    pid_t pid_ = -1;
    int in_ = -1, out_ = -1, errFd_ = -1;
    std::string buffer_, err_;
    std::vector<EngineEvent> events_;
    std::size_t consumed_ = 0;
    int status_ = -1;
};

// Runs a script to its end and returns every event (and the exit status).
struct EngineRun {
    int status = -1;
    std::vector<EngineEvent> events;
    std::string stdoutText() const; // what the script printed, all processes, in order
    std::string stderrText() const; // what it wrote to stderr (tracebacks), likewise
    std::vector<EngineEvent> of(const std::string& kind, int pid = -1) const;
    std::optional<EngineEvent> first(const std::string& kind, int pid = -1) const;
    std::optional<EngineEvent> notice(const std::string& code) const;
};
EngineRun runEngine(const std::vector<std::string>& args, double seconds = 60);

std::string scriptPath(const std::string& name); // tests/engine/scripts/NAME
std::string writeTempScript(const std::string& source);

} // namespace forkscope::testing

#pragma once
// One run, start to end: sets up the shared state and sockets, starts the sandbox with the
// script's main process in it, and then, single-threaded, polls everything the run can say
// (messages, output, pidfds, the sampling timer, signals, commands) until the last process
// of the run is gone.

#include "engine/Options.h"
#include "engine/OutputQueue.h"
#include "engine/channel/SharedState.h"
#include "engine/observer/ArenaWatcher.h"
#include "engine/observer/Observer.h"
#include "engine/protocol/Command.h"
#include "engine/protocol/Event.h"
#include "engine/sandbox/Sandbox.h"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

namespace forkscope {

class Engine {
public:
    explicit Engine(Options options);
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    // Returns the exit status the process should end with.
    int run();
    static const char* version();

private:
    enum class Ending { None, Finished, Stopped, Limit };

    bool setUp(std::string* error);
    void loop();
    bool waitOutBurst(); // whether it waited
    void handleSignals();
    void readMessages();
    void readOutput(int fd, bool isStderr);
    void readCommands();
    void execute(const protocol::Command& c);
    void tick();
    void stopRun(Ending why, int status);
    void finish();
    void checkProcessLimit();

    double now() const;
    void emit(protocol::Event&& e);
    void writeOut(const std::string& text);
    void writeErr(const std::string& text);
    void flushOutput();    // what the reader takes now
    void flushAllOutput(); // everything, waiting for the reader
    void queueOutput();
    void printOutput(int pid, bool isStderr, std::string_view text);
    void flushPendingOutput();

    Options options_;
    channel::SharedState* shared_ = nullptr;
    std::optional<sandbox::Sandbox> sandbox_;
    std::unique_ptr<observer::Observer> observer_;
    shm::Arena* arena_ = nullptr; // queues, locks and their op log, shared with the run
    std::unique_ptr<observer::ArenaWatcher> arenaWatcher_;

    int controlFd_ = -1, stdoutFd_ = -1, stderrFd_ = -1; // the engine's ends
    int signalFd_ = -1, timerFd_ = -1;
    bool commandsOpen_ = false;
    std::string commandBuffer_;

    Ending ending_ = Ending::None;
    int endStatus_ = 0;
    bool mainFailed_ = false;
    bool initDone_ = false;
    int initStatus_ = 0;
    bool sinkBroken_ = false;

    struct PendingOutput {
        int pid;
        bool isStderr;
        double t;
        std::string text;
    };
    std::optional<PendingOutput> pendingOutput_; // output of one burst, merged into one event
    std::string outBuffer_;                      // events not queued yet, once per loop turn
    OutputQueue out_{1};                         // engine stdout: events, on their way
    std::string errBuffer_;                      // engine stderr
    OutputQueue err_{2};
    unsigned long long outputBytes_ = 0;
    bool outputDropped_ = false;
    std::set<int> printers_; // pids that have printed (for tagging)
    std::map<std::pair<int, bool>, std::string> partialLines_;
    double unpausedSeconds_ = 0;
    int64_t lastTickNs_ = 0;
    int64_t lastWakeNs_ = 0;   // when the loop's poll last returned
    int64_t burstUntilNs_ = 0; // till when the loop only wakes for signals and commands
};

} // namespace forkscope

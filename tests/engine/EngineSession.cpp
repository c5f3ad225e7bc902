#include "tests/engine/EngineSession.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <poll.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace forkscope::testing {

std::string EngineEvent::text(const std::string& key) const {
    auto it = fields.find(key);
    if (it == fields.end()) return {};
    if (auto* s = std::get_if<std::string>(&it->second)) return *s;
    if (auto* d = std::get_if<double>(&it->second))
        return std::to_string(static_cast<long long>(*d));
    return {};
}

double EngineEvent::number(const std::string& key, double fallback) const {
    auto it = fields.find(key);
    if (it == fields.end()) return fallback;
    if (auto* d = std::get_if<double>(&it->second)) return *d;
    return fallback;
}

EngineSession::EngineSession(const std::vector<std::string>& args) {
    int in[2], out[2], err[2];
    if (pipe2(in, O_CLOEXEC) || pipe2(out, O_CLOEXEC) || pipe2(err, O_CLOEXEC))
        throw std::runtime_error("pipe");
    std::vector<std::string> argv{FORKSCOPE_ENGINE_BIN, "run"};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.emplace_back("--json");
    pid_ = fork();
    if (pid_ == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        dup2(err[1], 2);
        std::vector<char*> cargv;
        for (auto& a : argv)
            cargv.push_back(a.data());
        cargv.push_back(nullptr);
        execv(cargv[0], cargv.data());
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    close(err[1]);
    in_ = in[1];
    out_ = out[0];
    errFd_ = err[0];
}

EngineSession::~EngineSession() {
    if (pid_ > 0 && status_ < 0) {
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
    }
    for (int fd : {in_, out_, errFd_}) {
        if (fd >= 0) close(fd);
    }
}

void EngineSession::send(const std::string& commandLine) {
    const std::string line = commandLine + "\n";
    (void)!write(in_, line.data(), line.size());
}

bool EngineSession::pump(int timeoutMs) {
    pollfd fds[2] = {{out_, POLLIN, 0}, {errFd_, POLLIN, 0}};
    if (poll(fds, 2, timeoutMs) <= 0) return false;
    char buf[65536];
    bool any = false;
    if (fds[1].revents) {
        const ssize_t n = read(errFd_, buf, sizeof buf);
        if (n > 0)
            err_.append(buf, static_cast<std::size_t>(n));
        else {
            close(errFd_);
            errFd_ = -1;
        }
        any = true;
    }
    if (fds[0].revents) {
        const ssize_t n = read(out_, buf, sizeof buf);
        if (n <= 0) {
            close(out_);
            out_ = -1;
            return false;
        }
        any = true;
        buffer_.append(buf, static_cast<std::size_t>(n));
        std::size_t nl;
        while ((nl = buffer_.find('\n')) != std::string::npos) {
            const std::string line = buffer_.substr(0, nl);
            buffer_.erase(0, nl + 1);
            auto obj = protocol::parseFlatObject(line);
            if (!obj) throw std::runtime_error("engine wrote a line that is not an event: " + line);
            EngineEvent e;
            e.fields = std::move(*obj);
            e.t = e.number("t", 0);
            e.pid = static_cast<int>(e.number("pid", 0));
            e.kind = e.text("kind");
            events_.push_back(std::move(e));
        }
    }
    return any;
}

std::optional<EngineEvent>
EngineSession::waitFor(const std::function<bool(const EngineEvent&)>& until, double seconds) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    for (;;) {
        while (consumed_ < events_.size()) {
            const EngineEvent& e = events_[consumed_++];
            if (until(e)) return e;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0 || out_ < 0) return std::nullopt;
        pump(static_cast<int>(left.count()));
    }
}

std::optional<EngineEvent>
EngineSession::waitForAny(const std::function<bool(const EngineEvent&)>& until, double seconds) {
    for (std::size_t i = 0; i < consumed_; ++i) {
        if (until(events_[i])) return events_[i];
    }
    return waitFor(until, seconds);
}

int EngineSession::finish(double seconds) {
    if (status_ >= 0) return status_;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (out_ >= 0 && std::chrono::steady_clock::now() < deadline)
        pump(100);
    if (out_ >= 0) kill(pid_, SIGKILL); // hung: a failure the caller will see in the status
    int st = 0;
    waitpid(pid_, &st, 0);
    while (errFd_ >= 0 && pump(0)) {
    }
    status_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    return status_;
}

namespace {
std::string streamText(const std::vector<EngineEvent>& events, const char* kind) {
    std::string out;
    for (const auto& e : events) {
        if (e.kind == kind) out += e.text("text");
    }
    return out;
}
} // namespace

std::string EngineRun::stdoutText() const {
    return streamText(events, "stdout");
}

std::string EngineRun::stderrText() const {
    return streamText(events, "stderr");
}

std::vector<EngineEvent> EngineRun::of(const std::string& kind, int pid) const {
    std::vector<EngineEvent> out;
    for (const auto& e : events) {
        if (e.kind == kind && (pid < 0 || e.pid == pid)) out.push_back(e);
    }
    return out;
}

std::optional<EngineEvent> EngineRun::first(const std::string& kind, int pid) const {
    for (const auto& e : events) {
        if (e.kind == kind && (pid < 0 || e.pid == pid)) return e;
    }
    return std::nullopt;
}

std::optional<EngineEvent> EngineRun::notice(const std::string& code) const {
    for (const auto& e : events) {
        if (e.kind == "notice" && e.text("code") == code) return e;
    }
    return std::nullopt;
}

EngineRun runEngine(const std::vector<std::string>& args, double seconds) {
    EngineSession s(args);
    EngineRun r;
    r.status = s.finish(seconds);
    r.events = s.events();
    return r;
}

std::string scriptPath(const std::string& name) {
    return std::string(FORKSCOPE_SOURCE_DIR) + "/tests/engine/scripts/" + name;
}

std::string writeTempScript(const std::string& source) {
    char path[] = "/tmp/forkscope-test-XXXXXX.py";
    const int fd = mkstemps(path, 3);
    if (fd < 0) throw std::runtime_error("mkstemps");
    (void)!write(fd, source.data(), source.size());
    close(fd);
    return path;
}

} // namespace forkscope::testing

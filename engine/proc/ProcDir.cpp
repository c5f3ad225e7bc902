#include "engine/proc/ProcDir.h"

#include <cerrno>
#include <charconv>
#include <fcntl.h>
#include <unistd.h>
#include <utility>

namespace forkscope::proc {

ProcDir::~ProcDir() {
    close();
}

ProcDir::ProcDir(ProcDir&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), pid_(std::exchange(other.pid_, 0)),
      error_(std::exchange(other.error_, 0)), stat_(std::move(other.stat_)),
      schedStat_(std::move(other.schedStat_)) {}

ProcDir& ProcDir::operator=(ProcDir&& other) noexcept {
    if (this != &other) {
        close();
        fd_ = std::exchange(other.fd_, -1);
        pid_ = std::exchange(other.pid_, 0);
        error_ = std::exchange(other.error_, 0);
        stat_ = std::move(other.stat_);
        schedStat_ = std::move(other.schedStat_);
    }
    return *this;
}

void ProcDir::close() noexcept {
    stat_ = ProcFile();
    schedStat_ = ProcFile();
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

ProcDir ProcDir::open(int procRootFd, int pid) noexcept {
    if (pid <= 0) return ProcDir(-1, pid, EINVAL);
    char name[16];
    const auto [end, ec] = std::to_chars(name, name + sizeof(name) - 1, pid);
    if (ec != std::errc{}) return ProcDir(-1, pid, EINVAL);
    *end = '\0';
    // A readable directory descriptor rather than O_PATH: both work as an openat() base, but this
    // one can also be listed (task/, fd/) by whoever needs it later.
    const int fd = ::openat(procRootFd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    return fd >= 0 ? ProcDir(fd, pid, 0) : ProcDir(-1, pid, errno);
}

std::optional<std::string_view> ProcDir::readKept(ProcFile& file, const char* name) noexcept {
    if (fd_ < 0) {
        if (error_ == 0) error_ = EBADF;
        return std::nullopt;
    }
    // Retried on every call until it opens: a failed open costs one syscall, and a transient
    // failure (EMFILE) must not blind the observer to this process for good.
    if (!file.valid()) file = ProcFile::open(fd_, name);
    auto text = file.read();
    if (!text) error_ = file.error();
    return text;
}

std::optional<std::string> ProcDir::readOnce(const char* name) {
    if (fd_ < 0) {
        if (error_ == 0) error_ = EBADF;
        return std::nullopt;
    }
    ProcFile file = ProcFile::open(fd_, name);
    auto text = file.read();
    if (!text) {
        error_ = file.error();
        return std::nullopt;
    }
    return std::string(*text);
}

std::optional<ProcStat> ProcDir::stat() noexcept {
    const auto text = readKept(stat_, "stat");
    if (!text) return std::nullopt;
    auto parsed = parseStat(*text);
    if (!parsed) error_ = EINVAL;
    return parsed;
}

std::optional<SchedStat> ProcDir::schedStat() noexcept {
    const auto text = readKept(schedStat_, "schedstat");
    if (!text) return std::nullopt;
    auto parsed = parseSchedStat(*text);
    if (!parsed) error_ = EINVAL;
    return parsed;
}

std::optional<long> ProcDir::syscall() noexcept {
    if (fd_ < 0) {
        if (error_ == 0) error_ = EBADF;
        return std::nullopt;
    }
    // Not kept open: it is asked when a process starts to wait, not on every sample, so a
    // descriptor per process would sit idle. The kernel checks ptrace access at each read (EPERM).
    ProcFile file = ProcFile::open(fd_, "syscall");
    const auto text = file.read();
    if (!text) {
        error_ = file.error();
        return std::nullopt;
    }
    // "NR arg1 ... arg6 sp pc", "-1 sp pc" (blocked, not in a system call), or "running".
    if (text->starts_with("running")) return -1L;
    long nr = 0;
    const char* end = text->data() + text->size();
    const auto [ptr, ec] = std::from_chars(text->data(), end, nr);
    if (ec != std::errc{} || (ptr != end && *ptr != ' ' && *ptr != '\n')) {
        error_ = EINVAL;
        return std::nullopt;
    }
    return nr < 0 ? -1L : nr;
}

std::optional<std::string> ProcDir::wchan() {
    auto text = readOnce("wchan");
    if (text) {
        while (!text->empty() && (text->back() == '\n' || text->back() == ' '))
            text->pop_back();
    }
    return text;
}

std::optional<std::string> ProcDir::comm() {
    auto text = readOnce("comm");
    if (text && !text->empty() && text->back() == '\n') text->pop_back();
    return text;
}

std::vector<int> ProcDir::nsPids() {
    std::vector<int> pids;
    const auto text = readOnce("status");
    if (!text) return pids;
    constexpr std::string_view kKey = "NSpid:";
    std::string_view view = *text;
    if (view.starts_with(kKey)) {
        view.remove_prefix(kKey.size());
    } else {
        const std::size_t at = view.find("\nNSpid:");
        if (at == std::string_view::npos) return pids;
        view.remove_prefix(at + 1 + kKey.size());
    }
    view = view.substr(0, view.find('\n'));
    // "NSpid:\t4965\t1": tab-separated, outermost namespace first.
    const char* pos = view.data();
    const char* const end = view.data() + view.size();
    while (pos != end) {
        if (*pos == '\t' || *pos == ' ') {
            ++pos;
            continue;
        }
        int pid = 0;
        const auto [ptr, ec] = std::from_chars(pos, end, pid);
        if (ec != std::errc{}) {
            error_ = EINVAL;
            return {};
        }
        pids.push_back(pid);
        pos = ptr;
    }
    return pids;
}

} // namespace forkscope::proc

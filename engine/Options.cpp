#include "engine/Options.h"

#include "engine/protocol/Command.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace forkscope {

std::string usage() {
    return R"(Usage: forkscope-engine run SCRIPT.py [OPTIONS] [-- SCRIPT-ARGS...]
       forkscope-engine --help | --version

Runs a Python script with real processes inside a fresh PID namespace and reports what
every process of the run does: its birth, state, current line, output, exit, reaping and
adoption. The script's output goes to stdout (each line tagged with its pid once a second
process has printed); a readable log of the run's events goes to stderr.

Options:
  --json              write events as JSON lines on stdout instead (docs/protocol.md), and
                      read commands as JSON lines on stdin (pause, resume, step, break,
                      speed, stop)
  --step              start paused: every process stops before each line of the script
                      until a step command lets it go (with --json)
  --break LINES       pause the whole run the first time any process is about to run one
                      of these lines of the script (e.g. 12,26), as the break command does
                      (with --json)
  --speed X           scale every time.sleep by 1/X (0.1 to 10); event times are given in
                      the script's own time
  --cores N           let the run use only N CPUs, so that ready processes appear when work
                      outnumbers CPUs
  --max-procs N       stop the run when it has more than N processes (default 256)
  --memory MIB        address-space limit of each process, in MiB (default 1024)
  --timeout SECONDS   stop the run after this much unpaused wall-clock time (default 300;
                      0 for none)
  --max-output BYTES  drop the script's output beyond this many bytes (default 4194304)
  --no-namespace      do not use a PID namespace; the engine's init becomes a subreaper
  --help              show this help
  --version           show the version

Exit status: the script's exit status (128+N if its main process died of signal N);
2 for a command-line error or a script that cannot be read; 124 when a limit stopped
the run; 143 when the run was stopped.
)";
}

namespace {

bool number(const char* text, double* out) {
    errno = 0;
    char* end = nullptr;
    *out = std::strtod(text, &end);
    return errno == 0 && end != text && *end == '\0';
}

} // namespace

ParseResult parseOptions(int argc, char** argv, Options* o, std::string* error) {
    if (argc < 2) {
        *error = "missing command";
        return ParseResult::Error;
    }
    const std::string command = argv[1];
    if (command == "--help" || command == "-h" || command == "help") return ParseResult::Help;
    if (command == "--version") return ParseResult::Version;
    if (command != "run") {
        *error = "unknown command '" + command + "'";
        return ParseResult::Error;
    }
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&](double* out, double lo, double hi) {
            if (i + 1 >= argc) {
                *error = a + " needs a value";
                return false;
            }
            const char* v = argv[++i];
            if (!number(v, out) || *out < lo || *out > hi) {
                *error = a + " takes a number from " + std::to_string(lo) + " to " +
                         std::to_string(hi) + ", not '" + v + "'";
                return false;
            }
            return true;
        };
        double d = 0;
        if (a == "--json")
            o->json = true;
        else if (a == "--step")
            o->step = true;
        else if (a == "--no-namespace")
            o->allowNamespaces = false;
        else if (a == "--help" || a == "-h")
            return ParseResult::Help;
        else if (a == "--break") {
            if (i + 1 >= argc) {
                *error = a + " needs a value";
                return ParseResult::Error;
            }
            std::string why;
            if (!protocol::parseBreakLines(argv[++i], &o->breakLines, &why)) {
                *error = "--break: " + why;
                return ParseResult::Error;
            }
        } else if (a == "--speed") {
            if (!value(&o->speed, protocol::kMinSpeed, protocol::kMaxSpeed))
                return ParseResult::Error;
        } else if (a == "--cores") {
            if (!value(&d, 1, 1024)) return ParseResult::Error;
            o->cores = static_cast<int>(d);
        } else if (a == "--max-procs") {
            if (!value(&d, 2, 4096)) return ParseResult::Error;
            o->maxProcesses = static_cast<int>(d);
        } else if (a == "--memory") {
            if (!value(&d, 16, 1 << 20)) return ParseResult::Error;
            o->memoryMiB = static_cast<unsigned long long>(d);
        } else if (a == "--timeout") {
            if (!value(&o->timeoutSeconds, 0, 86400)) return ParseResult::Error;
        } else if (a == "--max-output") {
            if (!value(&d, 0, 1e12)) return ParseResult::Error;
            o->maxOutputBytes = static_cast<unsigned long long>(d);
        } else if (a == "--") {
            if (o->script.empty() && i + 1 < argc) o->script = argv[++i];
            for (++i; i < argc; ++i)
                o->scriptArgs.emplace_back(argv[i]);
        } else if (a.size() > 1 && a[0] == '-') {
            *error = "unknown option '" + a + "'";
            return ParseResult::Error;
        } else if (o->script.empty()) {
            o->script = a;
        } else {
            o->scriptArgs.push_back(a);
        }
    }
    if (o->script.empty()) {
        *error = "run needs a SCRIPT.py";
        return ParseResult::Error;
    }
    // Without --json nothing reads commands: a paused run would wait for ever for a resume.
    if (!o->json && (o->step || !o->breakLines.empty())) {
        *error = std::string(o->step ? "--step" : "--break") +
                 " needs --json: a paused run waits for commands on stdin";
        return ParseResult::Error;
    }
    return ParseResult::Run;
}

} // namespace forkscope

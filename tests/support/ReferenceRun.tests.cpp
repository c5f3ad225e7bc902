#include "tests/support/ReferenceRun.h"

#include "tests/support/OutputNormaliser.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

using forkscope::testing::normaliseOutput;
using forkscope::testing::referenceCommand;
using forkscope::testing::RunResult;
using forkscope::testing::runUnderSystemPython;

namespace {

namespace fs = std::filesystem;

// A script written to a fresh temporary directory, removed again at the end of the test.
class TempScript {
public:
    explicit TempScript(const std::string& code) {
        std::string pattern = (fs::temp_directory_path() / "forkscope-ref-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        dir_ = pattern;
        path_ = dir_ / "script.py";
        std::ofstream(path_) << code;
    }
    ~TempScript() {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }
    TempScript(const TempScript&) = delete;
    TempScript& operator=(const TempScript&) = delete;

    std::string path() const { return path_.string(); }
    std::string dir() const { return dir_.string(); }

private:
    fs::path dir_;
    fs::path path_;
};

// How many processes of this system have `dir` as their working directory, once those killed
// a moment ago have had up to two seconds to be reaped.
int processesIn(const std::string& dir) {
    int count = 0;
    for (int attempt = 0; attempt < 200; ++attempt) {
        count = 0;
        std::error_code ec;
        for (const fs::directory_entry& entry : fs::directory_iterator("/proc", ec)) {
            const std::string name = entry.path().filename().string();
            if (name.find_first_not_of("0123456789") != std::string::npos) continue;
            std::error_code linkError;
            if (fs::read_symlink(entry.path() / "cwd", linkError).string() == dir) ++count;
        }
        if (count == 0) break;
        ::usleep(10000);
    }
    return count;
}

RunResult reference(const std::string& code) {
    TempScript script(code);
    return runUnderSystemPython(script.path(), 20);
}

} // namespace

TEST_CASE("referenceCommand runs the system Python in a new PID namespace", "[support]") {
    const std::vector<std::string> argv = referenceCommand("/some/where/s.py");
    REQUIRE(argv.size() > 4);
    CHECK(argv.front() == "unshare");
    CHECK(argv.back() == "/some/where/s.py");
    CHECK(argv[argv.size() - 2].find("/usr/bin/python3 -u \"$0\"") != std::string::npos);
    bool hasPid = false;
    bool hasMountProc = false;
    for (const std::string& word : argv) {
        hasPid = hasPid || word == "--pid";
        hasMountProc = hasMountProc || word == "--mount-proc";
    }
    CHECK(hasPid);
    CHECK(hasMountProc);
}

TEST_CASE("runUnderSystemPython runs the script as PID 2 under PID 1", "[support]") {
    const RunResult r = reference("import os, sys\n"
                                  "print(os.getpid(), os.getppid(), sys.executable)\n"
                                  "print(sys.stdout.write_through)\n");
    REQUIRE_FALSE(r.timedOut);
    CHECK(r.exitCode == 0);
    CHECK(r.out == "2 1 /usr/bin/python3\nTrue\n");
}

TEST_CASE("runUnderSystemPython runs in the script's directory", "[support]") {
    TempScript script("import os\nprint(os.getcwd())\n");
    const RunResult r = runUnderSystemPython(script.path(), 20);
    CHECK(r.out == script.dir() + "\n");
}

TEST_CASE("runUnderSystemPython returns Python's exit status and stderr", "[support]") {
    const RunResult r = reference("import sys\nprint('out')\nsys.exit('failed')\n");
    CHECK(r.exitCode == 1);
    CHECK(r.out == "out\n");
    CHECK(r.err == "failed\n");

    const RunResult killed = reference("import os, signal\nos.kill(os.getpid(), signal.SIGTERM)\n");
    CHECK(killed.exitCode == 128 + 15);
}

TEST_CASE("runUnderSystemPython keeps the run going until orphans have ended", "[support]") {
    // The main process exits at once; its orphaned child prints twice afterwards.
    const RunResult r = reference("import os, time\n"
                                  "if os.fork() == 0:\n"
                                  "    time.sleep(0.3)\n"
                                  "    print('orphan ppid', os.getppid())\n"
                                  "    time.sleep(0.2)\n"
                                  "    print('orphan done')\n"
                                  "    os._exit(0)\n"
                                  "print('main exits')\n");
    REQUIRE_FALSE(r.timedOut);
    CHECK(r.exitCode == 0);
    CHECK(r.out == "main exits\norphan ppid 1\norphan done\n");
}

TEST_CASE("runUnderSystemPython kills the whole run at the timeout", "[support]") {
    TempScript script("import os, time\n"
                      "os.fork()\n"
                      "if os.getpid() == 2:\n"
                      "    print('started')\n"
                      "time.sleep(60)\n");
    const RunResult r = runUnderSystemPython(script.path(), 0.5);
    CHECK(r.timedOut);
    CHECK(r.out == "started\n");
    // Every process of the run had the script's directory as its working directory.
    CHECK(processesIn(script.dir()) == 0);
}

#include "bench/PoolFigures.h"

#include "bench/Figure.h"
#include "bench/ScriptTiming.h"
#include "tests/support/ChildProcess.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <optional>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace forkscope::bench {

void poolApplyAsync() {
    const char* script = R"(import multiprocessing as mp, time
def tiny(x):
    return x + 1
if __name__ == "__main__":
    with mp.Pool(2) as pool:
        pool.map(tiny, range(10))  # workers warm
        start = time.perf_counter()
        results = [pool.apply_async(tiny, (i,)) for i in range(10000)]
        assert [r.get() for r in results] == list(range(1, 10001))
        print("FIGURE", 10000 / (time.perf_counter() - start))
)";
    const ScriptFigures f = timeScript(script, true);
    print({"pool-apply-async-10k", f.engine, "tasks/s", true, f.cpython, {}});
}

void poolMap() {
    // The figure: the median of five maps once the pool has mapped as much before, so that
    // neither side's figure holds the memory it grows into the first time (arenas for 100,000
    // results, pickling buffers). One map takes 3 to 10 ms, which one hiccup of this machine
    // can double. The first map is shown too, on its own line.
    const char* warmed = R"(import multiprocessing as mp, statistics, time
def inc(x):
    return x + 1
if __name__ == "__main__":
    with mp.Pool(2) as pool:
        pool.map(inc, range(100000))
        rates = []
        for _ in range(5):
            start = time.perf_counter()
            out = pool.map(inc, range(100000))
            rates.append(100000 / (time.perf_counter() - start))
            assert out[-1] == 100000
        print("FIGURE", statistics.median(rates))
)";
    const ScriptFigures f = timeScript(warmed, true);
    print({"pool-map-100k", f.engine, "items/s", true, f.cpython, {}});
    const char* first = R"(import multiprocessing as mp, time
def inc(x):
    return x + 1
if __name__ == "__main__":
    with mp.Pool(2) as pool:
        pool.map(inc, range(10))
        start = time.perf_counter()
        out = pool.map(inc, range(100000))
        assert out[-1] == 100000
        print("FIGURE", 100000 / (time.perf_counter() - start))
)";
    const ScriptFigures firstMap = timeScript(first, true);
    print({"pool-map-100k-first", firstMap.engine, "items/s", true, firstMap.cpython, {}});
}

double bareForkUs() {
    // A bare fork whose child exits at once, and the parent's waitpid; the best of three
    // rounds, as the scripts' figures are.
    double best = 0;
    for (int round = 0; round < 3; ++round) {
        const auto t0 = std::chrono::steady_clock::now();
        for (int i = 0; i < 200; ++i) {
            const pid_t pid = fork();
            if (pid == 0) _exit(0);
            waitpid(pid, nullptr, 0);
        }
        const double us =
            std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0)
                .count() /
            200;
        best = round == 0 ? us : std::min(best, us);
    }
    return best;
}

namespace {
// None of an empty list.
std::optional<double> median(std::vector<double> v) {
    if (v.empty()) return std::nullopt;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// The floor, measured by a fresh copy of this program that has done nothing else: a fork
// costs more the more memory the forking process has, and this one has grown by now.
std::optional<double> forkFloorUs() {
    const testing::RunResult floorRun = testing::runProcess({"/proc/self/exe", "--fork-floor"});
    try {
        return std::stod(floorRun.out);
    } catch (const std::exception&) {
        std::printf("bench process-start-join: the fork floor printed nothing\n");
        return std::nullopt;
    }
}
} // namespace

void processStartJoin() {
    const char* script = R"(import multiprocessing as mp, time
def nothing():
    pass
if __name__ == "__main__":
    start = time.perf_counter()
    for _ in range(200):
        p = mp.Process(target=nothing)
        p.start()
        p.join()
    print("FIGURE", (time.perf_counter() - start) / 200 * 1e6)
)";
    // The engine, CPython and the floor measured in turns, five rounds, each figure the
    // median of its rounds. On this kind of machine (a virtual one, its host shared) both a
    // start+join and a bare fork drift by a half within a minute: a floor measured once, after
    // the scripts' runs, compared one moment's fork with another's start+join.
    std::vector<double> engine, cpython, floor;
    for (int round = 0; round < 5; ++round) {
        if (const auto f = forkFloorUs()) floor.push_back(*f);
        const ScriptFigures f = timeScript(script, false, Sides::Both, 1);
        if (f.engine > 0) engine.push_back(f.engine);
        if (f.cpython) cpython.push_back(*f.cpython);
    }
    const std::optional<double> engineUs = median(engine);
    if (!engineUs) return;
    const double value = *engineUs;
    const std::optional<double> cpythonUs = median(cpython), floorUs = median(floor);
    print({"process-start-join", value, "us", false, cpythonUs, floorUs});
    if (floorUs) print({"process-start-join-vs-fork", value, "us", false, {}, floorUs});
    // What a fork costs a Python process of the same kind: os.fork() and os._exit(0) under
    // /usr/bin/python3, multiprocessing imported (its at-fork hooks run in every child), so
    // that the figure above can be read against what any Python process pays here.
    const char* pythonFork = R"(import multiprocessing, os, time
if __name__ == "__main__":
    start = time.perf_counter()
    for _ in range(200):
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        os.waitpid(pid, 0)
    print("FIGURE", (time.perf_counter() - start) / 200 * 1e6)
)";
    const ScriptFigures py = timeScript(pythonFork, false, Sides::CPythonOnly);
    if (py.cpython)
        print({"process-start-join-vs-python-fork", value, "us", false, {}, *py.cpython});
    // The floor of the process itself: libc's fork() called from the lesson's main process
    // (through ctypes: no at-fork hooks, nothing announced), its child gone at once with
    // _exit(0), and waitpid. What any fork of a process of that size costs on this machine,
    // against which Process start+join shows what the runtime adds.
    const char* ownFork = R"(import ctypes, multiprocessing, os, time
libc = ctypes.CDLL(None)
fork, _exit = libc.fork, libc._exit
if __name__ == "__main__":
    start = time.perf_counter()
    for _ in range(200):
        pid = fork()
        if pid == 0:
            _exit(0)
        os.waitpid(pid, 0)
    print("FIGURE", (time.perf_counter() - start) / 200 * 1e6)
)";
    const ScriptFigures own = timeScript(ownFork, false, Sides::EngineOnly);
    print({"process-start-join-vs-own-fork", value, "us", false, {}, own.engine});
}

} // namespace forkscope::bench

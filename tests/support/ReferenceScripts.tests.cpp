// The lesson scripts of tests/scripts, run for real: each must print the same normalised
// output every time, and show the facts its scenario is about.
#include "tests/support/OutputNormaliser.h"
#include "tests/support/ReferenceRun.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

using forkscope::testing::normaliseOutput;
using forkscope::testing::RunResult;
using forkscope::testing::runUnderSystemPython;

namespace {

namespace fs = std::filesystem;

struct Facts {
    std::vector<std::string> present; // each must appear, in this order
    std::vector<std::string> absent;
    std::string stderrHas; // empty: stderr must be empty
};

// Keyed by the script's file name; the texts are normalised output.
const std::map<std::string, Facts>& expectedFacts() {
    static const std::map<std::string, Facts> facts{
        {"s01_fork_returns_twice.py",
         {{"before fork: one process, my pid=<P1>",
           "parent: fork() returned child pid=<P2>; my pid=<P1>",
           "child: fork() returned 0; my pid=<P2>, my ppid=<P1>",
           "os.wait() gave back child pid=<P2>, exit status 7", "ChildProcessError"},
          {},
          ""}},
        {"s02_zombie.py",
         {{"child pid=<P1>: my work is done", "child pid=<P1> has state Z", "still Z",
           "reaped child pid=<P1>, exit status 3", "now: gone"},
          {},
          ""}},
        {"s03_orphan.py",
         {{"child pid=<P1>: my ppid=<P2>", "parent pid=<P2>: exiting",
           "child pid=<P1>: my parent has exited; my ppid=1 now", "finishing"},
          {},
          ""}},
        {"s04_process_basics.py",
         {{"I am MainProcess, pid=<P1>, parent_process() is None",
           "created Process-1: pid=None alive=False exitcode=None",
           "started Process-1: pid=<P2> alive=True exitcode=None",
           "join(0.1) returned; alive=True exitcode=None",
           "child Process-1: pid=<P2> ppid=<P1>; parent_process() is MainProcess", "Hello, world!",
           "join() returned; alive=False exitcode=0", "child greeter: Good evening, everyone.",
           "greeter ended with exitcode=0", "Process-3 raised an exception: exitcode=1"},
          {},
          "ValueError: this target fails"}},
        {"s05_process_subclass.py",
         {{"run() of Countdown-1 in pid=<P2>: 1", "ran as child pid=<P2>, exitcode=0",
           "__del__ of Countdown-1 in pid=<P1>", "deleted the object",
           "run() of Countdown-2 in pid=<P1>: 1", "never started, pid=None",
           "__del__ of Countdown-2 in pid=<P1>", "main: done"},
          {"in pid=<P2>\n  __del__", "__del__ of Countdown-1 in pid=<P2>"},
          ""}},
        {"s06_join_reaps.py",
         {{"not joined: state Z", "after join(): exitcode=0, state gone",
           "Process-2 child pid=<P2>: state Z", "Process-4 child pid=<P4>: state Z",
           "started Process-5", "Process-2 child pid=<P2>: state gone, exitcode=0",
           "Process-4 child pid=<P4>: state gone, exitcode=0", "active_children() = ['Process-5']",
           "active_children() = []"},
          {},
          ""}},
        {"s07_parent_ends_first.py",
         {{"this is the last line of my code", "but my ppid=<P2> still",
           "parent_process().is_alive() = True", "state is S", "finishing now"},
          {},
          ""}},
        {"s08_daemon.py",
         {{"<Process name='Process-1' pid=<P1> parent=<P2> started daemon>", "p.daemon=True",
           "got SIGTERM from my parent pid=<P2>"},
          {"never appears"},
          ""}},
        {"s09_terminate.py",
         {{"tick 2", "terminate() after <T>", "exitcode=-15, which is -SIGTERM: True",
           "<Process name='Process-1' pid=<P1> parent=<P2> stopped exitcode=-SIGTERM>",
           "ignoring SIGTERM", "alive=True exitcode=None", "exitcode=-9, which is -SIGKILL: True",
           "stopped exitcode=-SIGKILL>"},
          {"tick 3"},
          ""}},
        {"s10_terminate_grandchild_orphan.py",
         {{"child pid=<P1>: forked grandchild pid=<P2>", "grandchild pid=<P2>: my ppid=<P1>",
           "child pid=<P1> terminated, exitcode=-15", "my code ends",
           "grandchild pid=<P2>: my ppid=1 now", "finished my work"},
          {"never appears"},
          ""}},
        {"s11_globals_not_shared.py",
         {{"main: basket = ['apple', 'pear']",
           "child pid=<P1>: basket = ['apple', 'pear', 'plum', 'fig']",
           "same id() as the parent's list: True",
           "after the child ended, basket = ['apple', 'pear', 'kiwi']",
           "second child pid=<P2>: basket = ['apple', 'pear', 'kiwi']"},
          {},
          ""}},
        {"s12_pool_five_workers.py",
         {{"workers: ['ForkPoolWorker-1', 'ForkPoolWorker-2', 'ForkPoolWorker-3', "
           "'ForkPoolWorker-4', 'ForkPoolWorker-5']",
           "results in submission order: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]",
           "distinct worker processes: 5", "the first five tasks to start: [0, 1, 2, 3, 4]",
           "children after join(): []"},
          {},
          ""}},
        {"s13_pool_initializer_maxtasks.py",
         {{"tasks: [0, 1, 2, 3]", "distinct processes: 4",
           "each task saw its own worker's greeting: True",
           "distinct workers that ran a task: 4 True"},
          {},
          ""}},
        {"s14_apply_vs_apply_async.py",
         {{"apply returned values: [0, 10, 20]", "apply_async returned: ApplyResult objects",
           "apply_async returned before any task ended: True", "their values: [0, 10, 20]",
           "apply took about three naps: 3", "apply_async took about one nap: 1"},
          {},
          ""}},
        {"s15_async_result.py",
         {{"ready at once: False", "successful() before the end raises ValueError",
           "get(timeout=0.1) raised multiprocessing.TimeoutError", "callback got 36",
           "after wait(): ready True successful True value 36",
           "error_callback got KeyError 'missing'", "failed task: successful False",
           "get() raised the task's own exception: KeyError('missing')"},
          {},
          ""}},
        {"s16_map_variants.py",
         {{"map: [0, 1, 8, 27, 64, 125]", "starmap: [32, 27, 100]",
           "map_async callback: [27, 1, 8]", "map_async get: [27, 1, 8]",
           "starmap_async callback: [4, 8]", "starmap_async get: [4, 8]", "imap: [0, 1, 8, 27]",
           "imap_unordered, sorted: [0, 1, 8, 27]"},
          {},
          ""}},
        {"s17_get_serialises.py",
         {{"same results: True", "get() after each call: about 4 task lengths",
           "keep the results, get() later: about 1 task length"},
          {},
          ""}},
        {"s18_pool_speedup.py",
         {{"results: True", "rounds of half a second: 2", "serial would take: 8.0 seconds"},
          {},
          ""}},
        {"s19_cpu_count_current_process.py",
         {{"main is MainProcess", "Pool() started one worker per CPU: True",
           "its repr says so: True", "tasks ran in workers named ForkPoolWorker-N: True",
           "after the with block, no children: True"},
          {},
          ""}},
        {"s20_queue_full_empty.py",
         {{"Queue(3): qsize=0 full=False", "put 'plum': qsize=3 full=True",
           "put_nowait('fig'): queue.Full at once", "put('fig', timeout=0.5): queue.Full after <T>",
           "child pid=<P1>: took 'apple' out after <T>", "put('fig') waited <T> for room; qsize=3",
           "get() -> 'pear'", "get() -> 'fig'", "get_nowait(): queue.Empty at once",
           "get(timeout=0.3): queue.Empty after <T>", "in the end: qsize=0 full=False"},
          {},
          ""}},
        {"s21_writer_reader.py",
         {{"writer pid=<P1>: put 'one'", "reader pid=<P2>: got 'one'", "writer pid=<P1>: put 'two'",
           "reader pid=<P2>: got 'two'", "writer pid=<P1>: put 'three'",
           "reader pid=<P2>: got 'three'", "reader pid=<P2>: no more words",
           "writer exitcode=0, reader exitcode=0, qsize=0"},
          {},
          ""}},
        {"s22_manager_queue_pool.py",
         {{"after Manager(): [<ForkProcess name='SyncManager-1' pid=<P1> parent=<P2> started>]",
           "manager.Queue() is a AutoProxy[Queue]",
           "with the pool: ['ForkPoolWorker-2', 'ForkPoolWorker-3', 'SyncManager-1']",
           "writer (ForkPoolWorker): put 5 letters", "the main process sees qsize = 5",
           "reader (ForkPoolWorker): got DrSHW", "map over the manager's queue: [0, 0]",
           "apply_async with a plain Queue returned at once",
           "get() raised RuntimeError: Queue objects should only be shared between processes "
           "through inheritance",
           "map() raised RuntimeError: Queue objects should only be shared between processes "
           "through inheritance",
           "after the pool: ['SyncManager-1']", "after the manager's with-block: []",
           "the queue after shutdown: BrokenPipeError [Errno 32] Broken pipe"},
          {},
          ""}},
        {"s23_lock_file_counter.py",
         {{"a new lock: <Lock(owner=None)>", "with the lock: counter = 40 (expected 40)",
           "without it: counter <= 40: True", "the parent holds it: <Lock(owner=MainProcess)>",
           "acquire(timeout=0.2) -> False; <Lock(owner=SomeOtherProcess)>",
           "acquire() -> True once the parent let go; <Lock(owner=Process-9)>",
           "after the child: <Lock(owner=None)>",
           "release() of a free lock: ValueError: semaphore or lock released too many times"},
          {},
          ""}},
        {"s24_lock_order_deadlock.py",
         {{"lock held during the work: <T>, serialised: True",
           "lock held only around the shared step: <T>, overlapped: True",
           "A: holding lock 1, waited <T> for lock 2", "deadlock; A gives up",
           "B: got lock 1 once A let go of it", "both ended: A exitcode=0, B exitcode=0"},
          {},
          ""}},
        {"s27_lambda_not_picklable.py",
         {{"a lambda ran as a Process target in the child", "a named function works: [2, 4, 6]",
           "a lambda fails: PicklingError - Can't pickle <function <lambda>"},
          {},
          ""}},
    };
    return facts;
}

std::vector<fs::path> lessonScripts() {
    std::vector<fs::path> scripts;
    for (const fs::directory_entry& entry : fs::directory_iterator(FORKSCOPE_SCRIPTS_DIR)) {
        const std::string name = entry.path().filename().string();
        if (name.size() > 4 && name[0] == 's' && entry.path().extension() == ".py") {
            scripts.push_back(entry.path());
        }
    }
    std::sort(scripts.begin(), scripts.end());
    return scripts;
}

} // namespace

TEST_CASE("every scenario script has its facts listed", "[support][scripts]") {
    const std::vector<fs::path> scripts = lessonScripts();
    CHECK(scripts.size() >= expectedFacts().size());
    for (const auto& [name, facts] : expectedFacts()) {
        INFO(name);
        CHECK(fs::exists(fs::path(FORKSCOPE_SCRIPTS_DIR) / name));
    }
}

TEST_CASE("scenario scripts are deterministic and show their facts under real Python",
          "[support][scripts]") {
    for (const fs::path& script : lessonScripts()) {
        const std::string name = script.filename().string();
        DYNAMIC_SECTION(name) {
            const RunResult first = runUnderSystemPython(script.string(), 15);
            const RunResult second = runUnderSystemPython(script.string(), 15);
            INFO("stdout:\n" << first.out << "stderr:\n" << first.err);
            REQUIRE_FALSE(first.timedOut);
            REQUIRE_FALSE(second.timedOut);
            CHECK(first.exitCode == 0);
            CHECK(second.exitCode == 0);
            const std::string normalised = normaliseOutput(first.out);
            CHECK(normalised == normaliseOutput(second.out));

            const auto found = expectedFacts().find(name);
            if (found == expectedFacts().end()) continue;
            const Facts& facts = found->second;
            std::size_t from = 0;
            for (const std::string& text : facts.present) {
                INFO("normalised stdout:\n" << normalised << "expected, in order: " << text);
                const std::size_t at = normalised.find(text, from);
                CHECK(at != std::string::npos);
                if (at != std::string::npos) from = at + text.size();
            }
            for (const std::string& text : facts.absent) {
                INFO("must not appear: " << text);
                CHECK(normalised.find(text) == std::string::npos);
            }
            if (facts.stderrHas.empty()) {
                CHECK(first.err.empty());
            } else {
                CHECK(first.err.find(facts.stderrHas) != std::string::npos);
            }
        }
    }
}

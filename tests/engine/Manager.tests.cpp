// multiprocessing.Manager() and its Queue, as real scripts use them and as the event stream
// shows them.

#include "tests/engine/EngineSession.h"
#include "tests/support/OutputNormaliser.h"
#include "tests/support/ReferenceRun.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <vector>

using namespace forkscope::testing;

namespace {

// Index of the first event that `match` accepts, or events.size().
template <typename Match> std::size_t indexOf(const std::vector<EngineEvent>& events, Match match) {
    return static_cast<std::size_t>(std::find_if(events.begin(), events.end(), match) -
                                    events.begin());
}

auto spawnNamed(const std::string& name) {
    return [name](const EngineEvent& e) { return e.kind == "spawn" && e.text("name") == name; };
}

auto printed(const std::string& text) {
    return [text](const EngineEvent& e) {
        return e.kind == "stdout" && e.text("text").find(text) != std::string::npos;
    };
}

// Runs `name` under /usr/bin/python3 and the engine; both must succeed and print the same,
// once pids and times are normalised. Returns the engine's run.
EngineRun runBesideCPython(const std::string& name) {
    const std::string script = scriptPath(name);
    const RunResult reference = runUnderSystemPython(script, 60);
    REQUIRE_FALSE(reference.timedOut);
    REQUIRE(reference.exitCode == 0);
    EngineRun r = runEngine({script});
    CHECK(r.status == 0);
    CHECK(normaliseOutput(r.stdoutText()) == normaliseOutput(reference.out));
    return r;
}

} // namespace

TEST_CASE("the manager's server SyncManager-1 is a child of the main process, alive in the "
          "with-block and reaped by its end",
          "[engine][manager]") {
    const EngineRun r = runEngine({scriptPath("manager_pool_puts.py")});
    REQUIRE(r.status == 0);
    const auto& ev = r.events;
    const std::size_t born = indexOf(ev, spawnNamed("SyncManager-1"));
    REQUIRE(born < ev.size());
    const int server = ev[born].pid;
    CHECK(ev[born].number("ppid") == 2);
    CHECK(ev[born].text("how") == "process");
    // Output and process events travel apart, so the script itself says it is still alive.
    CHECK(r.stdoutText().find("inside the with-block: ['SyncManager-1']\n") != std::string::npos);
    const std::size_t after = indexOf(ev, printed("after the with-block"));
    const std::size_t reaped =
        indexOf(ev, [server](const EngineEvent& e) { return e.kind == "reap" && e.pid == server; });
    REQUIRE(reaped < ev.size());
    CHECK(ev[reaped].number("by") == 2);
    CHECK(born < reaped);
    CHECK(reaped < after); // gone before the line after the with-block runs
    const auto exit = std::find_if(ev.begin(), ev.end(), [server](const EngineEvent& e) {
        return e.kind == "exit" && e.pid == server;
    });
    REQUIRE(exit != ev.end());
    CHECK(exit->number("code") == 0);
}

TEST_CASE("pool workers' puts on a manager's queue are queue events with their contents",
          "[engine][manager]") {
    const EngineRun r = runEngine({scriptPath("manager_pool_puts.py")});
    REQUIRE(r.status == 0);
    CHECK(r.stdoutText().find("wrote 3\ngot [\"(3, 'fig')\", 'apple', 'pear']\n") !=
          std::string::npos);
    std::map<int, std::string> workers;
    for (const auto& e : r.of("spawn")) {
        if (e.text("name").rfind("ForkPoolWorker-", 0) == 0) workers[e.pid] = e.text("name");
    }
    REQUIRE(workers.size() == 2);
    std::map<int, std::vector<std::string>> putsBy;
    std::vector<std::string> gets;
    for (const auto& e : r.of("queue")) {
        if (e.text("op") == "put") {
            CHECK(workers.count(e.pid) == 1); // every put is a worker's
            CHECK(e.number("by") == e.pid);
            putsBy[e.pid].push_back(e.text("item"));
        } else if (e.text("op") == "get") {
            CHECK(e.pid == 2);
            gets.push_back(e.text("item"));
        }
    }
    // Either worker may have run either task (or both); a task's puts keep their order.
    std::vector<std::string> puts;
    for (auto& [pid, items] : putsBy) {
        const auto apple = std::find(items.begin(), items.end(), "'apple'");
        if (apple != items.end()) CHECK(std::find(apple, items.end(), "'pear'") != items.end());
        puts.insert(puts.end(), items.begin(), items.end());
    }
    std::sort(puts.begin(), puts.end());
    CHECK(puts == std::vector<std::string>{"'apple'", "'pear'", "(3, 'fig')"});
    std::sort(gets.begin(), gets.end());
    CHECK(gets == std::vector<std::string>{"'apple'", "'pear'", "(3, 'fig')"});
    // The queue's whole contents, read from shared memory, held all three at once.
    bool sawAll = false;
    for (const auto& e : r.of("queue-state")) {
        const std::string items = e.text("items");
        // The two tasks' puts may interleave: each item is there, in some order.
        sawAll = sawAll || (e.number("size") == 3 && items.find("'apple'") != std::string::npos &&
                            items.find("'pear'") != std::string::npos &&
                            items.find("(3, 'fig')") != std::string::npos);
    }
    CHECK(sawAll);
}

TEST_CASE("Manager().Queue() behaves as CPython's managed queue, and a manager left running is "
          "shut down at exit",
          "[engine][manager][cpython]") {
    const EngineRun r = runBesideCPython("manager_queue_api.py");

    // put(timeout=0.2) on the full Queue(2) is seen waiting on queue-put, on that queue.
    const auto small = std::find_if(r.events.begin(), r.events.end(), [](const EngineEvent& e) {
        return e.kind == "queue" && e.text("op") == "put" && e.text("item") == "'b'";
    });
    REQUIRE(small != r.events.end());
    bool waited = false;
    for (const auto& e : r.of("state", 2)) {
        if (e.text("on") == "queue-put") {
            waited = true;
            CHECK(e.number("queue") == small->number("queue"));
        }
    }
    CHECK(waited);

    // SyncManager-5 was never shut down by the script: its exit came before the main process's.
    const std::size_t last = indexOf(r.events, spawnNamed("SyncManager-5"));
    REQUIRE(last < r.events.size());
    const int server = r.events[last].pid;
    const std::size_t reaped = indexOf(
        r.events, [server](const EngineEvent& e) { return e.kind == "reap" && e.pid == server; });
    const std::size_t mainExit =
        indexOf(r.events, [](const EngineEvent& e) { return e.kind == "exit" && e.pid == 2; });
    CHECK(reaped < mainExit);
    CHECK(r.events[reaped].number("by") == 2);
}

TEST_CASE("a managed type Forkscope lacks is an unsupported error, and the server still ends",
          "[engine][manager][errors]") {
    const std::string script = writeTempScript("from multiprocessing import Manager\n"
                                               "with Manager() as m:\n"
                                               "    shared = m.Namespace()\n");
    const EngineRun r = runEngine({script});
    CHECK(r.status == 1);
    const auto err = r.first("error");
    REQUIRE(err);
    CHECK(err->text("what") == "unsupported");
    CHECK(err->text("message").find("Manager().Namespace() is not supported by Forkscope yet") !=
          std::string::npos);
    CHECK(err->number("line") == 3);
    const std::size_t born = indexOf(r.events, spawnNamed("SyncManager-1"));
    REQUIRE(born < r.events.size());
    const int server = r.events[born].pid;
    CHECK(std::any_of(r.events.begin(), r.events.end(), [server](const EngineEvent& e) {
        return e.kind == "reap" && e.pid == server;
    }));
}

TEST_CASE("a plain Queue or Lock as a Pool task's argument raises CPython's RuntimeError when "
          "CPython does, while Process(args=...) inherits them",
          "[engine][manager][pool][cpython]") {
    const std::string out =
        normaliseOutput(runBesideCPython("pool_plain_queue_arg.py").stdoutText());
    // apply_async, map_async and imap return; the error comes with the result.
    CHECK(out.find("apply_async returned ApplyResult\nits get() raised RuntimeError: Queue objects "
                   "should only be shared between processes through inheritance\n") !=
          std::string::npos);
    CHECK(out.find("starmap(Lock) raised RuntimeError: Lock objects should only be shared") !=
          std::string::npos);
    CHECK(out.find("Process(args=(Queue, Lock)) exitcode 0 and put inherited") !=
          std::string::npos);
    // A pool's workers are ForkProcess objects, as its default context makes them.
    CHECK(out.find("the workers: [\"<ForkProcess name='ForkPoolWorker-1'\", \"<ForkProcess "
                   "name='ForkPoolWorker-2'\"]") != std::string::npos);
}

TEST_CASE("Manager().list() and dict() behave as CPython's ListProxy and DictProxy, shared by "
          "Pool tasks and processes",
          "[engine][manager][cpython]") {
    const std::string out = normaliseOutput(runBesideCPython("manager_list_dict.py").stdoutText());
    // Ten appends from three workers and 150 read-modify-writes from three processes, none lost.
    CHECK(
        out.find("[0, 1, 4, 9, 16, 25, 36, 49, 64, 81] 10\n[('a', 50), ('b', 50), ('c', 50)]\n") !=
        std::string::npos);
}

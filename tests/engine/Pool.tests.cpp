// Pool's workers and tasks, as the event stream shows them.

#include "tests/engine/EngineSession.h"
#include "tests/support/ReferenceRun.h"

#include <catch2/catch.hpp>
#include <set>

using namespace forkscope::testing;

TEST_CASE("Pool(5) with 10 tasks: five workers up front, never more than five tasks running",
          "[engine][pool]") {
    const EngineRun r = runEngine({scriptPath("pool_close_then_wait.py")});
    REQUIRE(r.status == 0);
    std::set<int> workers;
    for (const auto& e : r.of("spawn")) {
        if (e.text("how") == "process") {
            CHECK(e.text("name").rfind("ForkPoolWorker-", 0) == 0);
            workers.insert(e.pid);
        }
    }
    CHECK(workers.size() == 5);
    // Every worker is born before the first task is submitted: Pool() forks them all.
    const auto firstSubmit = r.first("task");
    REQUIRE(firstSubmit);
    CHECK(firstSubmit->text("op") == "submit");
    for (int w : workers)
        CHECK(r.first("spawn", w)->t <= firstSubmit->t);

    std::set<double> running;
    std::size_t most = 0;
    std::vector<double> startOrder;
    for (const auto& e : r.of("task")) {
        const double id = e.number("task");
        if (e.text("op") == "start") {
            CHECK(workers.count(e.pid) == 1);
            running.insert(id);
            startOrder.push_back(id);
        } else if (e.text("op") == "done") {
            running.erase(id);
        }
        most = std::max(most, running.size());
    }
    CHECK(startOrder.size() == 10);
    CHECK(most == 5);
    // First in, first out: the first five tasks are the first five to start.
    CHECK(std::set<double>(startOrder.begin(), startOrder.begin() + 5) ==
          std::set<double>{1, 2, 3, 4, 5});
    CHECK(r.stdoutText() == "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]\n");
}

TEST_CASE("after close() the workers exit and stay zombies until join() reaps them",
          "[engine][pool]") {
    const EngineRun r = runEngine({scriptPath("pool_close_then_wait.py")});
    REQUIRE(r.status == 0);
    int zombies = 0;
    for (const auto& spawn : r.of("spawn")) {
        if (spawn.text("how") != "process") continue;
        std::optional<EngineEvent> zombie;
        for (const auto& e : r.of("state", spawn.pid)) {
            if (e.text("state") == "zombie") zombie = e;
        }
        const auto reap = r.first("reap", spawn.pid);
        REQUIRE(reap);
        CHECK(reap->number("by") == 2);
        if (zombie) {
            ++zombies;
            CHECK(reap->t - zombie->t > 0.3); // the parent sleeps before join()
        }
    }
    CHECK(zombies == 5);
}

TEST_CASE("Pool(2, maxtasksperchild=1) runs four tasks in four distinct processes",
          "[engine][pool]") {
    const EngineRun r = runEngine({scriptPath("pool_maxtasks.py")});
    REQUIRE(r.status == 0);
    CHECK(r.stdoutText() == "4\n");
    std::set<int> ranTasks;
    for (const auto& e : r.of("task")) {
        if (e.text("op") == "start") ranTasks.insert(e.pid);
    }
    CHECK(ranTasks.size() == 4);
    int workers = 0;
    for (const auto& e : r.of("spawn"))
        workers += e.text("how") == "process";
    CHECK(workers >= 4); // two at the start, and a replacement for each that retired
}

TEST_CASE("a map's results are CPython's, item for item and type for type, however they travel",
          "[engine][pool][cpython]") {
    // Chunks of ints come back as numbers, the rest pickled: bools, int subclasses, ints past
    // 64 bits and mixed lists must not be taken for plain ints, nor a failed chunk lost.
    const std::string script = scriptPath("pool_map_results.py");
    const RunResult reference = runUnderSystemPython(script, 60);
    REQUIRE(reference.exitCode == 0);
    const EngineRun r = runEngine({script});
    INFO(r.stderrText());
    CHECK(r.status == 0);
    CHECK(r.stdoutText() == reference.out);
    CHECK(r.stdoutText().find("bools stay bools, chunksize None: equal True, types ['bool', "
                              "'int'], first [True, False, 1]\n") != std::string::npos);
}

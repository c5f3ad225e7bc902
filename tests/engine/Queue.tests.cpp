// multiprocessing.Queue, as real scripts use it and as the event stream shows it.

#include "tests/engine/EngineSession.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

using namespace forkscope::testing;

namespace {

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

double numberAfter(const std::string& text, const std::string& prefix) {
    const auto at = text.find(prefix);
    if (at == std::string::npos) return -1;
    return std::stod(text.substr(at + prefix.size()));
}

} // namespace

TEST_CASE(
    "Queue(3) is full after three puts, a fourth put(timeout=0.5) waits on queue-put and then "
    "raises queue.Full, and get_nowait() on an empty queue raises queue.Empty at once",
    "[engine][queue]") {
    const EngineRun r = runEngine({scriptPath("queue_full_empty.py")});
    REQUIRE(r.status == 0);
    const std::string out = r.stdoutText();
    CHECK(out.find("full True qsize 3\n") != std::string::npos);
    // Measured inside the script, so that a loaded machine cannot make the test lie.
    const double full = numberAfter(out, "Full after ");
    CHECK(full >= 0.49);
    CHECK(full < 1.0);
    const double empty = numberAfter(out, "Empty after ");
    CHECK(empty >= 0);
    CHECK(empty < 0.05);

    const auto ops = r.of("queue", 2);
    REQUIRE(ops.size() == 6); // three puts, three gets; the failed put and get are no operations
    for (int i = 0; i < 3; ++i) {
        CHECK(ops[i].text("op") == "put");
        CHECK(ops[i].number("size") == i + 1);
        CHECK(ops[i].number("capacity") == 3);
        CHECK(ops[i].number("by") == 2);
    }
    CHECK(ops[0].text("item") == "'a'");
    CHECK(ops[2].text("item") == "'c'");
    CHECK(ops[3].text("op") == "get");
    CHECK(ops[5].number("size") == 0);

    // Between the third put and the first get the putter is seen waiting on the queue, for
    // about the half second it waits.
    std::optional<EngineEvent> waiting;
    for (const auto& e : r.of("state", 2)) {
        if (e.t >= ops[2].t && e.t <= ops[3].t && e.text("state") == "waiting" &&
            e.text("on") == "queue-put")
            waiting = e;
    }
    REQUIRE(waiting);
    CHECK(ops[3].t - waiting->t > 0.3);
    CHECK(waiting->number("queue") == ops[2].number("queue")); // which queue it waits on
}

TEST_CASE("the contents the engine reports after every operation are the queue's real contents",
          "[engine][queue]") {
    const EngineRun r = runEngine({scriptPath("queue_contents.py")});
    REQUIRE(r.status == 0);
    // The script's own view after each operation, in order.
    std::vector<std::string> expected;
    for (const std::string& line : lines(r.stdoutText())) {
        REQUIRE(line.rfind("STATE ", 0) == 0);
        expected.push_back(line.substr(6));
    }
    REQUIRE(expected.size() == 12);
    // The engine's view: each operation is followed, before the next one, by the contents it
    // read from shared memory.
    std::vector<std::string> reported;
    std::string latest;
    bool changed = false;
    for (const auto& e : r.events) {
        if (e.kind == "queue-state" && e.number("queue") == 1) {
            latest = e.text("items");
            changed = true;
        }
        if (e.kind == "stdout" && changed) {
            reported.push_back(latest);
            changed = false;
        }
    }
    // Every state the script printed was reported, in the same order.
    std::size_t at = 0;
    for (const std::string& want : expected) {
        while (at < reported.size() && reported[at] != want)
            ++at;
        INFO("expected the engine to report " << want);
        CHECK(at < reported.size());
    }
    // Replaying the operations gives the same sizes as the script's model.
    const auto ops = r.of("queue");
    REQUIRE(ops.size() == 12);
    std::size_t size = 0;
    const std::vector<std::string> items = {
        "1", "'two'", "(3, 3.5)", "{'k': [None, True]}", "b'bytes\\n'", "('from the child', 7)"};
    std::vector<std::string> model;
    std::size_t nextItem = 0;
    for (const auto& e : ops) {
        if (e.text("op") == "put") {
            ++size;
            REQUIRE(nextItem < items.size());
            CHECK(e.text("item") == items[nextItem++]);
            model.push_back(e.text("item"));
        } else {
            --size;
            REQUIRE(!model.empty());
            CHECK(e.text("item") == model.front());
            model.erase(model.begin());
        }
        CHECK(e.number("size") == static_cast<double>(size));
        CHECK(e.number("capacity") == 5);
    }
    CHECK(r.of("queue-state").back().text("items") == "[]");
}

TEST_CASE("each put and get shows its item as Python's repr does, with the queue's capacity",
          "[engine][queue]") {
    // Ints of 32 bits travel in the op record itself, others as their first pickled bytes:
    // both read as the script's own repr().
    const EngineRun r = runEngine({scriptPath("queue_item_reprs.py")});
    REQUIRE(r.status == 0);
    const std::vector<std::string> printed = lines(r.stdoutText());
    std::vector<std::string> puts, gets;
    for (const auto& e : r.of("queue")) {
        CHECK(e.number("capacity") == 100);
        (e.text("op") == "put" ? puts : gets).push_back(e.text("item"));
    }
    CHECK(puts == printed);
    CHECK(gets == printed);
    CHECK(printed.size() == 20);
}

TEST_CASE("a writer process and a reader process share one queue", "[engine][queue]") {
    const EngineRun r = runEngine({scriptPath("queue_writer_reader.py")});
    REQUIRE(r.status == 0);
    int writer = 0, reader = 0;
    const std::string out = r.stdoutText();
    REQUIRE(std::sscanf(out.substr(out.find("writer ")).c_str(), "writer %d reader %d", &writer,
                        &reader) == 2);
    std::vector<std::string> puts, gets;
    for (const auto& e : r.of("queue")) {
        if (e.text("op") == "put") {
            CHECK(e.pid == writer);
            puts.push_back(e.text("item"));
        } else {
            CHECK(e.pid == reader);
            gets.push_back(e.text("item"));
        }
    }
    const std::vector<std::string> words = {"'alpha'", "'beta'", "'gamma'", "None"};
    CHECK(puts == words);
    CHECK(gets == words);
    CHECK(out.find("reader " + std::to_string(reader) + " got gamma\n") != std::string::npos);
    // Waiting for the next word, the reader is seen waiting on the queue.
    bool waited = false;
    for (const auto& e : r.of("state", reader))
        waited = waited || e.text("on") == "queue-get";
    CHECK(waited);
}

TEST_CASE("processes that wait for a queue, spinning or asleep, are always woken",
          "[engine][queue]") {
    // A lost wake-up would leave one side asleep for good: the run would hit its time limit.
    const EngineRun r = runEngine({scriptPath("queue_handover_waits.py"), "--timeout", "50"});
    REQUIRE(r.status == 0);
    CHECK(r.stdoutText() == "queue handover 80200\nwaited for room True\nmanaged handover 80200\n");
    // The naps are long enough that the other side was seen asleep on the queue.
    bool getter = false, putter = false;
    for (const auto& e : r.of("state")) {
        getter = getter || e.text("on") == "queue-get";
        putter = putter || e.text("on") == "queue-put";
    }
    CHECK(getter);
    CHECK(putter);
}

TEST_CASE("a 10 MB object and a thousand small ones go through a queue", "[engine][queue]") {
    const EngineRun r = runEngine({scriptPath("queue_big_items.py")});
    REQUIRE(r.status == 0);
    CHECK(r.stdoutText() == "big 10485760 True\nqsize 0 empty True\n");
    const auto ops = r.of("queue");
    CHECK(ops.size() == 2002);
    bool sawBig = false;
    for (const auto& e : ops) {
        if (e.text("op") == "put" && e.text("item").rfind("b'\\x00\\x01\\x02", 0) == 0) {
            sawBig = true;
            CHECK(e.text("item").size() <= 80 * 3);
        }
    }
    CHECK(sawBig);
}

TEST_CASE("a producer and a consumer flooding a queue: every operation is shown, each side in "
          "its order, with sizes that add up",
          "[engine][queue]") {
    constexpr int kItems = 100'000; // as in the script
    const EngineRun r = runEngine({scriptPath("queue_flood.py")});
    REQUIRE(r.status == 0);
    CHECK(r.stdoutText() == "sum True\n");
    CHECK_FALSE(r.notice("ops-dropped"));
    const auto ops = r.of("queue");
    CHECK(ops.size() == 2 * kItems);
    long long puts = 0, gets = 0;
    std::size_t wrong = 0; // events whose item or size is not what their order implies
    for (const auto& e : ops) {
        long long& done = e.text("op") == "put" ? puts : gets;
        if (e.text("item") != std::to_string(done)) ++wrong;
        ++done;
        if (e.number("size") != static_cast<double>(puts - gets) || puts < gets) ++wrong;
    }
    CHECK(wrong == 0);
    CHECK(puts == kItems);
    CHECK(gets == kItems);
}

TEST_CASE("terminate() in the middle of puts leaves the queue whole and usable",
          "[engine][queue]") {
    const EngineRun r = runEngine({scriptPath("queue_terminate_put.py")});
    REQUIRE(r.status == 0);
    const std::string out = r.stdoutText();
    for (int round = 0; round < 3; ++round)
        CHECK(out.find("round " + std::to_string(round) + ": exitcode -15, ") != std::string::npos);
    CHECK(out.find("still usable\n") != std::string::npos);
    // Whatever a killed putter had not finished is reported as lost, never shown as in the queue.
    for (const auto& e : r.of("queue")) {
        if (e.text("op") == "lost") CHECK(e.text("during") == "put");
    }
}

TEST_CASE("a getter killed before it had its item: the engine reports the item lost",
          "[engine][queue]") {
    const EngineRun r = runEngine({scriptPath("queue_lost_get.py")});
    REQUIRE(r.status == 0);
    CHECK(r.stdoutText().find("qsize 0\nafter\n") != std::string::npos);
    std::optional<EngineEvent> lost;
    for (const auto& e : r.of("queue")) {
        if (e.text("op") == "lost") lost = e;
    }
    REQUIRE(lost);
    CHECK(lost->text("during") == "get");
    CHECK(lost->text("item") == "<__main__.Slow object>");
    CHECK(lost->number("size") == 0);
    const auto exit = r.first("exit", lost->pid);
    REQUIRE(exit);
    CHECK(exit->text("signame") == "SIGKILL");
    CHECK(lost->t >= exit->t);
}

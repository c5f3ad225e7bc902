#include "tests/support/OutputNormaliser.h"

#include <catch2/catch.hpp>

using forkscope::testing::normaliseOutput;

TEST_CASE("normaliseOutput labels pids in order of first appearance", "[support]") {
    CHECK(normaliseOutput("parent pid=2 started child pid=3\n") ==
          "parent pid=<P1> started child pid=<P2>\n");
}

TEST_CASE("normaliseOutput gives the same pid the same label", "[support]") {
    const std::string text = "child pid=37: my ppid=12\n"
                             "main pid=12: child 37 exited\n"
                             "reaped child:37\n";
    CHECK(normaliseOutput(text) == "child pid=<P1>: my ppid=<P2>\n"
                                   "main pid=<P2>: child <P1> exited\n"
                                   "reaped child:<P1>\n");
}

TEST_CASE("normaliseOutput gives different pids different labels", "[support]") {
    CHECK(normaliseOutput("pid 40 pid 41 pid 42 pid 41") == "pid <P1> pid <P2> pid <P3> pid <P2>");
}

TEST_CASE("normaliseOutput keeps 1 and 0", "[support]") {
    CHECK(normaliseOutput("my ppid: 1\n") == "my ppid: 1\n");
    CHECK(normaliseOutput("pid=5 ppid=1 pid=6") == "pid=<P1> ppid=1 pid=<P2>");
    CHECK(normaliseOutput("fork() returned pid 0") == "fork() returned pid 0");
    // 1 only as a whole number: 12 and 100 are ordinary pids.
    CHECK(normaliseOutput("ppid=1 pid=12 pid=100") == "ppid=1 pid=<P1> pid=<P2>");
}

TEST_CASE("normaliseOutput accepts the separators and any letter case", "[support]") {
    CHECK(normaliseOutput("PID 7, Ppid=8, Parent:9, CHILD = 10, child:  11, pid\t12") ==
          "PID <P1>, Ppid=<P2>, Parent:<P3>, CHILD = <P4>, child:  <P5>, pid\t<P6>");
    CHECK(normaliseOutput("grandchild 44, mypid=45") == "grandchild <P1>, mypid=<P2>");
}

TEST_CASE("normaliseOutput handles a multiprocessing repr", "[support]") {
    CHECK(normaliseOutput("<Process name='Process-1' pid=5 parent=2 stopped exitcode=-SIGTERM>") ==
          "<Process name='Process-1' pid=<P1> parent=<P2> stopped exitcode=-SIGTERM>");
}

TEST_CASE("normaliseOutput leaves numbers that are not pids alone", "[support]") {
    const std::string text = "Process-3 exitcode=-15 n=42 children: 2, pid=None, child of 4\n";
    CHECK(normaliseOutput(text) == text);
    CHECK(normaliseOutput("pid") == "pid");
    CHECK(normaliseOutput("pid=") == "pid=");
    CHECK(normaliseOutput("parental 5") == "parental 5");
}

TEST_CASE("normaliseOutput replaces times", "[support]") {
    CHECK(normaliseOutput("took 1.02s") == "took <T>");
    CHECK(normaliseOutput("0.5s later, then 12.250s.") == "<T> later, then <T>.");
    CHECK(normaliseOutput("(1.0s)") == "(<T>)");
    CHECK(normaliseOutput("child 0.5s") == "child <T>");
}

TEST_CASE("normaliseOutput leaves what only looks like a time", "[support]") {
    const std::string text = "2s 1.5 v1.5s 1.5sec 1.s .5s 3.14\n";
    CHECK(normaliseOutput(text) == text);
}

TEST_CASE("normaliseOutput copies everything else unchanged", "[support]") {
    CHECK(normaliseOutput("").empty());
    const std::string text = "basket = ['apple', 'pear']\n\tstate Z\r\nÜnïcödé ✓\n";
    CHECK(normaliseOutput(text) == text);
}

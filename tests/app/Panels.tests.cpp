// The Queue, Lock and Pool panels, fed streams the real engine recorded:
//   queue_full.jsonl    forkscope-engine run tests/scripts/s20_queue_full_empty.py --json
//   lock_counter.jsonl  forkscope-engine run tests/scripts/s23_lock_file_counter.py --json
//   pool_five.jsonl     forkscope-engine run tests/scripts/s12_pool_five_workers.py --json
// What is checked is what the panels draw (their elements), and the colours they paint.

#include "TestSupport.h"
#include "core/LockModel.h"
#include "core/PoolModel.h"
#include "core/QueueModel.h"
#include "core/Replay.h"
#include "core/RunModel.h"
#include "gui/MainWindow.h"
#include "gui/ProcessPalette.h"
#include "gui/panels/LockPanel.h"
#include "gui/panels/PoolPanel.h"
#include "gui/panels/QueuePanel.h"
#include "gui/panels/SharedObjectDocks.h"

#include <QImage>
#include <QTest>
#include <QTreeView>
#include <catch2/catch.hpp>
#include <functional>

using namespace Qt::StringLiterals;
using Element = PanelCanvas::Element;

namespace {

QStringList texts(const QList<Element>& elements) {
    QStringList list;
    for (const Element& e : elements)
        list << e.text;
    return list;
}

QList<int> pids(const QList<Element>& elements) {
    QList<int> list;
    for (const Element& e : elements)
        list << e.pid;
    return list;
}

// The events up to and including the first one that `until` accepts (all when none does).
QList<EngineEvent> prefix(const QList<EngineEvent>& events,
                          const std::function<bool(const EngineEvent&)>& until) {
    QList<EngineEvent> head;
    for (const EngineEvent& e : events) {
        head << e;
        if (until(e)) break;
    }
    return head;
}

bool waitsOn(const EngineEvent& e, const char* on) {
    return e.kind == EventKind::State && e.text("on"_L1) == QLatin1StringView(on);
}

// A panel with its models, shown at a projector's width.
template <typename Model, typename Panel> struct Rig {
    RunModel run;
    Model model;
    Panel panel{&model, &run};
    Rig() {
        panel.resize(420, 300);
        panel.show();
    }
    void feed(const QList<EngineEvent>& events) {
        run.apply(events);
        model.apply(events);
        panel.relayoutIfChanged();
    }
};

// The caption whose text starts so, and the chips on its line after it.
QList<Element> chipsAfter(const PanelCanvas& panel, const QString& caption) {
    const auto captions = panel.elements(Element::Caption);
    const auto it = std::find_if(captions.begin(), captions.end(),
                                 [&](const Element& e) { return e.text.startsWith(caption); });
    if (it == captions.end()) return {};
    QList<Element> chips;
    for (const Element& e : panel.elements(Element::Chip))
        if (e.rect.center().y() == it->rect.center().y() && e.rect.left() > it->rect.right())
            chips << e;
    return chips;
}

} // namespace

TEST_CASE("The Queue panel draws a full queue's boxes and its blocked putter",
          "[app][panels][queue-panel]") {
    Rig<QueueModel, QueuePanel> rig;
    const QList<EngineEvent> events = testing::loadEvents(u"queue_full.jsonl"_s);
    rig.feed(prefix(events, [](const EngineEvent& e) { return waitsOn(e, "queue-put"); }));

    CHECK(texts(rig.panel.elements(Element::Heading)) == QStringList{u"Queue 1"_s});
    CHECK(texts(rig.panel.elements(Element::Slot)) ==
          QStringList{u"'apple'"_s, u"'pear'"_s, u"'plum'"_s});
    CHECK(rig.panel.elements(Element::Empty).isEmpty()); // three of three: no free slot
    const auto boxes = rig.panel.elements(Element::Slot);
    CHECK(boxes[0].rect.right() < boxes[1].rect.left()); // oldest on the left
    CHECK(boxes[1].rect.right() < boxes[2].rect.left());
    const QList<Element> putters = chipsAfter(rig.panel, u"Blocked putting"_s);
    CHECK(pids(putters) == QList<int>{2});
    CHECK(chipsAfter(rig.panel, u"Blocked getting"_s).isEmpty());
    REQUIRE(!putters.isEmpty());
    CHECK(putters[0].rect.top() > boxes[0].rect.bottom());

    // The chip is painted in the process's colour.
    const QImage image = rig.panel.grab().toImage();
    const QRect chip = putters[0].rect;
    const QPoint inside(chip.left() + chip.height() / 2, chip.top() + 3);
    CHECK(QColor(image.pixel(inside)) == ProcessPalette::color(2));

    // Once the child took one out and the parent put its fig in, and all were got again.
    rig.feed(events.mid(rig.run.eventCount()));
    CHECK(rig.panel.elements(Element::Slot).isEmpty());
    CHECK(rig.panel.elements(Element::Empty).size() == 3);
    CHECK(rig.panel.elements(Element::Chip).isEmpty());
}

TEST_CASE("The Lock panel shows the holder and the waiters in the order they came",
          "[app][panels][lock-panel]") {
    Rig<LockModel, LockPanel> rig;
    const QList<EngineEvent> events = testing::loadEvents(u"lock_counter.jsonl"_s);
    // Process 3 holds the lock; 4, 5 and 6 came to it in that order.
    int waiting = 0;
    rig.feed(
        prefix(events, [&](const EngineEvent& e) { return waitsOn(e, "lock") && ++waiting == 3; }));
    CHECK(pids(chipsAfter(rig.panel, u"held by"_s)) == QList<int>{3});
    CHECK(pids(chipsAfter(rig.panel, u"Waiting, in order"_s)) == QList<int>{4, 5, 6});

    // 3 lets go and 4 takes it; 3 comes back and queues up behind 5 and 6.
    rig.feed(prefix(events.mid(rig.run.eventCount()), [](const EngineEvent& e) {
        return e.text("op"_L1) == "wait"_L1 && e.pid == 3;
    }));
    CHECK(pids(chipsAfter(rig.panel, u"held by"_s)) == QList<int>{4});
    CHECK(pids(chipsAfter(rig.panel, u"Waiting, in order"_s)) == QList<int>{5, 6, 3});

    rig.feed(events.mid(rig.run.eventCount()));
    CHECK(texts(rig.panel.elements(Element::Empty)) == QStringList{u"free"_s});
    CHECK(rig.panel.elements(Element::Chip).isEmpty());
}

TEST_CASE("The Pool panel shows each worker's task, the tasks waiting and the results",
          "[app][panels][pool-panel]") {
    Rig<PoolModel, PoolPanel> rig;
    const QList<EngineEvent> events = testing::loadEvents(u"pool_five.jsonl"_s);
    int started = 0;
    rig.feed(prefix(events, [&](const EngineEvent& e) {
        return e.text("op"_L1) == "start"_L1 && ++started == 5;
    }));
    // Each worker's line: its chip, then the task it runs, in its colour.
    QStringList lines;
    for (const Element& chip : rig.panel.elements(Element::Chip)) {
        for (const Element& slot : rig.panel.elements(Element::Slot))
            if (slot.pid == chip.pid && slot.rect.center().y() == chip.rect.center().y())
                lines << u"%1: %2"_s.arg(chip.pid).arg(slot.text);
    }
    CHECK(lines == QStringList{u"3: #2 task"_s, u"4: #1 task"_s, u"5: #5 task"_s, u"6: #4 task"_s,
                               u"7: #3 task"_s});
    QStringList waiting;
    for (const Element& slot : rig.panel.elements(Element::Slot))
        if (slot.pid == 0) waiting << slot.text;
    CHECK(waiting ==
          QStringList{u"#6 task"_s, u"#7 task"_s, u"#8 task"_s, u"#9 task"_s, u"#10 task"_s});

    rig.feed(events.mid(rig.run.eventCount()));
    QStringList results;
    for (const Element& slot : rig.panel.elements(Element::Slot))
        results << slot.text;
    CHECK(results.size() == 10); // every task done, none waiting, no worker busy
    CHECK(texts(rig.panel.elements(Element::Empty)).count(u"exited"_s) == 5);
}

TEST_CASE("Selecting a process in a panel selects it in the tree, and back",
          "[app][panels][selection]") {
    MainWindow::Options options;
    options.useSettings = false;
    MainWindow window(options);
    window.show();
    const QList<EngineEvent> events = testing::loadEvents(u"queue_full.jsonl"_s);
    window.applyEvents(
        prefix(events, [](const EngineEvent& e) { return waitsOn(e, "queue-put"); }));
    QueuePanel* panel = window.objectDocks()->queuePanel();
    REQUIRE(testing::waitFor([&] { return panel->isVisible(); }));
    const QList<Element> chips = panel->elements(Element::Chip);
    REQUIRE(chips.size() == 1);
    QTest::mouseClick(panel, Qt::LeftButton, {}, chips[0].rect.center());
    CHECK(window.selectedPid() == 2);

    window.processView()->setCurrentIndex(window.processView()->model()->index(0, 0));
    CHECK(window.selectedPid() == 1);
    CHECK(panel->selectedPid() == 1);
}

TEST_CASE("A replayed recording draws the panels as the run did", "[app][panels][replay]") {
    MainWindow::Options options;
    options.useSettings = false;
    MainWindow window(options);
    window.show();
    REQUIRE(window.openRecording(testing::dataPath(u"queue_full.jsonl"_s)));
    QueuePanel* panel = window.objectDocks()->queuePanel();
    // Opened whole: the end of the run.
    CHECK(panel->elements(Element::Slot).isEmpty());
    CHECK(panel->elements(Element::Empty).size() == 3);
    // Back to one second in: the queue full, the parent blocked in put().
    window.replay()->seek(1.0);
    CHECK(texts(panel->elements(Element::Slot)) ==
          QStringList{u"'apple'"_s, u"'pear'"_s, u"'plum'"_s});
    CHECK(pids(chipsAfter(*panel, u"Blocked putting"_s)) == QList<int>{2});
    CHECK(panel->isVisible()); // its tab came to the front when the queue appeared
}

// The lessons in the window: the browser by chapter with progress, opening on the first (or
// last) lesson, reloading a lesson dropped into the user's folder, the steps pausing a real run
// at their moments and framing their panel, the prediction answered by the run, editing and
// resetting the script, and switching the language at run time.

#include "TestSupport.h"
#include "core/EngineClient.h"
#include "core/LanguageSwitcher.h"
#include "core/LessonLibrary.h"
#include "core/LessonProgress.h"
#include "core/RunModel.h"
#include "gui/CodeView.h"
#include "gui/ConsoleView.h"
#include "gui/LanguageMenu.h"
#include "gui/MainWindow.h"
#include "gui/lessons/LessonBrowser.h"
#include "gui/lessons/LessonController.h"
#include "gui/lessons/LessonPanel.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFontDatabase>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTest>
#include <QTextCursor>
#include <QTimer>
#include <QTreeWidget>
#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

void writeFile(const QString& path, const QByteArray& text) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

QString readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// The [lesson] section of a test lesson that runs `script`; its steps follow.
QByteArray stepsLesson(const QByteArray& script) {
    return "[lesson]\nscript = " + script +
           "\n"
           "title[en] = Steps\ntitle[zh_CN] = 步骤\n"
           "chapter[en] = Test chapter\nchapter[zh_CN] = 测试章节\n"
           "goal[en] = Stop where the steps say.\ngoal[zh_CN] = 在步骤说的地方停下。\n"
           "intro[en] = A short script.\nintro[zh_CN] = 一个短脚本。\n";
}

// A child that exits at once and stays a zombie for a second, until its parent waits.
const QByteArray kZombieScript = "import os\n"
                                 "import time\n"
                                 "\n"
                                 "pid = os.fork()\n"
                                 "if pid == 0:\n"
                                 "    print('child: bye')\n"
                                 "    os._exit(3)\n"
                                 "time.sleep(1.0)\n"
                                 "os.waitpid(pid, 0)\n"
                                 "print('parent: reaped')\n";

QByteArray zombieLesson(const QByteArray& titleEn = "A short zombie") {
    return "[lesson]\n"
           "script = zombie.py\n"
           "title[en] = " +
           titleEn +
           "\n"
           "title[zh_CN] = 短暂的僵尸\n"
           "chapter[en] = Test chapter\n"
           "chapter[zh_CN] = 测试章节\n"
           "goal[en] = See a zombie.\n"
           "goal[zh_CN] = 看一个僵尸进程。\n"
           "intro[en] = The child ends first.\n"
           "intro[zh_CN] = 子进程先结束。\n"
           "\n"
           "[question]\n"
           "ask[en] = What is the child's exit code?\n"
           "ask[zh_CN] = 子进程的退出码是多少？\n"
           "answer = exitcode child\n"
           "explain[en] = os._exit(3) gives 3.\n"
           "explain[zh_CN] = os._exit(3) 给出 3。\n"
           "\n"
           "[choice]\n"
           "value = 0\n"
           "\n"
           "[choice]\n"
           "value = 3\n"
           "\n"
           "[step]\n"
           "text[en] = Read the script, then run it.\n"
           "text[zh_CN] = 先读脚本，再运行。\n"
           "\n"
           "[step]\n"
           "at = zombie\n"
           "who = child\n"
           "text[en] = The child is a zombie now.\n"
           "text[zh_CN] = 子进程现在是僵尸。\n"
           "\n"
           "[step]\n"
           "at = end\n"
           "text[en] = The parent reaped it.\n"
           "text[zh_CN] = 父进程回收了它。\n";
}

// Answers the next modal dialog with the button whose text is `button` (after it opens).
void answerNextDialog(const QString& button) {
    QTimer::singleShot(50, [button] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box) return;
        for (QAbstractButton* b : box->buttons())
            if (box->buttonRole(b) != QMessageBox::InvalidRole &&
                b->text().remove(u'&') == button) {
                b->click();
                return;
            }
    });
}

// Each test starts in English and leaves it so.
struct English {
    English() { LanguageSwitcher::instance()->setLanguage(u"en"_s, false); }
    ~English() { LanguageSwitcher::instance()->setLanguage(u"en"_s, false); }
};

// A window in English, with a data folder of its own (the user's lessons, the script edits).
struct LessonWindow {
    English english;
    testing::TemporaryDataHome home; // before the window: its library reads the user's folder
    MainWindow window{testing::windowOptions()};

    LessonWindow() { window.show(); }
};

// The zombie lesson in a folder of its own, opened in such a window.
struct ZombieLessonWindow : LessonWindow {
    QTemporaryDir dir;

    ZombieLessonWindow() {
        writeFile(dir.filePath(u"zombie.py"_s), kZombieScript);
        writeFile(dir.filePath(u"lesson.ini"_s), zombieLesson());
        REQUIRE(window.lessons()->openLessonFolder(dir.path()));
    }
};

} // namespace

TEST_CASE("The lesson browser lists the lessons by chapter, in order, with their progress",
          "[app][lessonui]") {
    LessonWindow fixture;
    MainWindow& window = fixture.window;
    LessonController* lessons = window.lessons();
    LessonLibrary* library = lessons->library();
    for (const Lesson& lesson : library->lessons())
        LessonProgress::forget(lesson.id);
    lessons->browser()->refresh();

    QTreeWidget* tree = lessons->browser()->tree();
    const QList<LessonChapter> chapters = library->chapters();
    REQUIRE(chapters.size() >= 3);
    REQUIRE(tree->topLevelItemCount() == chapters.size());
    QStringList listed;
    for (int c = 0; c < tree->topLevelItemCount(); ++c) {
        QTreeWidgetItem* chapter = tree->topLevelItem(c);
        CHECK(chapter->text(0) == chapters[c].title.in(u"en"_s));
        for (int i = 0; i < chapter->childCount(); ++i)
            listed << chapter->child(i)->data(0, LessonBrowser::LessonIdRole).toString();
    }
    QStringList inLibraryOrder;
    for (const Lesson& lesson : library->lessons())
        inLibraryOrder << lesson.id;
    CHECK(listed == inLibraryOrder);
    CHECK(lessons->browser()->itemFor(u"01-fork"_s)->text(0) ==
          library->lesson(u"01-fork"_s)->title.in(u"en"_s));
    CHECK(lessons->browser()->problemList()->count() == 0);
    CHECK_FALSE(lessons->browser()->problemList()->isVisible());

    // Progress: nothing yet; one lesson done, another started.
    const auto progressOf = [&](const QString& id) {
        return lessons->browser()->itemFor(id)->data(0, LessonBrowser::ProgressRole).toInt();
    };
    CHECK(progressOf(u"02-zombie"_s) == int(LessonProgress::State::NotStarted));
    LessonProgress::markDone(u"02-zombie"_s);
    LessonProgress::markStarted(u"03-orphan"_s);
    LessonProgress::markStarted(u"02-zombie"_s); // never back from done
    lessons->browser()->refresh();
    CHECK(progressOf(u"02-zombie"_s) == int(LessonProgress::State::Done));
    CHECK(progressOf(u"03-orphan"_s) == int(LessonProgress::State::InProgress));
    CHECK(lessons->browser()->itemFor(u"02-zombie"_s)->toolTip(0).contains(u"Done"_s));

    // Moving through the list does not open a lesson; clicking one does: its script, its
    // title, its first step.
    const auto click = [tree](QTreeWidgetItem* item) {
        tree->scrollToItem(item);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {},
                          tree->visualItemRect(item).center());
    };
    const QString before = lessons->currentLessonId();
    tree->setCurrentItem(lessons->browser()->itemFor(u"04-unix-daemon"_s));
    CHECK(lessons->currentLessonId() == before);
    click(lessons->browser()->itemFor(u"03-orphan"_s));
    const Lesson* orphan = library->lesson(u"03-orphan"_s);
    CHECK(lessons->currentLessonId() == u"03-orphan"_s);
    CHECK(window.scriptPath() == orphan->scriptPath);
    CHECK(window.codeView()->toPlainText().trimmed() == readFile(orphan->scriptPath).trimmed());
    CHECK(lessons->panel()->titleLabel()->text() == orphan->title.in(u"en"_s));
    CHECK(lessons->panel()->goalLabel()->text() == orphan->goal.in(u"en"_s));
    // The lesson in front, the list behind its tab (tabbed docks are not hidden, only covered).
    const auto inFront = [](QWidget* w) { return !w->visibleRegion().isEmpty(); };
    CHECK(inFront(lessons->panelDock()));
    CHECK_FALSE(inFront(lessons->browserDock()));
    // Another script opened: no lesson is followed, the list comes to the front.
    REQUIRE(window.openScript(testing::dataPath(u"fork_wait.py"_s)));
    CHECK(lessons->currentLessonId().isEmpty());
    CHECK(lessons->panel()->titleLabel()->text() == u"No lesson"_s);
    CHECK(inFront(lessons->browserDock()));
    CHECK_FALSE(inFront(lessons->panelDock()));
    CHECK(lessons->highlightedPanel() == nullptr);
    // A lesson's CPU count is its own: one for the states lesson, all again after it.
    REQUIRE(library->lesson(u"50-process-states"_s)->cores == 1);
    click(lessons->browser()->itemFor(u"50-process-states"_s));
    CHECK(window.coresBox()->value() == 1);
    click(lessons->browser()->itemFor(u"60-threads-or-processes"_s));
    CHECK(window.coresBox()->value() == library->lesson(u"60-threads-or-processes"_s)->cores);
    for (const Lesson& lesson : library->lessons())
        LessonProgress::forget(lesson.id);
}

TEST_CASE("The app opens on the first lesson, or on the one open last time", "[app][lessonui]") {
    English english;
    testing::TemporaryDataHome home;
    QSettings().remove(u"lessons/last"_s);
    {
        MainWindow window(testing::windowOptions());
        REQUIRE(window.lessons()->openStartLesson());
        const QString first = window.lessons()->library()->lessons().first().id;
        CHECK(window.lessons()->currentLessonId() == first);
        CHECK(window.lessons()->browser()->currentLessonId() == first);
        REQUIRE(window.lessons()->openLesson(u"05-process"_s));
    }
    MainWindow again(testing::windowOptions());
    REQUIRE(again.lessons()->openStartLesson());
    CHECK(again.lessons()->currentLessonId() == u"05-process"_s);
    CHECK(again.scriptPath().endsWith(u"process.py"_s));
    QSettings().remove(u"lessons/last"_s);
}

TEST_CASE("Reload shows a lesson dropped into the user's folder, and its problems with file and "
          "line",
          "[app][lessonui]") {
    LessonWindow fixture;
    LessonController* lessons = fixture.window.lessons();
    CHECK(lessons->browser()->itemFor(u"99-mine"_s) == nullptr);
    // Lessons ▸ Reload Lessons, Ctrl+R.
    CHECK(lessons->reloadAction()->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_R));
    auto* menu = fixture.window.findChild<QMenu*>(u"lessonsMenu"_s);
    REQUIRE(menu != nullptr);
    CHECK(menu->actions().contains(lessons->reloadAction()));
    CHECK_FALSE(lessons->resetAction()->isEnabled()); // no lesson open yet

    const QString user = LessonLibrary::userDirectory();
    writeFile(user + u"/99-mine/zombie.py"_s, kZombieScript);
    writeFile(user + u"/99-mine/lesson.ini"_s, zombieLesson("My own zombie"));
    writeFile(user + u"/98-broken/zombie.py"_s, kZombieScript);
    writeFile(user + u"/98-broken/lesson.ini"_s,
              zombieLesson().replace("at = zombie\n", "at = zombi\n"));
    lessons->reloadAction()->trigger();

    QTreeWidgetItem* mine = lessons->browser()->itemFor(u"99-mine"_s);
    REQUIRE(mine != nullptr);
    CHECK(mine->text(0) == u"My own zombie"_s);
    CHECK(mine->parent()->text(0) == u"Test chapter"_s);
    // The broken one is listed too, and its problem names the file and the line.
    REQUIRE(lessons->browser()->itemFor(u"98-broken"_s) != nullptr);
    QListWidget* problems = lessons->browser()->problemList();
    CHECK(problems->isVisible());
    REQUIRE(problems->count() >= 1);
    const QString expected = QDir(user).filePath(u"98-broken/lesson.ini"_s) + u":"_s;
    CHECK(problems->item(0)->text().startsWith(expected));
    CHECK(problems->item(0)->text().contains(u"zombi"_s));
    const int line = zombieLesson().left(zombieLesson().indexOf("at = zombie")).count('\n') + 1;
    CHECK(problems->item(0)->text().startsWith(expected + QString::number(line) + u":"_s));

    // Edited on disk while open: a reload shows the new text.
    REQUIRE(lessons->openLesson(u"99-mine"_s));
    writeFile(user + u"/99-mine/lesson.ini"_s, zombieLesson("My zombie, edited"));
    lessons->reloadAction()->trigger();
    CHECK(lessons->browser()->itemFor(u"99-mine"_s)->text(0) == u"My zombie, edited"_s);
    CHECK(lessons->panel()->titleLabel()->text() == u"My zombie, edited"_s);

    // A lesson.ini that is not text at all: a problem, not a crash.
    writeFile(user + u"/97-garbage/lesson.ini"_s, QByteArray("\xff\xfe\x00[lesson\n", 11));
    lessons->reloadAction()->trigger();
    bool garbageReported = false;
    for (int i = 0; i < problems->count(); ++i)
        garbageReported = garbageReported || problems->item(i)->text().contains(u"97-garbage"_s);
    CHECK(garbageReported);
}

TEST_CASE("A step's moment pauses the real run, frames its panel, and the run answers the "
          "prediction",
          "[app][lessonui][engine]") {
    ZombieLessonWindow fixture;
    MainWindow& window = fixture.window;
    LessonController* lessons = window.lessons();
    LessonPanel* panel = lessons->panel();
    LessonProgress::forget(lessons->currentLessonId());

    // Before the run: the first step, the question with its two choices.
    CHECK(panel->stepHeader()->text() == u"Step 1 of 3"_s);
    CHECK(panel->stepText()->text() == u"Read the script, then run it."_s);
    CHECK(panel->choiceTexts() == QStringList{u"0"_s, u"3"_s});
    CHECK(panel->answerLabel()->text().contains(u"Pick an answer"_s));
    REQUIRE(panel->nextButton()->isEnabled());
    panel->choose(0, 1); // predicts 3
    panel->nextButton()->click();
    CHECK(lessons->session().isWaiting());
    CHECK(panel->stepHint()->text().contains(u"Press Run"_s));
    CHECK_FALSE(panel->nextButton()->isEnabled());
    CHECK_FALSE(lessons->nextAction()->isEnabled());
    CHECK(lessons->resetAction()->isEnabled());

    window.run();
    // The child's zombie moment: the run pauses, the tree is framed, the step is shown.
    REQUIRE(testing::waitFor([&] { return lessons->session().current() == 1; }, 20000));
    CHECK(panel->stepText()->text() == u"The child is a zombie now."_s);
    // The window shows the run as it was at the moment, and says it is paused.
    CHECK(window.runStateText() == u"Paused"_s);
    CHECK(window.runAction()->text() == u"&Continue"_s);
    CHECK(window.runModel()->zombieCount() == 1);
    // Even a while later: the parent reaps its child after 1 s, but not on screen.
    testing::waitFor([] { return false; }, 1500);
    CHECK(window.runModel()->zombieCount() == 1);
    CHECK_FALSE(window.console()->toPlainText().contains(u"parent: reaped"_s));
    // But the code shows where the parent is (sleeping on line 8, or paused before line 9),
    // not an older sample.
    CHECK(window.codeView()->markers().value(2) >= 8);
    auto* tree = window.findChild<QDockWidget*>(u"processDock"_s);
    REQUIRE(tree != nullptr);
    CHECK(lessons->highlightedPanel() == tree->widget());
    CHECK_FALSE(panel->answerLabel()->text().contains(u"Right"_s));
    // The prediction cannot change once the run has started.
    CHECK(panel->answerLabel()->text().contains(u"when the run is over"_s));

    // Next: the run goes on to the end, which is the last step.
    panel->nextButton()->click();
    REQUIRE(testing::waitFor([&] { return lessons->session().current() == 2; }, 20000));
    REQUIRE(testing::waitFor([&] { return !window.engine()->isRunning(); }, 20000));
    CHECK(panel->stepText()->text() == u"The parent reaped it."_s);
    CHECK(lessons->highlightedPanel() ==
          window.findChild<QDockWidget*>(u"consoleDock"_s)->widget());
    CHECK(panel->answerLabel()->text().startsWith(u"Right"_s));
    CHECK(panel->answerLabel()->text().contains(u"os._exit(3) gives 3."_s));
    CHECK(panel->choiceTexts().at(1).contains(u"what the run showed"_s));
    INFO(window.console()->toPlainText().toStdString());
    CHECK(window.console()->toPlainText().contains(u"parent: reaped"_s));
    CHECK(LessonProgress::state(lessons->currentLessonId()) == LessonProgress::State::Done);
    LessonProgress::forget(lessons->currentLessonId());
}

TEST_CASE("A step on a line the run passes in a microsecond stops exactly there (a breakpoint)",
          "[app][lessonui][engine]") {
    English english;
    testing::TemporaryDataHome home;
    QTemporaryDir dir;
    writeFile(dir.filePath(u"quick.py"_s), "total = 0\n"
                                           "for i in range(3):\n"
                                           "    total += i\n"
                                           "print(total)\n");
    writeFile(dir.filePath(u"lesson.ini"_s),
              stepsLesson("quick.py") +
                  "\n[step]\nat = line 3\ncount = 2\nwho = main\n"
                  "text[en] = The second time round.\ntext[zh_CN] = 第二圈。\n");
    MainWindow window(testing::windowOptions());
    window.show();
    LessonController* lessons = window.lessons();
    REQUIRE(lessons->openLessonFolder(dir.path()));
    window.run();
    REQUIRE(testing::waitFor([&] { return lessons->session().current() == 0; }, 20000));
    // Stopped before line 3 in the loop, not at the end of the run.
    CHECK_FALSE(lessons->session().runEnded());
    CHECK(window.runStateText() == u"Paused"_s);
    CHECK(window.codeView()->pidsOnLine(3) == QList<int>{2});
    CHECK(lessons->highlightedPanel() == window.codeView());
    CHECK_FALSE(window.console()->toPlainText().contains(u"3"_s));
    window.run();
    REQUIRE(testing::waitFor([&] { return !window.engine()->isRunning(); }, 20000));
    CHECK(window.console()->toPlainText().contains(u"3"_s));
}

TEST_CASE("A run that ends while a step holds the window goes on to its last step",
          "[app][lessonui][engine]") {
    LessonWindow fixture;
    MainWindow& window = fixture.window;
    QTemporaryDir dir;
    // The child exits at once and the parent right after: the engine is usually done before
    // the learner, or even the pause, gets there.
    writeFile(dir.filePath(u"quick_exit.py"_s), "import os\n"
                                                "\n"
                                                "pid = os.fork()\n"
                                                "if pid == 0:\n"
                                                "    os._exit(0)\n"
                                                "os.waitpid(pid, 0)\n");
    writeFile(dir.filePath(u"lesson.ini"_s),
              stepsLesson("quick_exit.py") +
                  "\n[step]\nat = exit\nwho = child\n"
                  "text[en] = The child is gone.\ntext[zh_CN] = 子进程结束了。\n"
                  "\n[step]\nat = end\n"
                  "text[en] = All done.\ntext[zh_CN] = 全部结束。\n");
    LessonController* lessons = window.lessons();
    REQUIRE(lessons->openLessonFolder(dir.path()));
    LessonProgress::forget(lessons->currentLessonId());
    window.run();
    REQUIRE(testing::waitFor([&] { return lessons->session().current() == 0; }, 20000));
    CHECK(window.runStateText() == u"Paused"_s);
    // Whether or not the engine has ended meanwhile, Next shows the rest and the last step.
    testing::waitFor([&] { return !window.engine()->isRunning(); }, 3000);
    lessons->next();
    REQUIRE(testing::waitFor([&] { return lessons->session().current() == 1; }, 20000));
    REQUIRE(testing::waitFor([&] { return !window.engine()->isRunning(); }, 20000));
    CHECK_FALSE(window.isHoldingEvents());
    CHECK(window.runStateText() == u"Finished, exit status 0"_s);
    CHECK(lessons->panel()->stepText()->text() == u"All done."_s);
    CHECK(LessonProgress::state(lessons->currentLessonId()) == LessonProgress::State::Done);
    LessonProgress::forget(lessons->currentLessonId());
}

TEST_CASE("Continue instead of Next still stops the run at the next step's moment",
          "[app][lessonui][engine]") {
    LessonWindow fixture;
    MainWindow& window = fixture.window;
    QTemporaryDir dir;
    writeFile(dir.filePath(u"three.py"_s), "import time\n"
                                           "print('one')\n"
                                           "time.sleep(0.2)\n"
                                           "print('two')\n"
                                           "time.sleep(0.2)\n"
                                           "print('three')\n");
    writeFile(dir.filePath(u"lesson.ini"_s),
              stepsLesson("three.py") + "\n[step]\nat = line 2\nwho = main\n"
                                        "text[en] = Before one.\ntext[zh_CN] = 打印一之前。\n"
                                        "\n[step]\nat = line 6\nwho = main\n"
                                        "text[en] = Before three.\ntext[zh_CN] = 打印三之前。\n");
    LessonController* lessons = window.lessons();
    REQUIRE(lessons->openLessonFolder(dir.path()));
    LessonProgress::forget(lessons->currentLessonId());
    window.run();
    REQUIRE(testing::waitFor([&] { return lessons->session().current() == 0; }, 20000));
    CHECK(window.runStateText() == u"Paused"_s);

    // The toolbar's Continue, not the lesson's Next: the second step's line stops it again.
    window.runAction()->trigger();
    REQUIRE(testing::waitFor([&] { return lessons->session().current() == 1; }, 20000));
    CHECK(lessons->panel()->stepText()->text() == u"Before three."_s);
    CHECK(window.runStateText() == u"Paused"_s);
    CHECK(window.codeView()->markers().value(2) == 6);
    INFO(window.console()->toPlainText().toStdString());
    CHECK(window.console()->toPlainText().contains(u"two"_s));
    CHECK_FALSE(window.console()->toPlainText().contains(u"three"_s));

    window.runAction()->trigger();
    REQUIRE(testing::waitFor([&] { return !window.engine()->isRunning(); }, 20000));
    REQUIRE(testing::waitFor([&] { return window.console()->toPlainText().contains(u"three"_s); },
                             5000));
    LessonProgress::forget(lessons->currentLessonId());
}

TEST_CASE("The learner edits the script and runs the edits, and Reset asks first and puts the "
          "lesson's script back",
          "[app][lessonui][engine]") {
    ZombieLessonWindow fixture;
    MainWindow& window = fixture.window;
    const QTemporaryDir& dir = fixture.dir;
    LessonController* lessons = window.lessons();
    const QString edits = LessonController::editsPath(lessons->session().lesson());
    CHECK(edits.startsWith(fixture.home.path()));

    // Nothing edited: Reset asks nothing.
    CHECK(lessons->resetScript());

    CodeView* code = window.codeView();
    REQUIRE_FALSE(code->isReadOnly());
    QTextCursor cursor(code->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(u"\nprint('my own line')"_s);
    window.run();
    // The lesson's steps pause the run at their moments: Next each time, to the end.
    REQUIRE(testing::waitFor(
        [&] {
            if (lessons->session().canGoNext() && window.runStateText() == u"Paused"_s)
                lessons->next();
            return !window.engine()->isRunning();
        },
        30000));
    CHECK(window.console()->toPlainText().contains(u"my own line"_s));
    CHECK(readFile(edits).contains(u"print('my own line')"_s));
    CHECK(readFile(dir.filePath(u"zombie.py"_s)) == QString::fromUtf8(kZombieScript));

    // Opened again (another launch), the edits are there.
    REQUIRE(lessons->openLessonFolder(dir.path()));
    CHECK(code->toPlainText().contains(u"my own line"_s));

    // Reset, but the learner says Cancel: nothing changes.
    answerNextDialog(u"Cancel"_s);
    CHECK_FALSE(lessons->resetScript());
    CHECK(code->toPlainText().contains(u"my own line"_s));
    CHECK(QFileInfo::exists(edits));
    // Reset, confirmed: the lesson's script is back, the copy gone.
    answerNextDialog(u"Reset"_s);
    CHECK(lessons->resetScript());
    CHECK_FALSE(code->toPlainText().contains(u"my own line"_s));
    CHECK(code->toPlainText().trimmed() == QString::fromUtf8(kZombieScript).trimmed());
    CHECK_FALSE(QFileInfo::exists(edits));
    CHECK(window.scriptPath() == QFileInfo(dir.filePath(u"zombie.py"_s)).absoluteFilePath());
}

TEST_CASE("Switching the language retranslates the window and the lesson at once, and is "
          "remembered",
          "[app][lessonui][language]") {
    English english;
    testing::TemporaryDataHome home;
    QSettings().remove(u"view/language"_s);
    // Nothing chosen yet: the system's language decides.
    CHECK(LanguageSwitcher::preferred() == LanguageSwitcher::closest(QLocale::system().name()));
    CHECK(LanguageSwitcher::closest(u"zh_CN"_s) == u"zh_CN"_s);
    CHECK(LanguageSwitcher::closest(u"de_DE"_s) == u"en"_s);
    MainWindow window(testing::windowOptions());
    window.show();
    LessonController* lessons = window.lessons();
    REQUIRE(lessons->openLesson(u"02-zombie"_s));
    const Lesson* zombie = lessons->library()->lesson(u"02-zombie"_s);
    REQUIRE(zombie != nullptr);
    QStringList menusBefore;
    for (QAction* menu : window.menuBar()->actions())
        menusBefore << menu->text();
    const QString nextBefore = lessons->panel()->nextButton()->text();

    auto* languageMenu = window.findChild<LanguageMenu*>(u"languageMenu"_s);
    REQUIRE(languageMenu != nullptr);
    REQUIRE(languageMenu->actionFor(u"zh_CN"_s) != nullptr);
    languageMenu->actionFor(u"zh_CN"_s)->trigger();
    // Qt posts the LanguageChange to every window.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    zombie = lessons->library()->lesson(u"02-zombie"_s); // the library read them again
    REQUIRE(zombie != nullptr);

    CHECK(LanguageSwitcher::instance()->language() == u"zh_CN"_s);
    CHECK(QSettings().value(u"view/language"_s).toString() == u"zh_CN"_s);
    CHECK(LanguageSwitcher::preferred() == u"zh_CN"_s);
    CHECK(languageMenu->actionFor(u"zh_CN"_s)->isChecked());
    // Every menu of the menu bar is in Chinese now.
    const QList<QAction*> menus = window.menuBar()->actions();
    REQUIRE(menus.size() == menusBefore.size());
    for (qsizetype i = 0; i < menus.size(); ++i) {
        INFO(menusBefore[i].toStdString());
        CHECK(menus[i]->text() != menusBefore[i]);
    }
    CHECK(window.runAction()->text() == u"运行(&R)"_s);
    CHECK(window.findChild<QDockWidget*>(u"processDock"_s)->windowTitle() == u"进程"_s);
    CHECK(lessons->panel()->nextButton()->text() != nextBefore);
    // The lesson's texts too.
    CHECK(lessons->panel()->titleLabel()->text() == zombie->title.exact(u"zh_CN"_s));
    CHECK(lessons->panel()->stepText()->text() == zombie->steps.first().text.exact(u"zh_CN"_s));
    CHECK(lessons->browser()->itemFor(u"02-zombie"_s)->text(0) == zombie->title.exact(u"zh_CN"_s));
    CHECK(lessons->browser()->itemFor(u"02-zombie"_s)->parent()->text(0) ==
          zombie->chapter.exact(u"zh_CN"_s));
    // Chinese is drawn with the CJK font the set-up installs.
    CHECK(QFontDatabase::families(QFontDatabase::SimplifiedChinese)
              .contains(u"WenQuanYi Micro Hei"_s));

    languageMenu->actionFor(u"en"_s)->trigger();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    zombie = lessons->library()->lesson(u"02-zombie"_s);
    REQUIRE(zombie != nullptr);
    CHECK(window.runAction()->text() == u"&Run"_s);
    CHECK(lessons->panel()->titleLabel()->text() == zombie->title.exact(u"en"_s));
    CHECK(LanguageSwitcher::preferred() == u"en"_s);
    QSettings().remove(u"view/language"_s);
}

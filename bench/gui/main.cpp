// forkscope-gui-bench: how the GUI keeps up. Not part of the tests (figures depend on the machine
// and the display); run it under a real or virtual X server:
//   xvfb-run -a -s "-screen 0 1280x720x24" build/bin/forkscope-gui-bench
//
// Figures (bench/Figure.h's format):
//   gui-first-paint      launch of `forkscope` (next to this program) to its first painted
//                        window, the median of a few launches (target: under 1 s)
//   gui-frame-rate       repaints per second that showed new events, while the main window was
//                        fed 10,000 events per second for 10 s from 64 processes (target: 30
//                        fps or more; at most ~60, the batches' rate)
//   gui-event-lag        median time from an event's arrival (when an engine would have
//                        written it) to the first repaint of the window that shows it, batching
//                        included (target: under 100 ms); gui-event-lag-p95 its 95th percentile
//
// The events are synthesised as JSON lines and parsed on the GUI thread, as EngineClient does,
// and handed to MainWindow in batches of at most one per 16 ms frame: what the window shows
// (code markers, tree, console, timeline) is exactly what a live run updates.
//
// Options: --seconds N, --rate EVENTS_PER_S, --processes N, --dark (the dark theme), --charts (the
// charts tab in front instead of the timeline), --screenshots DIR (the window at the end),
// --no-launch (skip gui-first-paint), --launches N.

#include "bench/Figure.h"
#include "core/EngineEvent.h"
#include "core/RunModel.h"
#include "gui/MainWindow.h"
#include "gui/Theme.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

namespace {

using forkscope::bench::Figure;

struct Options {
    double seconds = 10.0;
    int rate = 10000;
    int processes = 64;
    bool charts = false;
    bool launch = true;
    int launches = 5;
    QString screenshots;
};

double steadyNowSeconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const size_t i = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values[i];
}

// Launch to first paint: `forkscope` prints the steady clock at its first paint and quits.
void firstPaint(const Options& options) {
    const QString program = QDir(QCoreApplication::applicationDirPath()).filePath("forkscope");
    if (!QFile::exists(program)) {
        std::fprintf(stderr, "forkscope-gui-bench: %s not found, no gui-first-paint\n",
                     qPrintable(program));
        return;
    }
    QTemporaryDir config; // the launches never touch the user's settings
    std::vector<double> times;
    for (int i = 0; i < options.launches; ++i) {
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("FORKSCOPE_FIRST_PAINT", "quit");
        env.insert("XDG_CONFIG_HOME", config.path());
        app.setProcessEnvironment(env);
        app.setProcessChannelMode(QProcess::SeparateChannels);
        const double launched = steadyNowSeconds();
        app.start(program, {"--size", "1280x720"});
        if (!app.waitForFinished(20000)) {
            app.kill();
            app.waitForFinished();
            std::fprintf(stderr, "forkscope-gui-bench: forkscope did not paint within 20 s\n");
            return;
        }
        const QByteArray out = app.readAllStandardOutput();
        const qsizetype at = out.indexOf("first-paint ");
        if (at < 0) {
            std::fprintf(stderr, "forkscope-gui-bench: no first-paint line from forkscope\n%s",
                         app.readAllStandardError().constData());
            return;
        }
        const qsizetype end = out.indexOf('\n', at);
        const double painted = out.mid(at + 12, end - at - 12).toDouble() / 1e9;
        times.push_back((painted - launched) * 1000.0);
    }
    print(Figure{"gui-first-paint", percentile(times, 0.5), "ms", false, {}, {}});
}

// A lesson-like script for the code view to mark lines in.
QString writeScript(const QTemporaryDir& dir) {
    const QString path = dir.filePath("bench_workers.py");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return {};
    file.write("import multiprocessing as mp\nimport time\n\n\ndef work(n):\n");
    for (int i = 0; i < 30; ++i)
        file.write(QStringLiteral("    n = (n * 31 + %1) % 1000003  # step %1\n").arg(i).toUtf8());
    file.write("    return n\n\n\nif __name__ == \"__main__\":\n"
               "    ps = [mp.Process(target=work, args=(i,)) for i in range(64)]\n"
               "    for p in ps:\n        p.start()\n    for p in ps:\n        p.join()\n");
    return path;
}

// Synthesises a run: 64 workers that move between lines, change state, print, put into and get
// from a Queue(8), take and release a Lock (and wait for it), and now and then one ends (exit,
// zombie, reap) and another is forked in its place.
class Generator {
public:
    explicit Generator(int processes) : m_processes(processes) {}

    // The JSON lines of one event scheduled at t (the first ones start the run).
    void next(double t, QList<QByteArray>& lines) {
        if (!m_started) {
            m_started = true;
            lines << line(t, 0, "start",
                          R"("script":"bench_workers.py","mode":"namespace","cpus":4,)"
                          R"("online":4,"speed":1,"step":false,"version":"bench")");
            lines << line(t, 1, "spawn", R"("ppid":0,"name":"init","how":"init")");
            lines << line(t, 1, "state", R"("state":"waiting","on":"wait")");
            lines << line(t, 2, "spawn", R"("ppid":1,"name":"MainProcess","how":"main")");
            lines << line(t, 2, "state", R"("state":"waiting","on":"join")");
            for (int i = 0; i < m_processes; ++i)
                spawn(t, lines);
            return;
        }
        const int slot = int(m_random.bounded(quint32(m_live.size())));
        Worker& w = m_live[slot];
        const quint32 r = m_random.bounded(1000u);
        if (r < 450) {
            w.line = 6 + (w.line - 6 + 1) % 30;
            lines << line(t, w.pid, "line", QStringLiteral(R"("line":%1)").arg(w.line));
        } else if (r < 800) {
            static const char* const states[] = {
                R"("state":"running")", R"("state":"ready")", R"("state":"running")",
                R"("state":"waiting","on":"sleep")", R"("state":"waiting","on":"queue-get")"};
            lines << line(t, w.pid, "state", states[m_random.bounded(5u)]);
        } else if (r < 900) {
            queueOp(t, w, lines);
        } else if (r < 960) {
            lockOp(t, w, lines);
        } else if (r < 999) {
            lines << line(
                t, w.pid, "stdout",
                QStringLiteral(R"("text":"worker %1: item %2\n")").arg(w.pid).arg(++w.items));
        } else { // one ends and is reaped, another takes its place
            if (m_lockHolder == w.pid) lockOp(t, w, lines); // lets it go first
            m_lockWaiters.removeAll(w.pid);
            lines << line(t, w.pid, "exit", R"("code":0)");
            lines << line(t, w.pid, "state", R"("state":"zombie")");
            lines << line(t, w.pid, "reap", R"("by":2)");
            m_live.removeAt(slot);
            spawn(t, lines);
        }
    }

private:
    struct Worker {
        int pid = 0;
        int line = 6;
        int items = 0;
    };

    static QByteArray line(double t, int pid, const char* kind, const QString& rest) {
        return QStringLiteral(R"({"t":%1,"pid":%2,"kind":"%3",%4})")
            .arg(t, 0, 'f', 6)
            .arg(pid)
            .arg(QLatin1StringView(kind), rest)
            .toUtf8();
    }

    // A put while there is room, else a get; and the queue's contents, as the engine sends them.
    void queueOp(double t, Worker& w, QList<QByteArray>& lines) {
        constexpr int kCapacity = 8;
        const bool put = m_items.size() < kCapacity && (m_items.isEmpty() || m_random.bounded(2u));
        QString item;
        if (put) {
            item = QStringLiteral("(%1, %2)").arg(w.pid).arg(++w.items);
            m_items.append(item);
        } else {
            item = m_items.takeFirst();
        }
        lines << line(
            t, w.pid, "queue",
            QStringLiteral(R"("queue":1,"op":"%1","item":"%2","size":%3,"capacity":%4,"by":%5)")
                .arg(put ? "put" : "get", item)
                .arg(m_items.size())
                .arg(kCapacity)
                .arg(w.pid));
        lines << line(
            t, 0, "queue-state",
            QStringLiteral(R"("queue":1,"size":%1,"capacity":%2,"items":"[%3]","shown":%1)")
                .arg(m_items.size())
                .arg(kCapacity)
                .arg(m_items.join(QStringLiteral(", "))));
    }

    // The holder releases (and the first waiter takes it); anyone else acquires it or waits.
    void lockOp(double t, Worker& w, QList<QByteArray>& lines) {
        if (m_lockHolder == w.pid) {
            m_lockHolder = m_lockWaiters.isEmpty() ? 0 : m_lockWaiters.takeFirst();
            lines << line(t, w.pid, "lock", R"("lock":1,"op":"release","holder":0)");
            if (m_lockHolder > 0)
                lines << line(
                    t, m_lockHolder, "lock",
                    QStringLiteral(R"("lock":1,"op":"acquire","holder":%1)").arg(m_lockHolder));
        } else if (m_lockHolder == 0) {
            m_lockHolder = w.pid;
            lines << line(t, w.pid, "lock",
                          QStringLiteral(R"("lock":1,"op":"acquire","holder":%1)").arg(w.pid));
        } else if (!m_lockWaiters.contains(w.pid)) {
            m_lockWaiters.append(w.pid);
            lines << line(t, w.pid, "lock",
                          QStringLiteral(R"("lock":1,"op":"wait","holder":%1)").arg(m_lockHolder));
        }
    }

    void spawn(double t, QList<QByteArray>& lines) {
        Worker w{m_nextPid++, 6, 0};
        lines << line(
            t, w.pid, "spawn",
            QStringLiteral(R"("ppid":2,"name":"Process-%1","how":"process")").arg(w.pid - 2));
        lines << line(t, w.pid, "line", R"("line":6)");
        m_live.append(w);
    }

    int m_processes;
    bool m_started = false;
    int m_nextPid = 3;
    QList<Worker> m_live;
    QStringList m_items; // the queue's
    int m_lockHolder = 0;
    QList<int> m_lockWaiters;
    QRandomGenerator m_random{20240601};
};

// Counts the main window's repaints and the lag of every event to the first one after it.
class PaintWatch : public QObject {
public:
    explicit PaintWatch(QWidget* window) { window->installEventFilter(this); }

    void arrived(const std::vector<double>& times) {
        m_pending.insert(m_pending.end(), times.begin(), times.end());
    }
    bool counting = false;
    int frames = 0;
    std::vector<double> lags; // ms

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() != QEvent::UpdateRequest) return false;
        // Paint now (QObject::event is public: the widget's own handler runs), then look at
        // the clock: the window has been painted and flushed.
        static_cast<QObject*>(watched)->event(event);
        const double now = steadyNowSeconds();
        // A frame is a repaint that shows new events (repaints of other things, a blinking
        // cursor or a timer's, do not count).
        if (counting && !m_pending.empty()) ++frames;
        for (double arrived : m_pending)
            lags.push_back((now - arrived) * 1000.0);
        m_pending.clear();
        return true;
    }

private:
    std::vector<double> m_pending;
};

void feed(const Options& options) {
    QTemporaryDir dir;
    const QString script = writeScript(dir);
    MainWindow::Options windowOptions;
    windowOptions.useSettings = false;
    MainWindow window(windowOptions);
    window.resize(1280, 720);
    window.openScript(script);
    if (options.charts)
        if (auto* charts = window.findChild<QDockWidget*>("chartsDock")) charts->raise();
    window.show();
    QElapsedTimer wait;
    wait.start();
    while (wait.elapsed() < 500)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);

    PaintWatch watch(&window);
    Generator generator(options.processes);
    const long long total = (long long)(options.rate * options.seconds);
    long long made = 0;
    const double start = steadyNowSeconds();
    QTimer frame;
    frame.setTimerType(Qt::PreciseTimer);
    frame.setInterval(16); // EngineClient's frame
    QList<QByteArray> lines;
    QObject::connect(&frame, &QTimer::timeout, [&] {
        const double now = steadyNowSeconds();
        const long long due = std::min(total, (long long)((now - start) * options.rate) + 1);
        QList<EngineEvent> batch;
        std::vector<double> arrivals;
        for (; made < due; ++made) {
            const double at = start + double(made) / options.rate;
            lines.clear();
            generator.next(at - start, lines);
            for (const QByteArray& text : lines) {
                if (auto event = parseEventLine(text)) {
                    batch.append(std::move(*event));
                    arrivals.push_back(at);
                }
            }
        }
        if (!batch.isEmpty()) {
            window.applyEvents(batch);
            watch.arrived(arrivals);
        }
        if (made >= total) frame.stop();
    });
    watch.counting = true;
    frame.start();
    while (frame.isActive())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    const double fed = steadyNowSeconds() - start;
    // The last batch's paint.
    for (int i = 0; i < 20; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    watch.counting = false;

    std::fprintf(stderr,
                 "forkscope-gui-bench: %lld events from %d processes in %.2f s (%d processes in "
                 "the run), %d frames\n",
                 made, options.processes, fed, int(window.runModel()->processes().size()),
                 watch.frames);
    print(Figure{"gui-frame-rate", watch.frames / fed, "fps", true, {}, {}});
    print(Figure{"gui-event-lag", percentile(watch.lags, 0.5), "ms", false, {}, {}});
    print(Figure{"gui-event-lag-p95", percentile(watch.lags, 0.95), "ms", false, {}, {}});

    if (!options.screenshots.isEmpty()) {
        QDir().mkpath(options.screenshots);
        window.grab().save(
            QDir(options.screenshots)
                .filePath(options.charts ? "gui-bench-charts.png" : "gui-bench-timeline.png"));
    }
}

} // namespace

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName("forkscope-gui-bench");
    Options options;
    const QStringList args = QApplication::arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString& a = args[i];
        const auto value = [&] { return i + 1 < args.size() ? args[++i] : QString(); };
        if (a == "--seconds")
            options.seconds = value().toDouble();
        else if (a == "--rate")
            options.rate = value().toInt();
        else if (a == "--processes")
            options.processes = value().toInt();
        else if (a == "--charts")
            options.charts = true;
        else if (a == "--dark")
            Theme::apply(Theme::Mode::Dark);
        else if (a == "--no-launch")
            options.launch = false;
        else if (a == "--launches")
            options.launches = std::max(1, value().toInt());
        else if (a == "--screenshots")
            options.screenshots = value();
        else {
            std::fprintf(stderr,
                         "usage: forkscope-gui-bench [--seconds N] [--rate N] [--processes N] "
                         "[--charts] [--dark] [--no-launch] [--launches N] [--screenshots DIR]\n");
            return 2;
        }
    }
    if (options.seconds <= 0 || options.rate <= 0 || options.processes <= 0) return 2;
    if (options.launch) firstPaint(options);
    feed(options);
    return 0;
}

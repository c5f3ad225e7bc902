#include "gui/timeline/TimelineStyle.h"

#include <QHash>
#include <QLatin1StringView>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

using namespace Qt::StringLiterals;

namespace {

int integer(const QJsonObject& fields, QLatin1StringView key) {
    return fields.value(key).toInt();
}

QString text(const QJsonValue& v) {
    return v.isDouble() ? QString::number(v.toDouble()) : v.toString();
}

QString text(const QJsonObject& fields, QLatin1StringView key) {
    return text(fields.value(key));
}

} // namespace

TimelineStyle::StateLook TimelineStyle::look(ProcState state) {
    switch (state) {
    case ProcState::Running:
        return {QColor(0x11, 0x77, 0x33), Qt::NoBrush, 1.0}; // green
    case ProcState::Ready:
        return {QColor(0xDD, 0xCC, 0x77), Qt::BDiagPattern, 1.0}; // sand, hatched
    case ProcState::Waiting:
        return {QColor(0x88, 0xCC, 0xEE), Qt::Dense6Pattern, 0.5}; // cyan, dotted, half
    case ProcState::Paused:
        return {QColor(0xAA, 0x44, 0x99), Qt::VerPattern, 1.0}; // purple, striped
    case ProcState::Stopped:
        return {QColor(0x88, 0x22, 0x55), Qt::DiagCrossPattern, 1.0}; // wine, cross-hatched
    case ProcState::Zombie:
        return {QColor(0x55, 0x55, 0x55), Qt::NoBrush, 0.22}; // dark grey, thin
    case ProcState::Reaped:
        break;
    }
    return {QColor(0xBB, 0xBB, 0xBB), Qt::NoBrush, 0.1};
}

QColor TimelineStyle::color(ProcState state) {
    return look(state).fill;
}

QString TimelineStyle::name(ProcState state) {
    switch (state) {
    case ProcState::Running:
        return tr("running");
    case ProcState::Ready:
        return tr("ready");
    case ProcState::Waiting:
        return tr("waiting");
    case ProcState::Paused:
        return tr("paused");
    case ProcState::Stopped:
        return tr("stopped");
    case ProcState::Zombie:
        return tr("zombie");
    case ProcState::Reaped:
        return tr("reaped");
    }
    return {};
}

QString TimelineStyle::explanation(ProcState state) {
    switch (state) {
    case ProcState::Running:
        return tr("Running: on a CPU, executing");
    case ProcState::Ready:
        return tr("Ready: could run, but waits for a free CPU (hatched)");
    case ProcState::Waiting:
        return tr("Waiting: asleep until something happens, a timer, a child, a queue… "
                  "(half height, dotted; hover to see on what)");
    case ProcState::Paused:
        return tr("Paused: held by Forkscope before its next line (striped)");
    case ProcState::Stopped:
        return tr("Stopped by a signal, SIGSTOP (cross-hatched)");
    case ProcState::Zombie:
        return tr("Zombie: it has ended, but its parent has not reaped it yet (thin bar)");
    case ProcState::Reaped:
        return tr("Reaped: gone");
    }
    return {};
}

void TimelineStyle::paintState(QPainter& painter, const QRectF& bar, ProcState state) {
    const StateLook l = look(state);
    painter.fillRect(bar, l.fill);
    if (l.pattern != Qt::NoBrush && bar.width() >= 4) {
        QBrush brush(l.fill.darker(state == ProcState::Ready ? 160 : 150), l.pattern);
        // Patterns are aligned to the widget, so neighbouring bars join up.
        painter.fillRect(bar, brush);
    }
}

void TimelineStyle::paintSwatch(QPainter& painter, const QRectF& box, ProcState state) {
    const double h = std::max(3.0, box.height() * look(state).height);
    const QRectF bar(box.left(), box.center().y() - h / 2, box.width(), h);
    paintState(painter, bar, state);
}

TimelineStyle::Glyph TimelineStyle::glyph(const QString& kind) {
    static const QHash<QString, Glyph> glyphs{
        {u"spawn"_s, Glyph::Birth},
        {u"exec"_s, Glyph::Exec},
        {u"exit"_s, Glyph::Exit},
        {u"reap"_s, Glyph::Reap},
        {u"reparent"_s, Glyph::Reparent},
        {u"error"_s, Glyph::Error},
        {u"queue-put"_s, Glyph::Put},
        {u"queue-get"_s, Glyph::Get},
        {u"lock-acquire"_s, Glyph::Acquire},
        {u"lock-release"_s, Glyph::Release},
        {u"lock-recover"_s, Glyph::Acquire},
        {u"queue-lost"_s, Glyph::Error},
        {u"task-submit"_s, Glyph::Put},
        {u"task-start"_s, Glyph::TaskStart},
        {u"task-done"_s, Glyph::TaskDone},
        {u"task-error"_s, Glyph::Error},
    };
    return glyphs.value(kind, Glyph::Other);
}

QStringList TimelineStyle::basicMarkerKinds() {
    return {u"spawn"_s, u"exit"_s, u"reap"_s, u"reparent"_s};
}

QString TimelineStyle::markerName(const QString& kind) {
    if (kind == "spawn"_L1) return tr("born");
    if (kind == "exec"_L1) return tr("exec");
    if (kind == "exit"_L1) return tr("exit");
    if (kind == "reap"_L1) return tr("reaped");
    if (kind == "reparent"_L1) return tr("orphaned, adopted");
    if (kind == "error"_L1) return tr("error");
    if (kind == "break"_L1) return tr("breakpoint");
    if (kind == "queue-put"_L1) return tr("put in a queue");
    if (kind == "queue-get"_L1) return tr("got from a queue");
    if (kind == "lock-acquire"_L1) return tr("lock acquired");
    if (kind == "lock-release"_L1) return tr("lock released");
    if (kind == "lock-wait"_L1) return tr("waits for a lock");
    if (kind == "lock-recover"_L1) return tr("lock taken over");
    if (kind == "queue-lost"_L1) return tr("queue item lost");
    if (kind == "task-submit"_L1) return tr("task submitted");
    if (kind == "task-start"_L1) return tr("task started");
    if (kind == "task-done"_L1) return tr("task done");
    if (kind == "task-error"_L1) return tr("task failed");
    return kind;
}

QString TimelineStyle::markerText(const QString& kind, const QJsonObject& f) {
    if (kind == "spawn"_L1) {
        const QString how = f.value("how"_L1).toString();
        const int ppid = integer(f, "ppid"_L1);
        if (how == "init"_L1) return tr("PID 1 of the run: it adopts orphans and reaps them");
        if (how == "main"_L1) return tr("the script's first process starts");
        if (how == "process"_L1) return tr("started by %1 with multiprocessing.Process").arg(ppid);
        return tr("forked by %1").arg(ppid);
    }
    if (kind == "exec"_L1) return tr("replaced its program with %1 (exec)").arg(text(f, "comm"_L1));
    if (kind == "exit"_L1) {
        if (f.contains("signal"_L1)) {
            const QString name = text(f, "signame"_L1);
            return name.isEmpty()
                       ? tr("killed by signal %1").arg(integer(f, "signal"_L1))
                       : tr("killed by signal %1 (%2)").arg(integer(f, "signal"_L1)).arg(name);
        }
        return tr("exited with code %1: a zombie until reaped").arg(integer(f, "code"_L1));
    }
    if (kind == "reap"_L1) {
        const int by = integer(f, "by"_L1);
        return by > 0 ? tr("reaped by %1: gone").arg(by) : tr("reaped by the engine: gone");
    }
    if (kind == "reparent"_L1)
        return tr("its parent %1 ended: an orphan, adopted by %2")
            .arg(integer(f, "from"_L1))
            .arg(integer(f, "to"_L1));
    if (kind == "error"_L1) return tr("error: %1").arg(text(f, "message"_L1));
    if (kind == "break"_L1) return tr("stopped the run before line %1").arg(integer(f, "line"_L1));
    const QString queue = text(f, "queue"_L1);
    const QString size = text(f, "size"_L1);
    const QString capacity = text(f, "capacity"_L1);
    if (kind == "queue-put"_L1) {
        if (!size.isEmpty() && !capacity.isEmpty() && capacity != "0"_L1)
            return tr("put an item in queue %1 (now %2 of %3)").arg(queue, size, capacity);
        if (!size.isEmpty()) return tr("put an item in queue %1 (now %2)").arg(queue, size);
        return tr("put an item in queue %1").arg(queue);
    }
    if (kind == "queue-get"_L1) {
        if (!size.isEmpty()) return tr("got an item from queue %1 (%2 left)").arg(queue, size);
        return tr("got an item from queue %1").arg(queue);
    }
    if (kind == "lock-acquire"_L1) return tr("acquired lock %1").arg(text(f, "lock"_L1));
    if (kind == "lock-release"_L1) return tr("released lock %1").arg(text(f, "lock"_L1));
    if (kind == "lock-wait"_L1)
        return tr("found lock %1 held by %2: waits for it")
            .arg(text(f, "lock"_L1), text(f, "holder"_L1));
    if (kind == "lock-recover"_L1)
        return tr("took lock %1 over: its holder %2 died holding it")
            .arg(text(f, "lock"_L1), text(f, "dead"_L1));
    if (kind == "queue-lost"_L1)
        return tr("ended in the middle of a %1: an item of queue %2 is lost")
            .arg(text(f, "during"_L1), queue);
    // Pool tasks: {"kind":"task","pool":1,"task":3,"op":"start","func":"square"}.
    const QString task = text(f, "task"_L1);
    const QString func = text(f, "func"_L1);
    const QString pool = text(f, "pool"_L1);
    if (kind == "task-submit"_L1)
        return tr("submitted task %1 (%2) to pool %3").arg(task, func, pool);
    if (kind == "task-start"_L1) return tr("started task %1 (%2)").arg(task, func);
    if (kind == "task-done"_L1) return tr("finished task %1 (%2)").arg(task, func);
    if (kind == "task-error"_L1) return tr("task %1 (%2) raised an exception").arg(task, func);
    // A kind this build does not know: its name and fields, as they came.
    QStringList parts;
    for (auto it = f.constBegin(); it != f.constEnd(); ++it) {
        if (it.key() == "t"_L1 || it.key() == "pid"_L1 || it.key() == "kind"_L1) continue;
        const QString value = text(it.value());
        if (!value.isEmpty()) parts << it.key() + u' ' + value;
    }
    return parts.isEmpty() ? kind : tr("%1: %2").arg(kind, parts.join(u", "_s));
}

void TimelineStyle::paintGlyph(QPainter& p, Glyph glyph, const QPointF& c, double size,
                               const QColor& color, const QColor& outline) {
    const double r = size / 2;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    QPen pen(outline, std::max(1.0, size / 9));
    pen.setJoinStyle(Qt::MiterJoin);
    p.setPen(pen);
    p.setBrush(color);
    switch (glyph) {
    case Glyph::Birth:
        p.drawPolygon(QPolygonF{
            {c.x() - r * 0.7, c.y() - r}, {c.x() + r * 0.9, c.y()}, {c.x() - r * 0.7, c.y() + r}});
        break;
    case Glyph::TaskStart:
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(color, std::max(1.5, size / 6)));
        p.drawPolygon(QPolygonF{{c.x() - r * 0.6, c.y() - r * 0.9},
                                {c.x() + r * 0.8, c.y()},
                                {c.x() - r * 0.6, c.y() + r * 0.9}});
        break;
    case Glyph::Exec:
        p.drawPolygon(QPolygonF{
            {c.x(), c.y() - r}, {c.x() + r, c.y()}, {c.x(), c.y() + r}, {c.x() - r, c.y()}});
        break;
    case Glyph::Reparent: // a hollow diamond: the outline's colour inside
        p.drawPolygon(QPolygonF{
            {c.x(), c.y() - r}, {c.x() + r, c.y()}, {c.x(), c.y() + r}, {c.x() - r, c.y()}});
        p.setPen(Qt::NoPen);
        p.setBrush(outline);
        p.drawPolygon(QPolygonF{{c.x(), c.y() - r * 0.45},
                                {c.x() + r * 0.45, c.y()},
                                {c.x(), c.y() + r * 0.45},
                                {c.x() - r * 0.45, c.y()}});
        break;
    case Glyph::Exit: {
        const double w = std::max(2.0, size / 4);
        p.setPen(QPen(outline, w + 2, Qt::SolidLine, Qt::FlatCap));
        p.drawLine(QPointF(c.x() - r * 0.8, c.y() - r * 0.8),
                   QPointF(c.x() + r * 0.8, c.y() + r * 0.8));
        p.drawLine(QPointF(c.x() - r * 0.8, c.y() + r * 0.8),
                   QPointF(c.x() + r * 0.8, c.y() - r * 0.8));
        p.setPen(QPen(color, w, Qt::SolidLine, Qt::FlatCap));
        p.drawLine(QPointF(c.x() - r * 0.7, c.y() - r * 0.7),
                   QPointF(c.x() + r * 0.7, c.y() + r * 0.7));
        p.drawLine(QPointF(c.x() - r * 0.7, c.y() + r * 0.7),
                   QPointF(c.x() + r * 0.7, c.y() - r * 0.7));
        break;
    }
    case Glyph::Reap:
        p.drawEllipse(c, r * 0.8, r * 0.8);
        break;
    case Glyph::Put:
        p.drawPolygon(QPolygonF{
            {c.x(), c.y() - r}, {c.x() + r, c.y() + r * 0.8}, {c.x() - r, c.y() + r * 0.8}});
        break;
    case Glyph::Get:
        p.drawPolygon(QPolygonF{
            {c.x(), c.y() + r}, {c.x() + r, c.y() - r * 0.8}, {c.x() - r, c.y() - r * 0.8}});
        break;
    case Glyph::Acquire:
        p.drawRect(QRectF(c.x() - r * 0.75, c.y() - r * 0.75, r * 1.5, r * 1.5));
        break;
    case Glyph::Release:
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(color, std::max(1.5, size / 6)));
        p.drawRect(QRectF(c.x() - r * 0.7, c.y() - r * 0.7, r * 1.4, r * 1.4));
        break;
    case Glyph::TaskDone: {
        QPainterPath check;
        check.moveTo(c.x() - r * 0.8, c.y());
        check.lineTo(c.x() - r * 0.2, c.y() + r * 0.7);
        check.lineTo(c.x() + r * 0.9, c.y() - r * 0.8);
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(outline, std::max(2.0, size / 4) + 2, Qt::SolidLine, Qt::RoundCap));
        p.drawPath(check);
        p.setPen(QPen(color, std::max(2.0, size / 4), Qt::SolidLine, Qt::RoundCap));
        p.drawPath(check);
        break;
    }
    case Glyph::Error:
        p.drawEllipse(c, r * 0.85, r * 0.85);
        p.setPen(QPen(outline, std::max(1.5, size / 7), Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(c.x(), c.y() - r * 0.5), QPointF(c.x(), c.y() + r * 0.1));
        p.drawPoint(QPointF(c.x(), c.y() + r * 0.45));
        break;
    case Glyph::Other:
        p.drawRect(QRectF(c.x() - r * 0.25, c.y() - r, r * 0.5, r * 2));
        break;
    }
    p.restore();
}

QColor TimelineStyle::orphanColor(bool dark) {
    return dark ? QColor(0xEE, 0x99, 0x33) : QColor(0xB3, 0x5C, 0x00);
}

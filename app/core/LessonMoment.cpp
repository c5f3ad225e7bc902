#include "core/LessonMoment.h"

#include <array>

namespace {

using Kind = LessonMoment::Kind;

struct KindInfo {
    Kind kind;
    const char* name;
    const char* panel;
};

constexpr std::array kKinds{
    KindInfo{Kind::Start, "start", "code"},
    KindInfo{Kind::End, "end", "console"},
    KindInfo{Kind::Line, "line", "code"},
    KindInfo{Kind::Spawn, "spawn", "tree"},
    KindInfo{Kind::Exec, "exec", "tree"},
    KindInfo{Kind::Exit, "exit", "tree"},
    KindInfo{Kind::Zombie, "zombie", "tree"},
    KindInfo{Kind::Reap, "reap", "tree"},
    KindInfo{Kind::Reparent, "reparent", "tree"},
    KindInfo{Kind::State, "state", "tree"},
    KindInfo{Kind::Output, "output", "console"},
    KindInfo{Kind::Error, "error", "console"},
    KindInfo{Kind::Queue, "queue", "queue"},
    KindInfo{Kind::QueueFull, "queue-full", "queue"},
    KindInfo{Kind::Lock, "lock", "lock"},
    KindInfo{Kind::LockContended, "lock-contended", "lock"},
    KindInfo{Kind::Task, "task", "pool"},
    KindInfo{Kind::TaskStart, "task-start", "pool"},
    KindInfo{Kind::TaskDone, "task-done", "pool"},
};

const KindInfo& infoOf(Kind kind) {
    for (const KindInfo& info : kKinds)
        if (info.kind == kind) return info;
    return kKinds.front();
}

// Free functions have no class for lupdate to take the context from: their texts are marked
// with QT_TRANSLATE_NOOP("LessonMoment", ...).
QString translated(const char* text) {
    return QCoreApplication::translate("LessonMoment", text);
}

QString quoted(const QStringList& words) {
    return QLatin1Char('\'') + words.join(QStringLiteral("', '")) + QLatin1Char('\'');
}

// A whole number, possibly negative, in *value; false if `text` is not one.
bool integer(const QString& text, int* value) {
    bool ok = false;
    *value = text.toInt(&ok, 10);
    return ok;
}

bool fail(QString* error, const QString& message) {
    if (error) *error = message;
    return false;
}

// `by N` / `to N` after reap / reparent.
bool parsePidClause(LessonMoment& m, const QStringList& args, const QString& preposition,
                    QString* error) {
    if (args.isEmpty()) return true;
    int pid = 0;
    if (args[0] != preposition || args.size() != 2 || !integer(args[1], &pid) || pid < 1)
        return fail(error, translated(QT_TRANSLATE_NOOP(
                                          "LessonMoment",
                                          "'%1' takes nothing or '%2' and a pid, as in '%1 %2 1'"))
                               .arg(infoOf(m.kind).name, preposition));
    m.number = pid;
    m.hasNumber = true;
    return true;
}

bool parseWordArgument(LessonMoment& m, const QStringList& args, const QStringList& allowed,
                       QString* error) {
    if (args.isEmpty()) return true;
    if (args.size() > 1 || !allowed.contains(args[0]))
        return fail(error,
                    translated(QT_TRANSLATE_NOOP("LessonMoment", "'%1' takes nothing or one of %2"))
                        .arg(QLatin1String(infoOf(m.kind).name), quoted(allowed)));
    m.word = args[0];
    return true;
}

bool parseNoArgument(const LessonMoment& m, const QStringList& args, QString* error) {
    if (args.isEmpty()) return true;
    return fail(error, translated(QT_TRANSLATE_NOOP("LessonMoment", "'%1' takes nothing after it"))
                           .arg(infoOf(m.kind).name));
}

} // namespace

QStringList LessonMoment::kindNames() {
    QStringList names;
    for (const KindInfo& info : kKinds)
        names << QLatin1String(info.name);
    return names;
}

QStringList LessonMoment::whoKeywords() {
    return {QStringLiteral("any"), QStringLiteral("main"), QStringLiteral("child"),
            QStringLiteral("grandchild"), QStringLiteral("init")};
}

QStringList LessonMoment::stateNames() {
    return {QStringLiteral("running"), QStringLiteral("ready"),   QStringLiteral("waiting"),
            QStringLiteral("paused"),  QStringLiteral("stopped"), QStringLiteral("zombie")};
}

QStringList LessonMoment::waitReasons() {
    return {QStringLiteral("sleep"),     QStringLiteral("join"),   QStringLiteral("wait"),
            QStringLiteral("io"),        QStringLiteral("result"), QStringLiteral("queue-get"),
            QStringLiteral("queue-put"), QStringLiteral("lock")};
}

QStringList LessonMoment::panelNames() {
    return {QStringLiteral("code"),     QStringLiteral("tree"),   QStringLiteral("console"),
            QStringLiteral("timeline"), QStringLiteral("charts"), QStringLiteral("queue"),
            QStringLiteral("lock"),     QStringLiteral("pool")};
}

QString LessonMoment::defaultPanel() const {
    return QLatin1String(infoOf(kind).panel);
}

std::optional<LessonMoment> LessonMoment::parse(const QString& text, QString* error) {
    const QString trimmed = text.simplified();
    if (trimmed.isEmpty()) {
        fail(error, tr("the moment is empty"));
        return std::nullopt;
    }
    const QString name = trimmed.section(QLatin1Char(' '), 0, 0);
    const QString rest = trimmed.section(QLatin1Char(' '), 1);
    const QStringList args = rest.isEmpty() ? QStringList() : rest.split(QLatin1Char(' '));

    LessonMoment m;
    bool known = false;
    for (const KindInfo& info : kKinds) {
        if (name == QLatin1String(info.name)) {
            m.kind = info.kind;
            known = true;
            break;
        }
    }
    if (!known) {
        fail(error,
             tr("unknown moment '%1'; a moment is one of %2").arg(name, quoted(kindNames())));
        return std::nullopt;
    }

    bool ok = true;
    switch (m.kind) {
    case Kind::Line: {
        int line = 0;
        if (args.size() != 1 || !integer(args[0], &line) || line < 1) {
            ok = fail(error, tr("'line' needs a line number of the script, as in 'line 12'"));
        } else {
            m.number = line;
            m.hasNumber = true;
        }
        break;
    }
    case Kind::Exit:
        if (!args.isEmpty()) {
            int code = 0;
            if (args.size() != 1 || !integer(args[0], &code)) {
                ok = fail(error, tr("'exit' takes nothing or an exit code, as in 'exit 3' or "
                                    "'exit -15' (killed by signal 15)"));
            } else {
                m.number = code;
                m.hasNumber = true;
            }
        }
        break;
    case Kind::Spawn:
        ok = parseWordArgument(
            m, args, {QStringLiteral("fork"), QStringLiteral("process"), QStringLiteral("main")},
            error);
        break;
    case Kind::Reap:
        ok = parsePidClause(m, args, QStringLiteral("by"), error);
        break;
    case Kind::Reparent:
        ok = parsePidClause(m, args, QStringLiteral("to"), error);
        break;
    case Kind::State:
        if (args.isEmpty() || args.size() > 2 || !stateNames().contains(args[0])) {
            ok = fail(error, tr("'state' needs a state, one of %1, as in 'state ready'")
                                 .arg(quoted(stateNames())));
        } else if (args.size() == 2 &&
                   (args[0] != QLatin1String("waiting") || !waitReasons().contains(args[1]))) {
            ok = fail(error, tr("only 'state waiting' can say what is waited on, one of %1, as "
                                "in 'state waiting join'")
                                 .arg(quoted(waitReasons())));
        } else {
            m.word = args[0];
            if (args.size() == 2) m.detail = args[1];
        }
        break;
    case Kind::Output:
        if (rest.isEmpty()) {
            ok = fail(error, tr("'output' needs the text to look for, as in 'output my ppid=1'"));
        } else {
            // The text as written (inner spaces kept), not the simplified one.
            const QString raw = text.trimmed();
            m.detail = raw.mid(raw.indexOf(QLatin1Char(' '))).trimmed();
        }
        break;
    case Kind::Error:
        ok = parseWordArgument(m, args,
                               {QStringLiteral("syntax"), QStringLiteral("exception"),
                                QStringLiteral("unsupported"), QStringLiteral("limit"),
                                QStringLiteral("script"), QStringLiteral("command"),
                                QStringLiteral("engine")},
                               error);
        break;
    case Kind::Queue:
        ok = parseWordArgument(m, args, {QStringLiteral("put"), QStringLiteral("get")}, error);
        break;
    case Kind::Lock:
        ok = parseWordArgument(m, args,
                               {QStringLiteral("wait"), QStringLiteral("acquire"),
                                QStringLiteral("release"), QStringLiteral("recover")},
                               error);
        break;
    case Kind::Task:
        ok = parseWordArgument(m, args,
                               {QStringLiteral("submit"), QStringLiteral("start"),
                                QStringLiteral("done"), QStringLiteral("error")},
                               error);
        break;
    case Kind::Start:
    case Kind::End:
    case Kind::Exec:
    case Kind::Zombie:
    case Kind::QueueFull:
    case Kind::LockContended:
    case Kind::TaskStart:
    case Kind::TaskDone:
        ok = parseNoArgument(m, args, error);
        break;
    }
    if (!ok) return std::nullopt;
    return m;
}

QString LessonMoment::toString() const {
    QString out = QLatin1String(infoOf(kind).name);
    switch (kind) {
    case Kind::Line:
        out += QLatin1Char(' ') + QString::number(number);
        break;
    case Kind::Exit:
        if (hasNumber) out += QLatin1Char(' ') + QString::number(number);
        break;
    case Kind::Reap:
        if (hasNumber) out += QStringLiteral(" by ") + QString::number(number);
        break;
    case Kind::Reparent:
        if (hasNumber) out += QStringLiteral(" to ") + QString::number(number);
        break;
    case Kind::State:
        out += QLatin1Char(' ') + word;
        if (!detail.isEmpty()) out += QLatin1Char(' ') + detail;
        break;
    case Kind::Output:
        out += QLatin1Char(' ') + detail;
        break;
    default:
        if (!word.isEmpty()) out += QLatin1Char(' ') + word;
        break;
    }
    return out;
}

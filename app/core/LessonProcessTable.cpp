#include "core/LessonProcessTable.h"

void LessonProcessTable::apply(const EngineEvent& event) {
    switch (event.kind) {
    case EventKind::Start:
        m_processes.clear();
        break;
    case EventKind::Spawn: {
        if (auto it = m_processes.find(event.pid); it != m_processes.end() && it->lostSight) {
            it->exited = false; // seen again: the same process
            it->lostSight = false;
            break;
        }
        Process p;
        p.pid = event.pid;
        p.originalPpid = event.integer(QLatin1StringView("ppid"));
        p.name = event.text(QLatin1StringView("name"));
        p.how = event.text(QLatin1StringView("how"));
        m_processes.insert(event.pid, p); // a reused pid starts a new process
        break;
    }
    case EventKind::Exec:
        if (auto it = m_processes.find(event.pid); it != m_processes.end())
            it->comm = event.text(QLatin1StringView("comm"));
        break;
    case EventKind::Exit:
        if (auto it = m_processes.find(event.pid); it != m_processes.end()) {
            it->exited = true;
            it->lostSight = !hasStatus(event);
        }
        break;
    default:
        break;
    }
}

const LessonProcessTable::Process* LessonProcessTable::find(int pid) const {
    const auto it = m_processes.constFind(pid);
    return it == m_processes.cend() ? nullptr : &*it;
}

bool LessonProcessTable::matches(int pid, const QString& who) const {
    if (who.isEmpty() || who == QLatin1String("any")) return true;
    const Process* p = find(pid);
    if (who == QLatin1String("init")) return pid == 1 || (p && p->how == QLatin1String("init"));
    if (!p) return false;
    if (who == QLatin1String("main")) return p->how == QLatin1String("main");
    const Process* parent = find(p->originalPpid);
    if (who == QLatin1String("child"))
        return parent && parent->how == QLatin1String("main") && p->how != QLatin1String("main");
    if (who == QLatin1String("grandchild")) {
        const Process* grandparent = parent ? find(parent->originalPpid) : nullptr;
        return grandparent && grandparent->how == QLatin1String("main");
    }
    return p->name == who || (!p->comm.isEmpty() && p->comm == who);
}

bool LessonProcessTable::hasStatus(const EngineEvent& exit) {
    return exit.has(QLatin1StringView("code")) || exit.has(QLatin1StringView("signal"));
}

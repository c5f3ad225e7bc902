#include "core/EventTableModel.h"

#include <utility>

void EventTableModel::apply(const QList<EngineEvent>& events) {
    for (const EngineEvent& e : events)
        applyOne(e);
    const int rows = rowCount();
    const QSet<int> changed = std::exchange(m_changed, {});
    for (int row : changed)
        if (row >= 0 && row < rows) emit dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void EventTableModel::shiftChanges(int insertedRow) {
    QSet<int> moved;
    for (int row : std::as_const(m_changed))
        moved.insert(row >= insertedRow ? row + 1 : row);
    m_changed = moved;
}

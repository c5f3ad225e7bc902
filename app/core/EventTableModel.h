#pragma once

// What the Queue and Lock models share: a table of numbered objects (queue 1, lock 2...) kept in
// their numbers' order, built by applying events one by one, with one dataChanged per changed
// row per batch of events rather than one per event.

#include "core/EngineEvent.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSet>
#include <algorithm>

class EventTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    using QAbstractTableModel::QAbstractTableModel;

    // Applies the events in order, then says which rows changed.
    void apply(const QList<EngineEvent>& events);

protected:
    virtual void applyOne(const EngineEvent& event) = 0;
    void markChanged(int row) { m_changed.insert(row); }
    void forgetChanges() { m_changed.clear(); }

    // The row of the object numbered `id` in `items` (sorted by their `id`), -1 if none.
    template <typename Item> static int rowOf(const QList<Item>& items, int id) {
        for (qsizetype row = 0; row < items.size(); ++row)
            if (items[row].id == id) return int(row);
        return -1;
    }

    // The object numbered `id`, inserted in its place (rows inserted) when it is new.
    template <typename Item> Item& findOrInsert(QList<Item>& items, int id) {
        const int existing = rowOf(items, id);
        if (existing >= 0) return items[existing];
        const auto it =
            std::lower_bound(items.begin(), items.end(), id,
                             [](const Item& item, int value) { return item.id < value; });
        const int row = int(it - items.begin());
        beginInsertRows({}, row, row);
        Item item;
        item.id = id;
        items.insert(row, item);
        endInsertRows();
        shiftChanges(row);
        return items[row];
    }

private:
    void shiftChanges(int insertedRow); // rows at and after it moved down by one

    QSet<int> m_changed;
};

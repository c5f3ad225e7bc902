#pragma once

// The lanes of the timeline as a table over a StateHistory: one row per process in spawn order
// (rows only ever get added, so a lane keeps its row), and what each one was doing at one
// instant, the model's time: the timeline's cursor, or the present when there is none. This is
// the cursor's read-out, and the text of the timeline's lane labels.
//
// DisplayRole is text for people; the roles give plain values (StateRole: the protocol's word,
// "reaped" once reaped, empty before the spawn).

#include "core/StateHistory.h"

#include <QAbstractTableModel>

class TimelineModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { PidColumn, NameColumn, StateColumn, SinceColumn, ColumnCount };
    enum Role {
        SerialRole = Qt::UserRole,
        PidRole,
        StateRole,
        OnRole,     // what a waiting process waits on
        ExistsRole, // bool: spawned and not yet reaped at the model's time
        OrphanRole, // bool
        SinceRole,  // double: when it entered the state
    };
    Q_ENUM(Role)

    explicit TimelineModel(StateHistory* history, QObject* parent = nullptr);

    StateHistory* history() const { return m_history; }

    // The instant read out; < 0 follows the present (the history's latest time).
    void setTime(double t);
    double time() const; // the instant read out now
    bool followsPresent() const { return m_time < 0; }

    // "sleeping", "waiting for a child", "zombie", ... for a state at an instant.
    static QString stateText(ProcState state, const QString& on);
    static QString stateText(const InstantState& state);
    // What a state event said beyond the state ("queue 1"), for people.
    static QString detailText(const QString& detail);
    // One line about a process at an instant, for tool tips and the read-out.
    static QString describe(const InstantState& state, double t);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void onCleared();
    void onProcessAdded(int serial);
    void onChanged();

    StateHistory* m_history;
    int m_rows = 0;
    double m_time = -1.0;
};

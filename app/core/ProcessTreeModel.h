#pragma once

// The processes of a run as a tree (parent -> children) over a RunModel, for a QTreeView.
//
// Rows follow the current parent: an orphan moves under its adopter (PID 1) when `reparent`
// arrives. A process stays in the tree once reaped, with state "reaped by N": a lesson is about
// what happened, so the history stays visible (the GUI greys such rows; a proxy can hide them
// by filtering on StateRole == "reaped"). A pid reused after a reap gets a new row.
//
// DisplayRole is text for people; RawRole the plain value: pid and line as int (line 0 when
// none), name and state as the protocol's strings, and the exit column as the exit code, or
// minus the signal number for a signal (Python's returncode convention), invalid before exit.

#include <QAbstractItemModel>
#include <QList>

class RunModel;
struct ProcessRecord;

class ProcessTreeModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Column { PidColumn, NameColumn, StateColumn, LineColumn, ExitColumn, ColumnCount };
    enum Role {
        RawRole = Qt::UserRole,
        SerialRole, // the record's index in RunModel::processes()
        PidRole,
        StateRole, // the protocol's state name, "reaped" once reaped
    };
    Q_ENUM(Role)

    explicit ProcessTreeModel(RunModel* run, QObject* parent = nullptr);

    RunModel* runModel() const { return m_run; }
    QModelIndex indexForSerial(int serial, int column = 0) const;
    // The latest process with this pid (possibly reaped), invalid if none.
    QModelIndex indexForPid(int pid, int column = 0) const;
    const ProcessRecord* record(const QModelIndex& index) const;

    // Text for people, shared with tool tips and the status bar.
    static QString stateText(const ProcessRecord& process);
    static QString exitText(const ProcessRecord& process);
    static QString toolTip(const ProcessRecord& process);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Node {
        int parent = -1;
        QList<int> children;
    };

    void rebuild();
    void onProcessAdded(int serial);
    void onProcessChanged(int serial);
    void onProcessReparented(int serial, int oldParent, int newParent);
    const QList<int>& siblings(int parentSerial) const;
    int rowOf(int serial) const;

    RunModel* m_run;
    QList<Node> m_nodes; // by serial
    QList<int> m_roots;
};

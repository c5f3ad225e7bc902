#pragma once

// The timeline's key: each state's bar (colour, height and pattern), the orphan dash, and the
// marker glyphs (the basic ones, plus every kind the run has shown so far). Items flow onto a
// second row when the width is short; each has a tool tip that says what it means.

#include <QStringList>
#include <QWidget>

class StateHistory;

class TimelineLegend : public QWidget {
    Q_OBJECT

public:
    explicit TimelineLegend(StateHistory* history, QWidget* parent = nullptr);

    // The marker kinds shown (basic ones first).
    QStringList markerKinds() const { return m_kinds; }
    // The legend's entries as text, in order (for the tests and accessibility).
    QStringList entries() const;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void changeEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    struct Item {
        enum Type { State, Orphan, Marker } type;
        int state = 0;
        QString kind;
        QString text;
        QString toolTip;
    };
    QList<Item> items() const;
    QList<QRect> layoutItems(int width, int* height) const;
    void onChanged();

    StateHistory* m_history;
    QStringList m_kinds;
};

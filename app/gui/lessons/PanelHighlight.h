#pragma once

// A thick frame drawn over a panel (the code, a dock's contents) to show the learner where to
// look. It lies on top of the panel as a child, lets every click through, and follows its size.

#include <QPointer>
#include <QWidget>

class PanelHighlight : public QWidget {
    Q_OBJECT

public:
    explicit PanelHighlight(QWidget* parent = nullptr);

    // Frames `target` (nullptr: nothing). The frame stays until another target is set.
    void setTarget(QWidget* target);
    QWidget* target() const { return m_target; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    QPointer<QWidget> m_target;
};

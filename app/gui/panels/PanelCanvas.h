#pragma once

// What the Queue, Lock and Pool panels have in common: each lays its model out as a list of
// elements (headings, captions, slots holding an item or a task, pid chips in the process's
// colour), paints exactly those, and answers clicks on them. The element list is public so that
// the tests check what is drawn, not what the model holds.
//
// A subclass rebuilds the list in layoutElements() for the current width; the canvas does it
// again when the width or the font changes, or when relayoutIfChanged() is called after a batch
// of events that changed its model (never once per event).

#include <QList>
#include <QRect>
#include <QString>
#include <QWidget>

class QAbstractItemModel;
class RunModel;

class PanelCanvas : public QWidget {
    Q_OBJECT

public:
    struct Element {
        enum Kind {
            Heading, // bold text
            Caption, // secondary text
            Slot,    // a box holding an item's or a task's text (tinted by `pid` when set)
            Empty,   // an empty slot of a bounded queue, or a place for more
            Chip,    // a process: its colour and its pid
        };
        Kind kind = Caption;
        QRect rect;
        QString text;
        int pid = 0;    // Chip: the process; Slot: the process it belongs to, if any
        int group = -1; // the model row it belongs to (a queue, a lock, a pool)
        QString toolTip;
        bool crossed = false; // a Chip of a process that has exited
    };

    explicit PanelCanvas(RunModel* run, QWidget* parent = nullptr);

    const QList<Element>& elements() const { return m_elements; }
    // The elements of one kind in one group, in drawing order (-1: every group).
    QList<Element> elements(Element::Kind kind, int group = -1) const;
    int selectedPid() const { return m_selectedPid; }
    void setSelectedPid(int pid);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

public slots:
    void relayout();
    // Notes that the model changed; relayoutIfChanged() lays out once for many changes.
    void markChanged() { m_changed = true; }
    void relayoutIfChanged();

signals:
    void processSelected(int pid);

protected:
    // Any change of the model (rows, data, reset) marks the layout as changed.
    void watch(QAbstractItemModel* model);
    // Fills the elements for this width (through the add* helpers below).
    virtual void layoutElements(int width) = 0;

    // A left-to-right flow that wraps at the width.
    struct Flow {
        int x = 0;
        int y = 0;
        int left = 0;
        int lineHeight = 0;
    };
    Flow firstLine() const; // at the top left, inside the margin
    Flow newLine(const Flow& flow, int gap = 0) const;
    void addHeading(Flow& flow, const QString& text, int group);
    void addCaption(Flow& flow, const QString& text, int group, const QString& toolTip = {});
    void addSlot(Flow& flow, const QString& text, int group, int pid = 0,
                 const QString& toolTip = {});
    void addEmpty(Flow& flow, const QString& text, int group, const QString& toolTip = {});
    void addChip(Flow& flow, int pid, int group, const QString& toolTip = {});
    int rowHeight() const;
    // The widths the add* helpers give, to line things up in columns beforehand.
    int captionWidth(const QString& text) const;
    int slotWidth(const QString& text) const;
    int chipWidth(int pid) const;
    static int gap();
    int margin() const { return 8; }
    int availableWidth() const { return m_layoutWidth; }
    // "3 Process-1 (waiting on queue-put)" for a chip's tool tip.
    QString processText(int pid) const;
    bool hasExited(int pid) const;

    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void place(Flow& flow, Element element, int width);
    const Element* elementAt(const QPoint& point) const;

    RunModel* m_run;
    QList<Element> m_elements;
    int m_layoutWidth = 0;
    int m_contentHeight = 0;
    int m_selectedPid = 0;
    bool m_changed = false;
};

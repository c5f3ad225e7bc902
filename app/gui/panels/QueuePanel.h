#pragma once

// The Queue panel: each multiprocessing.Queue as a row of slots, oldest item on the left (the
// next one out) and new items coming in on the right; a bounded queue shows all its slots, the
// empty ones dashed; under it, who is blocked putting (the queue is full) and getting (it is
// empty), in the order they started to wait.

#include "gui/panels/PanelCanvas.h"

class QueueModel;

class QueuePanel : public PanelCanvas {
    Q_OBJECT

public:
    QueuePanel(QueueModel* model, RunModel* run, QWidget* parent = nullptr);

protected:
    void layoutElements(int width) override;

private:
    QueueModel* m_model;
};

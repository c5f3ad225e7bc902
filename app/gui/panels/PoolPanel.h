#pragma once

// The Pool panel: each multiprocessing.Pool with its workers (the task each runs now), the
// tasks waiting for a worker in submission order, and the results returned, each tinted with
// the colour of the worker that computed it.

#include "gui/panels/PanelCanvas.h"

class PoolModel;

class PoolPanel : public PanelCanvas {
    Q_OBJECT

public:
    PoolPanel(PoolModel* model, RunModel* run, QWidget* parent = nullptr);

protected:
    void layoutElements(int width) override;

private:
    PoolModel* m_model;
};

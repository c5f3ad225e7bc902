#pragma once

// The Lock panel: each Lock or RLock with its holder, the processes waiting for it in the order
// they came (the first one is not always the next to get it: the kernel decides), and the
// recoveries of a lock whose holder died.

#include "gui/panels/PanelCanvas.h"

class LockModel;

class LockPanel : public PanelCanvas {
    Q_OBJECT

public:
    LockPanel(LockModel* model, RunModel* run, QWidget* parent = nullptr);

protected:
    void layoutElements(int width) override;

private:
    LockModel* m_model;
};

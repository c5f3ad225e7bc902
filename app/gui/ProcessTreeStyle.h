#pragma once

// Adds the looks to ProcessTreeModel (which is Qt Core only): a swatch of the pid's colour,
// reaped processes greyed, zombies in italics.

#include <QFont>
#include <QIdentityProxyModel>

class ProcessTreeStyle : public QIdentityProxyModel {
    Q_OBJECT

public:
    using QIdentityProxyModel::QIdentityProxyModel;
    // The view's font, which the italics for zombies start from (it follows the zoom).
    void setBaseFont(const QFont& font) { m_font = font; }
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    QFont m_font;
};

#include "gui/ProcessTreeStyle.h"

#include "core/ProcessTreeModel.h"
#include "gui/ProcessPalette.h"

#include <QApplication>
#include <QFont>
#include <QPalette>

QVariant ProcessTreeStyle::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    switch (role) {
    case Qt::DecorationRole:
        if (index.column() == ProcessTreeModel::PidColumn)
            return ProcessPalette::swatch(index.data(ProcessTreeModel::PidRole).toInt());
        return {};
    case Qt::ForegroundRole:
        if (index.data(ProcessTreeModel::StateRole).toString() == QLatin1StringView("reaped"))
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::FontRole:
        if (index.data(ProcessTreeModel::StateRole).toString() == QLatin1StringView("zombie")) {
            QFont font = m_font;
            font.setItalic(true);
            font.setBold(index.column() == ProcessTreeModel::StateColumn);
            return font;
        }
        return {};
    default:
        return QIdentityProxyModel::data(index, role);
    }
}

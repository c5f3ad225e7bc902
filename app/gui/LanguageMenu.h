#pragma once

// View ▸ Language: one checkable entry per language, each named in itself, switching the whole
// app at once (LanguageSwitcher) and remembering the choice.

#include <QMenu>

class QActionGroup;

class LanguageMenu : public QMenu {
    Q_OBJECT

public:
    explicit LanguageMenu(QWidget* parent = nullptr);

    // The entry for a language (en, zh_CN), nullptr if there is none.
    QAction* actionFor(const QString& language) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void sync();

    QActionGroup* m_group;
};

#include "gui/LanguageMenu.h"

#include "core/LanguageSwitcher.h"

#include <QActionGroup>
#include <QEvent>

LanguageMenu::LanguageMenu(QWidget* parent) : QMenu(parent), m_group(new QActionGroup(this)) {
    setObjectName(QStringLiteral("languageMenu"));
    for (const QString& language : LanguageSwitcher::languages()) {
        QAction* action = addAction(LanguageSwitcher::nativeName(language));
        action->setCheckable(true);
        action->setData(language);
        m_group->addAction(action);
        connect(action, &QAction::triggered, this,
                [language] { LanguageSwitcher::instance()->setLanguage(language); });
    }
    connect(LanguageSwitcher::instance(), &LanguageSwitcher::languageChanged, this,
            &LanguageMenu::sync);
    sync();
}

QAction* LanguageMenu::actionFor(const QString& language) const {
    for (QAction* action : m_group->actions())
        if (action->data().toString() == language) return action;
    return nullptr;
}

void LanguageMenu::sync() {
    // "Language / 语言": whoever cannot read the current language still finds the menu.
    QString title = tr("&Language");
    if (LanguageSwitcher::instance()->language() != QLatin1StringView("en"))
        title += QStringLiteral(" / Language");
    setTitle(title);
    if (QAction* current = actionFor(LanguageSwitcher::instance()->language()))
        current->setChecked(true);
}

void LanguageMenu::changeEvent(QEvent* event) {
    QMenu::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) sync();
}

#include "core/LanguageSwitcher.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace {

const auto kSettingsKey = QStringLiteral("view/language");

} // namespace

LanguageSwitcher::LanguageSwitcher(QObject* parent)
    : QObject(parent), m_own(new QTranslator(this)), m_qt(new QTranslator(this)) {}

LanguageSwitcher* LanguageSwitcher::instance() {
    static LanguageSwitcher* switcher = new LanguageSwitcher(QCoreApplication::instance());
    return switcher;
}

QStringList LanguageSwitcher::languages() {
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString LanguageSwitcher::nativeName(const QString& language) {
    // Each in its own language, so that a learner who cannot read the current one finds theirs.
    if (language == QLatin1StringView("zh_CN")) return QStringLiteral("简体中文");
    return QStringLiteral("English");
}

QString LanguageSwitcher::closest(const QString& localeName) {
    return localeName.startsWith(QLatin1StringView("zh")) ? QStringLiteral("zh_CN")
                                                          : QStringLiteral("en");
}

QString LanguageSwitcher::preferred() {
    const QString saved = QSettings().value(kSettingsKey).toString();
    if (languages().contains(saved)) return saved;
    return closest(QLocale::system().name());
}

bool LanguageSwitcher::setLanguage(const QString& language, bool remember) {
    if (!languages().contains(language)) return false;
    if (remember) QSettings().setValue(kSettingsKey, language);
    if (language == m_language) return true;
    m_language = language;
    const QLocale locale(language);
    QLocale::setDefault(locale);
    // Removing and installing again sends every widget a LanguageChange, even when a file
    // fails to load (the source texts then show).
    QCoreApplication::removeTranslator(m_own);
    QCoreApplication::removeTranslator(m_qt);
    // English is loaded too, not left to the source texts: it carries the plural forms
    // ("1 process alive", not "1 process(es) alive").
    if (m_own->load(QStringLiteral("forkscope_") + language, QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(m_own);
    if (m_qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                   QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(m_qt);
    emit languageChanged(language);
    return true;
}

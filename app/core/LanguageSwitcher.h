#pragma once

// The app's language, switched at run time: swaps its own and Qt's translators, so that every
// widget receives a LanguageChange event and retranslates itself (lesson texts included: they
// are shown in QLocale()'s language, which follows). The choice is remembered (QSettings);
// without one, the system locale decides.

#include <QObject>
#include <QString>
#include <QStringList>

class QTranslator;

class LanguageSwitcher : public QObject {
    Q_OBJECT

public:
    // The one of the application, made on first use.
    static LanguageSwitcher* instance();

    // The languages the app is translated into, as locale names: en, zh_CN.
    static QStringList languages();
    // The language's name in itself (English, 简体中文), for a menu.
    static QString nativeName(const QString& language);
    // The supported language closest to a locale: Chinese is zh_CN, anything else English.
    static QString closest(const QString& localeName);
    // The language remembered from the last switch, else the system's.
    static QString preferred();

    QString language() const { return m_language; }
    // Installs the translations of `language` (one of languages()) and makes it QLocale's
    // default. With `remember`, the next launch starts in it. False if it is not one of ours.
    bool setLanguage(const QString& language, bool remember = true);

signals:
    void languageChanged(const QString& language);

private:
    explicit LanguageSwitcher(QObject* parent);

    QString m_language;
    QTranslator* m_own;
    QTranslator* m_qt;
};

#pragma once

// The lessons, by chapter in the library's order, in the current language, each marked with
// how far the learner got (LessonProgress); below them, any problem the loader found, with its
// file and line. Choosing a lesson emits lessonChosen().

#include <QString>
#include <QWidget>

class LessonLibrary;
class QLabel;
class QListWidget;
class QTreeWidget;
class QTreeWidgetItem;

class LessonBrowser : public QWidget {
    Q_OBJECT

public:
    enum Role {
        LessonIdRole = Qt::UserRole,     // on a lesson's item: its id
        ProgressRole = Qt::UserRole + 1, // int(LessonProgress::State)
    };

    explicit LessonBrowser(LessonLibrary* library, QWidget* parent = nullptr);

    QTreeWidget* tree() const { return m_tree; }
    QListWidget* problemList() const { return m_problems; }
    // The item of a lesson, nullptr if it is not listed.
    QTreeWidgetItem* itemFor(const QString& lessonId) const;
    QString currentLessonId() const;
    // Marks the lesson being shown, without emitting lessonChosen().
    void setCurrentLesson(const QString& lessonId);
    // Lists the library again (after a reload, a language switch or progress).
    void refresh();

signals:
    void lessonChosen(const QString& lessonId);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslate();
    void fitRows();

    LessonLibrary* m_library;
    QTreeWidget* m_tree;
    QLabel* m_problemsLabel;
    QListWidget* m_problems;
    bool m_filling = false;
};

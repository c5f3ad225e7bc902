#pragma once

// The lesson being followed: its title, goal and introduction; its "predict first" questions,
// answered once the run is over from what the run really showed; and the step the learner is
// at, with Next. Reads a Lesson and a LessonSession that LessonController keeps; shows them in
// the current language (QLocale()) and again on every language switch.

#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

class LessonSession;
class QButtonGroup;
class QFrame;
class QGroupBox;
class QLabel;
class QAction;
class QPushButton;
class QToolButton;
class QVBoxLayout;
struct Lesson;

class LessonPanel : public QWidget {
    Q_OBJECT

public:
    explicit LessonPanel(QWidget* parent = nullptr);

    // What to show; nullptr: no lesson. The session must outlive the panel's use of it.
    void setSession(const LessonSession* session);
    // The run's answer to each question ("" where it did not say); empty list: not answered yet.
    void setAnswers(const QStringList& answers);
    // The button beside Next triggers this (the Lessons menu's Reset Script…).
    void setResetAction(QAction* action);
    // Shows the session's state again (after an event, Next, a run's start or end).
    void refresh();

    // The choice picked for a question, -1 if none.
    int chosenChoice(int question = 0) const;
    void choose(int question, int choice);

    QLabel* titleLabel() const { return m_title; }
    QLabel* goalLabel() const { return m_goal; }
    QLabel* introLabel() const { return m_intro; }
    QLabel* stepHeader() const { return m_stepHeader; }
    QLabel* stepText() const { return m_stepText; }
    QLabel* stepHint() const { return m_stepHint; }
    QPushButton* nextButton() const { return m_next; }
    QToolButton* resetButton() const { return m_reset; }
    // The label under a question that says how the run answered it.
    QLabel* answerLabel(int question = 0) const;
    QStringList choiceTexts(int question = 0) const;

signals:
    void nextRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    struct QuestionBox {
        QGroupBox* box = nullptr;
        QLabel* ask = nullptr;
        QButtonGroup* group = nullptr;
        QLabel* answer = nullptr;
    };

    void rebuildQuestions();
    void retranslate();
    void showStep();
    void showAnswers();

    const LessonSession* m_session = nullptr;
    QStringList m_answers;
    QList<QuestionBox> m_questions;
    QLabel* m_title;
    QLabel* m_goal;
    QLabel* m_intro;
    QVBoxLayout* m_questionLayout;
    QFrame* m_stepBox;
    QLabel* m_stepHeader;
    QLabel* m_stepText;
    QLabel* m_stepHint;
    QPushButton* m_next;
    QToolButton* m_reset;
};

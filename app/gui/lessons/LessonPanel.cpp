#include "gui/lessons/LessonPanel.h"

#include "core/LessonSession.h"

#include <QButtonGroup>
#include <QEvent>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

QLabel* wrappingLabel(QWidget* parent, const QString& objectName) {
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText); // lesson texts are plain (docs/lessons.md)
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    return label;
}

QString language() {
    return QLocale().name();
}

} // namespace

LessonPanel::LessonPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("lessonPanel"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);

    // What to read scrolls; the step and its Next stay in view below it.
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* page = new QWidget(scroll);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(8);
    m_title = wrappingLabel(page, QStringLiteral("lessonTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_goal = wrappingLabel(page, QStringLiteral("lessonGoal"));
    QFont goalFont = m_goal->font();
    goalFont.setItalic(true);
    m_goal->setFont(goalFont);
    m_intro = wrappingLabel(page, QStringLiteral("lessonIntro"));
    m_questionLayout = new QVBoxLayout;
    m_questionLayout->setSpacing(8);
    layout->addWidget(m_title);
    layout->addWidget(m_goal);
    layout->addWidget(m_intro);
    layout->addLayout(m_questionLayout);
    layout->addStretch(1);
    scroll->setWidget(page);
    outer->addWidget(scroll, 1);

    m_stepBox = new QFrame(this);
    m_stepBox->setObjectName(QStringLiteral("lessonStepBox"));
    m_stepBox->setFrameShape(QFrame::StyledPanel);
    m_stepBox->setAutoFillBackground(true);
    QPalette stepPalette = m_stepBox->palette();
    stepPalette.setColor(QPalette::Window, stepPalette.color(QPalette::AlternateBase));
    m_stepBox->setPalette(stepPalette);
    auto* stepLayout = new QVBoxLayout(m_stepBox);
    stepLayout->setContentsMargins(10, 8, 10, 8);
    m_stepHeader = wrappingLabel(m_stepBox, QStringLiteral("lessonStepHeader"));
    QFont headerFont = m_stepHeader->font();
    headerFont.setBold(true);
    m_stepHeader->setFont(headerFont);
    m_stepText = wrappingLabel(m_stepBox, QStringLiteral("lessonStepText"));
    m_stepHint = wrappingLabel(m_stepBox, QStringLiteral("lessonStepHint"));
    QPalette hintPalette = m_stepHint->palette();
    hintPalette.setColor(QPalette::WindowText, hintPalette.color(QPalette::PlaceholderText));
    m_stepHint->setPalette(hintPalette);
    auto* buttons = new QHBoxLayout;
    m_reset = new QToolButton(m_stepBox);
    m_reset->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_reset->setObjectName(QStringLiteral("lessonResetButton"));
    m_next = new QPushButton(m_stepBox);
    m_next->setObjectName(QStringLiteral("lessonNextButton"));
    m_next->setDefault(true);
    buttons->addWidget(m_reset);
    buttons->addStretch(1);
    buttons->addWidget(m_next);
    stepLayout->addWidget(m_stepHeader);
    stepLayout->addWidget(m_stepText);
    stepLayout->addWidget(m_stepHint);
    stepLayout->addLayout(buttons);
    outer->addWidget(m_stepBox);

    connect(m_next, &QPushButton::clicked, this, &LessonPanel::nextRequested);
    retranslate();
    refresh();
}

void LessonPanel::setResetAction(QAction* action) {
    m_reset->setDefaultAction(action);
}

void LessonPanel::setSession(const LessonSession* session) {
    m_session = session;
    m_answers.clear();
    rebuildQuestions();
    refresh();
}

void LessonPanel::setAnswers(const QStringList& answers) {
    m_answers = answers;
    refresh();
}

void LessonPanel::rebuildQuestions() {
    QList<int> chosen;
    for (const QuestionBox& q : std::as_const(m_questions)) {
        chosen << q.group->checkedId();
        delete q.box;
    }
    m_questions.clear();
    if (!m_session) return;
    const QList<LessonQuestion>& questions = m_session->lesson().questions;
    for (qsizetype i = 0; i < questions.size(); ++i) {
        QuestionBox q;
        q.box = new QGroupBox(this);
        q.box->setObjectName(QStringLiteral("lessonQuestion%1").arg(i));
        auto* layout = new QVBoxLayout(q.box);
        q.ask = wrappingLabel(q.box, QStringLiteral("lessonQuestionAsk"));
        layout->addWidget(q.ask);
        q.group = new QButtonGroup(q.box);
        for (qsizetype c = 0; c < questions[i].choices.size(); ++c) {
            auto* radio = new QRadioButton(q.box);
            // A choice's text may be long: a radio button does not wrap, so a label beside it does.
            auto* row = new QHBoxLayout;
            auto* text = wrappingLabel(q.box, QStringLiteral("lessonChoiceText"));
            text->setBuddy(radio);
            text->setTextInteractionFlags(Qt::NoTextInteraction);
            row->addWidget(radio, 0, Qt::AlignTop);
            row->addWidget(text, 1);
            layout->addLayout(row);
            q.group->addButton(radio, int(c));
            radio->setProperty("choiceText", QVariant::fromValue(static_cast<QObject*>(text)));
        }
        q.answer = wrappingLabel(q.box, QStringLiteral("lessonAnswer"));
        layout->addWidget(q.answer);
        if (i < chosen.size() && chosen[i] >= 0 && q.group->button(chosen[i]))
            q.group->button(chosen[i])->setChecked(true);
        m_questionLayout->addWidget(q.box);
        m_questions << q;
    }
}

int LessonPanel::chosenChoice(int question) const {
    return question >= 0 && question < m_questions.size() ? m_questions[question].group->checkedId()
                                                          : -1;
}

void LessonPanel::choose(int question, int choice) {
    if (question < 0 || question >= m_questions.size()) return;
    if (QAbstractButton* button = m_questions[question].group->button(choice))
        button->setChecked(true);
}

QLabel* LessonPanel::answerLabel(int question) const {
    return question >= 0 && question < m_questions.size() ? m_questions[question].answer : nullptr;
}

QStringList LessonPanel::choiceTexts(int question) const {
    QStringList texts;
    if (question < 0 || question >= m_questions.size()) return texts;
    for (QAbstractButton* button : m_questions[question].group->buttons())
        if (auto* label = qobject_cast<QLabel*>(button->property("choiceText").value<QObject*>()))
            texts << label->text();
    return texts;
}

void LessonPanel::refresh() {
    const QString lang = language();
    const Lesson* lesson = m_session ? &m_session->lesson() : nullptr;
    m_title->setText(lesson ? lesson->title.in(lang) : tr("No lesson"));
    m_goal->setText(lesson ? lesson->goal.in(lang) : tr("Choose a lesson in the Lessons list."));
    m_intro->setText(lesson ? lesson->intro.in(lang) : QString());
    m_intro->setVisible(lesson && !m_intro->text().isEmpty());
    showAnswers();
    showStep();
}

void LessonPanel::showAnswers() {
    if (!m_session) return;
    const QString lang = language();
    const QList<LessonQuestion>& questions = m_session->lesson().questions;
    const bool answered = !m_answers.isEmpty();
    for (qsizetype i = 0; i < m_questions.size() && i < questions.size(); ++i) {
        const LessonQuestion& question = questions[i];
        QuestionBox& q = m_questions[i];
        q.box->setTitle(tr("Predict first"));
        q.ask->setText(question.ask.in(lang));
        const QString answer = answered ? m_answers.value(i) : QString();
        const qsizetype right = answered ? question.choiceFor(answer) : -1;
        for (QAbstractButton* button : q.group->buttons()) {
            const int c = q.group->id(button);
            const LessonChoice& choice = question.choices[c];
            QString text = choice.text.in(lang);
            if (text.isEmpty()) text = choice.value;
            if (answered && c == right) text = tr("%1 ✔ what the run showed").arg(text);
            if (auto* label =
                    qobject_cast<QLabel*>(button->property("choiceText").value<QObject*>()))
                label->setText(text);
            // The prediction is made before the run and stays as it was made.
            button->setEnabled(!m_session->runStarted());
        }
        if (!answered) {
            q.answer->setText(m_session->runStarted()
                                  ? tr("The answer comes when the run is over.")
                                  : tr("Pick an answer, then run the script to see."));
            continue;
        }
        const int chosen = q.group->checkedId();
        QString verdict;
        if (right < 0)
            verdict = tr("This run did not answer the question (it showed: “%1”).").arg(answer);
        else if (chosen < 0)
            verdict = tr("You did not predict; the run showed the marked choice.");
        else if (chosen == right)
            verdict = tr("Right: the run showed what you predicted.");
        else
            verdict = tr("Not what you predicted: the run showed the marked choice.");
        q.answer->setText(verdict + QStringLiteral("\n\n") + question.explain.in(lang));
    }
}

void LessonPanel::showStep() {
    const qsizetype count = m_session ? m_session->stepCount() : 0;
    m_stepBox->setVisible(count > 0);
    m_reset->setVisible(m_session != nullptr);
    if (count == 0) return;
    const LessonStep* step = m_session->currentStep();
    const qsizetype current = m_session->current();
    m_stepHeader->setText(step ? tr("Step %1 of %2").arg(current + 1).arg(count)
                               : tr("Before the run"));
    m_stepText->setText(step ? step->text.in(language())
                             : tr("Read the script; the first step comes with the run."));
    QString hint;
    if (m_session->isWaiting()) {
        if (m_session->runEnded())
            hint = tr("The run ended before the next step's moment came: Next shows it anyway.");
        else if (m_session->runStarted())
            hint = tr("The run goes on until the next step's moment comes…");
        else
            hint = tr("Press Run (F5): the run pauses at the next step.");
    } else if (m_session->allShown()) {
        hint = m_session->runEnded() ? tr("That was the last step.") : QString();
    }
    m_stepHint->setText(hint);
    m_stepHint->setVisible(!hint.isEmpty());
    m_next->setEnabled(m_session->canGoNext());
}

void LessonPanel::retranslate() {
    m_next->setText(tr("&Next"));
    m_next->setToolTip(tr("Show the next step; a paused run goes on to it"));
}

void LessonPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        refresh();
    }
}

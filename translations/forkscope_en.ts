<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ChartsPanel</name>
    <message>
        <source>Processes in each state</source>
        <translation>Processes in each state</translation>
    </message>
    <message>
        <source>time (s)</source>
        <translation>time (s)</translation>
    </message>
    <message>
        <source>How many of the script&apos;s processes were running, ready, waiting, … at each moment (PID 1, the engine&apos;s init, is left out)</source>
        <translation>How many of the script&apos;s processes were running, ready, waiting, … at each moment (PID 1, the engine&apos;s init, is left out)</translation>
    </message>
    <message>
        <source>Queue lengths</source>
        <translation>Queue lengths</translation>
    </message>
    <message>
        <source>How many items each queue held over time</source>
        <translation>How many items each queue held over time</translation>
    </message>
    <message>
        <source>queue %1</source>
        <translation>queue %1</translation>
    </message>
    <message>
        <source>queue %1 (holds %2)</source>
        <translation>queue %1 (holds %2)</translation>
    </message>
</context>
<context>
    <name>EngineClient</name>
    <message>
        <source>A run is already in progress.</source>
        <translation>A run is already in progress.</translation>
    </message>
    <message>
        <source>The engine was not found at %1. Build the forkscope-engine target, or set FORKSCOPE_ENGINE to its path.</source>
        <translation>The engine was not found at %1. Build the forkscope-engine target, or set FORKSCOPE_ENGINE to its path.</translation>
    </message>
    <message>
        <source>The engine stopped unexpectedly.</source>
        <translation>The engine stopped unexpectedly.</translation>
    </message>
    <message>
        <source>The engine %1 could not be started: %2</source>
        <translation>The engine %1 could not be started: %2</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
</context>
<context>
    <name>LessonAnswerRule</name>
    <message>
        <source>the pattern &apos;%1&apos; is not a valid regular expression: %2 (at character %3)</source>
        <translation>the pattern &apos;%1&apos; is not a valid regular expression: %2 (at character %3)</translation>
    </message>
    <message>
        <source>the pattern &apos;%1&apos; has more than one group in parentheses; the answer is what the one group matches</source>
        <translation>the pattern &apos;%1&apos; has more than one group in parentheses; the answer is what the one group matches</translation>
    </message>
    <message>
        <source>unknown answer rule &apos;%1&apos;; a rule is one of &apos;%2&apos;</source>
        <translation>unknown answer rule &apos;%1&apos;; a rule is one of &apos;%2&apos;</translation>
    </message>
    <message>
        <source>&apos;stdout lines containing&apos; needs the text to look for</source>
        <translation>&apos;stdout lines containing&apos; needs the text to look for</translation>
    </message>
</context>
<context>
    <name>LessonBrowser</name>
    <message>
        <source>Not started</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in this lesson, listed below</source>
        <translation>
            <numerusform>%n problem in this lesson, listed below</numerusform>
            <numerusform>%n problems in this lesson, listed below</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found in the lessons:</source>
        <translation>
            <numerusform>%n problem found in the lessons:</numerusform>
            <numerusform>%n problems found in the lessons:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LessonController</name>
    <message>
        <source>&amp;Lessons</source>
        <translation>&amp;Lessons</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Lessons</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Lesson</translation>
    </message>
    <message>
        <source>&amp;Next Step</source>
        <translation>&amp;Next Step</translation>
    </message>
    <message>
        <source>Show the lesson&apos;s next step (Ctrl+Return)</source>
        <translation>Show the lesson&apos;s next step (Ctrl+Return)</translation>
    </message>
    <message>
        <source>&amp;Reset Script…</source>
        <translation>&amp;Reset Script…</translation>
    </message>
    <message>
        <source>Put the lesson&apos;s own script back in place of your edits</source>
        <translation>Put the lesson&apos;s own script back in place of your edits</translation>
    </message>
    <message>
        <source>Re&amp;load Lessons</source>
        <translation>Re&amp;load Lessons</translation>
    </message>
    <message>
        <source>Read the lesson folders again: a lesson added or edited on disk appears (Ctrl+R)</source>
        <translation>Read the lesson folders again: a lesson added or edited on disk appears (Ctrl+R)</translation>
    </message>
    <message>
        <source>Your edited copy of this lesson&apos;s script is open; Lessons ▸ Reset Script puts the lesson&apos;s own back.</source>
        <translation>Your edited copy of this lesson&apos;s script is open; Lessons ▸ Reset Script puts the lesson&apos;s own back.</translation>
    </message>
    <message>
        <source>This lesson has problems, listed in the Lessons panel: %1</source>
        <translation>This lesson has problems, listed in the Lessons panel: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n lesson(s) found</source>
        <translation>
            <numerusform>%n lesson found</numerusform>
            <numerusform>%n lessons found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n problem(s): see the Lessons panel</source>
        <translation>
            <numerusform>, %n problem: see the Lessons panel</numerusform>
            <numerusform>, %n problems: see the Lessons panel</numerusform>
        </translation>
    </message>
    <message>
        <source>Reset Script</source>
        <translation>Reset Script</translation>
    </message>
    <message>
        <source>Put the lesson&apos;s own script back? Your edits of %1 are lost.</source>
        <translation>Put the lesson&apos;s own script back? Your edits of %1 are lost.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reset</translation>
    </message>
</context>
<context>
    <name>LessonLibrary</name>
    <message>
        <source>this folder has a Python script but no %1, so it is not a lesson yet</source>
        <translation>this folder has a Python script but no %1, so it is not a lesson yet</translation>
    </message>
</context>
<context>
    <name>LessonLoader</name>
    <message>
        <source>this line is not valid UTF-8 text; save the file as UTF-8</source>
        <translation>this line is not valid UTF-8 text; save the file as UTF-8</translation>
    </message>
    <message>
        <source>a second [lesson] section; a lesson file has exactly one (the first is on line %1)</source>
        <translation>a second [lesson] section; a lesson file has exactly one (the first is on line %1)</translation>
    </message>
    <message>
        <source>there is no [lesson] section (with script, title, chapter, goal and intro)</source>
        <translation>there is no [lesson] section (with script, title, chapter, goal and intro)</translation>
    </message>
    <message>
        <source>the lesson has no [step]; give it at least one</source>
        <translation>the lesson has no [step]; give it at least one</translation>
    </message>
    <message numerus="yes">
        <source>this question has %n choice(s); give it at least two, each in a [choice] section after it</source>
        <translation>
            <numerusform>this question has %n choice; give it at least two, each in a [choice] section after it</numerusform>
            <numerusform>this question has %n choices; give it at least two, each in a [choice] section after it</numerusform>
        </translation>
    </message>
    <message>
        <source>an indented line continues a value, but there is no &apos;key = value&apos; line above it to continue</source>
        <translation>an indented line continues a value, but there is no &apos;key = value&apos; line above it to continue</translation>
    </message>
    <message>
        <source>a section header is a name in square brackets alone on its line, such as [step]</source>
        <translation>a section header is a name in square brackets alone on its line, such as [step]</translation>
    </message>
    <message>
        <source>unknown section [%1]; a section is one of %2</source>
        <translation>unknown section [%1]; a section is one of %2</translation>
    </message>
    <message>
        <source>expected &apos;key = value&apos;, a [section], a comment (# ...) or an indented line continuing a value</source>
        <translation>expected &apos;key = value&apos;, a [section], a comment (# ...) or an indented line continuing a value</translation>
    </message>
    <message>
        <source>&apos;%1&apos; comes before any section; start the file with [lesson]</source>
        <translation>&apos;%1&apos; comes before any section; start the file with [lesson]</translation>
    </message>
    <message>
        <source>unknown key &apos;%1&apos; in [%2]; the keys of [%2] are %3</source>
        <translation>unknown key &apos;%1&apos; in [%2]; the keys of [%2] are %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs a language, as in %1[en] = ... and %1[zh_CN] = ...</source>
        <translation>&apos;%1&apos; needs a language, as in %1[en] = ... and %1[zh_CN] = ...</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is the same in every language: write it without [%2]</source>
        <translation>&apos;%1&apos; is the same in every language: write it without [%2]</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a language; write a language as en, zh_CN, de, pt_BR, ...</source>
        <translation>&apos;%1&apos; is not a language; write a language as en, zh_CN, de, pt_BR, ...</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is given twice in this section (first on line %2)</source>
        <translation>&apos;%1&apos; is given twice in this section (first on line %2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is empty</source>
        <translation>&apos;%1&apos; is empty</translation>
    </message>
    <message>
        <source>[%1] has no &apos;%2&apos;; add %2[en] = ... and %2[zh_CN] = ...</source>
        <translation>[%1] has no &apos;%2&apos;; add %2[en] = ... and %2[zh_CN] = ...</translation>
    </message>
    <message>
        <source>[%1] has no &apos;%2&apos;; add %2 = ...</source>
        <translation>[%1] has no &apos;%2&apos;; add %2 = ...</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no %2 text; add %1[%2] = ...</source>
        <translation>&apos;%1&apos; has no %2 text; add %1[%2] = ...</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a scenario; scenarios are written S01, S02, ..., separated by commas</source>
        <translation>&apos;%1&apos; is not a scenario; scenarios are written S01, S02, ..., separated by commas</translation>
    </message>
    <message>
        <source>&apos;cores&apos; is the number of CPUs the run may use: a whole number from 1, not &apos;%1&apos;</source>
        <translation>&apos;cores&apos; is the number of CPUs the run may use: a whole number from 1, not &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;speed&apos; scales time.sleep: a number from 0.1 to 10, not &apos;%1&apos;</source>
        <translation>&apos;speed&apos; scales time.sleep: a number from 0.1 to 10, not &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the script &apos;%1&apos; must be in the lesson&apos;s folder: give its name only</source>
        <translation>the script &apos;%1&apos; must be in the lesson&apos;s folder: give its name only</translation>
    </message>
    <message>
        <source>the script &apos;%1&apos; is not in the lesson&apos;s folder</source>
        <translation>the script &apos;%1&apos; is not in the lesson&apos;s folder</translation>
    </message>
    <message>
        <source>the script &apos;%1&apos; is too large for a lesson</source>
        <translation>the script &apos;%1&apos; is too large for a lesson</translation>
    </message>
    <message>
        <source>cannot read the script &apos;%1&apos;: %2</source>
        <translation>cannot read the script &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>this line of the script is not valid UTF-8 text</source>
        <translation>this line of the script is not valid UTF-8 text</translation>
    </message>
    <message numerus="yes">
        <source>the script &apos;%1&apos; has %n line(s): there is no line %2</source>
        <translation>
            <numerusform>the script &apos;%1&apos; has %n line: there is no line %2</numerusform>
            <numerusform>the script &apos;%1&apos; has %n lines: there is no line %2</numerusform>
        </translation>
    </message>
    <message>
        <source>line %1 of &apos;%2&apos; is blank or a comment: no process ever stops there</source>
        <translation>line %1 of &apos;%2&apos; is blank or a comment: no process ever stops there</translation>
    </message>
    <message>
        <source>&apos;who&apos; does not apply to &apos;%1&apos;: it is about the whole run</source>
        <translation>&apos;who&apos; does not apply to &apos;%1&apos;: it is about the whole run</translation>
    </message>
    <message>
        <source>&apos;who&apos; says which process the moment is about, but this step has no &apos;at&apos;</source>
        <translation>&apos;who&apos; says which process the moment is about, but this step has no &apos;at&apos;</translation>
    </message>
    <message>
        <source>&apos;who&apos; is one of %1, or the name of one process (without spaces), not &apos;%2&apos;</source>
        <translation>&apos;who&apos; is one of %1, or the name of one process (without spaces), not &apos;%2&apos;</translation>
    </message>
    <message>
        <source>&apos;count&apos; says which occurrence of the moment is meant: a whole number from 1, not &apos;%1&apos;</source>
        <translation>&apos;count&apos; says which occurrence of the moment is meant: a whole number from 1, not &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;count&apos; needs an &apos;at&apos; in the same step</source>
        <translation>&apos;count&apos; needs an &apos;at&apos; in the same step</translation>
    </message>
    <message>
        <source>unknown panel &apos;%1&apos;; a panel is one of %2</source>
        <translation>unknown panel &apos;%1&apos;; a panel is one of %2</translation>
    </message>
    <message>
        <source>a [choice] belongs to the [question] above it, and there is none</source>
        <translation>a [choice] belongs to the [question] above it, and there is none</translation>
    </message>
    <message>
        <source>a second &apos;value = *&apos; in this question (the first is on line %1); only one choice can stand for every other answer</source>
        <translation>a second &apos;value = *&apos; in this question (the first is on line %1); only one choice can stand for every other answer</translation>
    </message>
    <message>
        <source>two choices of this question have the value &apos;%1&apos; (the other is on line %2)</source>
        <translation>two choices of this question have the value &apos;%1&apos; (the other is on line %2)</translation>
    </message>
    <message>
        <source>there is no %1 in this lesson folder</source>
        <translation>there is no %1 in this lesson folder</translation>
    </message>
    <message>
        <source>the file is too large for a lesson (over %1 KiB)</source>
        <translation>the file is too large for a lesson (over %1 KiB)</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>cannot read the file: %1</translation>
    </message>
</context>
<context>
    <name>LessonMoment</name>
    <message>
        <source>&apos;%1&apos; takes nothing or &apos;%2&apos; and a pid, as in &apos;%1 %2 1&apos;</source>
        <translation>&apos;%1&apos; takes nothing or &apos;%2&apos; and a pid, as in &apos;%1 %2 1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes nothing or one of %2</source>
        <translation>&apos;%1&apos; takes nothing or one of %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes nothing after it</source>
        <translation>&apos;%1&apos; takes nothing after it</translation>
    </message>
    <message>
        <source>the moment is empty</source>
        <translation>the moment is empty</translation>
    </message>
    <message>
        <source>unknown moment &apos;%1&apos;; a moment is one of %2</source>
        <translation>unknown moment &apos;%1&apos;; a moment is one of %2</translation>
    </message>
    <message>
        <source>&apos;line&apos; needs a line number of the script, as in &apos;line 12&apos;</source>
        <translation>&apos;line&apos; needs a line number of the script, as in &apos;line 12&apos;</translation>
    </message>
    <message>
        <source>&apos;exit&apos; takes nothing or an exit code, as in &apos;exit 3&apos; or &apos;exit -15&apos; (killed by signal 15)</source>
        <translation>&apos;exit&apos; takes nothing or an exit code, as in &apos;exit 3&apos; or &apos;exit -15&apos; (killed by signal 15)</translation>
    </message>
    <message>
        <source>&apos;state&apos; needs a state, one of %1, as in &apos;state ready&apos;</source>
        <translation>&apos;state&apos; needs a state, one of %1, as in &apos;state ready&apos;</translation>
    </message>
    <message>
        <source>only &apos;state waiting&apos; can say what is waited on, one of %1, as in &apos;state waiting join&apos;</source>
        <translation>only &apos;state waiting&apos; can say what is waited on, one of %1, as in &apos;state waiting join&apos;</translation>
    </message>
    <message>
        <source>&apos;output&apos; needs the text to look for, as in &apos;output my ppid=1&apos;</source>
        <translation>&apos;output&apos; needs the text to look for, as in &apos;output my ppid=1&apos;</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>No lesson</source>
        <translation>No lesson</translation>
    </message>
    <message>
        <source>Choose a lesson in the Lessons list.</source>
        <translation>Choose a lesson in the Lessons list.</translation>
    </message>
    <message>
        <source>Predict first</source>
        <translation>Predict first</translation>
    </message>
    <message>
        <source>%1 ✔ what the run showed</source>
        <translation>%1 ✔ what the run showed</translation>
    </message>
    <message>
        <source>The answer comes when the run is over.</source>
        <translation>The answer comes when the run is over.</translation>
    </message>
    <message>
        <source>Pick an answer, then run the script to see.</source>
        <translation>Pick an answer, then run the script to see.</translation>
    </message>
    <message>
        <source>This run did not answer the question (it showed: “%1”).</source>
        <translation>This run did not answer the question (it showed: “%1”).</translation>
    </message>
    <message>
        <source>You did not predict; the run showed the marked choice.</source>
        <translation>You did not predict; the run showed the marked choice.</translation>
    </message>
    <message>
        <source>Right: the run showed what you predicted.</source>
        <translation>Right: the run showed what you predicted.</translation>
    </message>
    <message>
        <source>Not what you predicted: the run showed the marked choice.</source>
        <translation>Not what you predicted: the run showed the marked choice.</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Step %1 of %2</translation>
    </message>
    <message>
        <source>Before the run</source>
        <translation>Before the run</translation>
    </message>
    <message>
        <source>Read the script; the first step comes with the run.</source>
        <translation>Read the script; the first step comes with the run.</translation>
    </message>
    <message>
        <source>The run ended before the next step&apos;s moment came: Next shows it anyway.</source>
        <translation>The run ended before the next step&apos;s moment came: Next shows it anyway.</translation>
    </message>
    <message>
        <source>The run goes on until the next step&apos;s moment comes…</source>
        <translation>The run goes on until the next step&apos;s moment comes…</translation>
    </message>
    <message>
        <source>Press Run (F5): the run pauses at the next step.</source>
        <translation>Press Run (F5): the run pauses at the next step.</translation>
    </message>
    <message>
        <source>That was the last step.</source>
        <translation>That was the last step.</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <source>Show the next step; a paused run goes on to it</source>
        <translation>Show the next step; a paused run goes on to it</translation>
    </message>
</context>
<context>
    <name>LockModel</name>
    <message>
        <source>Lock %1</source>
        <translation>Lock %1</translation>
    </message>
    <message>
        <source>free</source>
        <translation>free</translation>
    </message>
    <message>
        <source>%1 (exited)</source>
        <translation>%1 (exited)</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 from %2</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Holder</translation>
    </message>
    <message>
        <source>Waiting, in order</source>
        <translation>Waiting, in order</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>Recovered</translation>
    </message>
</context>
<context>
    <name>LockPanel</name>
    <message>
        <source>No lock yet: a multiprocessing.Lock appears here once the script uses it.</source>
        <translation>No lock yet: a multiprocessing.Lock appears here once the script uses it.</translation>
    </message>
    <message>
        <source>Lock %1</source>
        <translation>Lock %1</translation>
    </message>
    <message>
        <source>free</source>
        <translation>free</translation>
    </message>
    <message>
        <source>Nobody holds this lock</source>
        <translation>Nobody holds this lock</translation>
    </message>
    <message>
        <source>held by</source>
        <translation>held by</translation>
    </message>
    <message>
        <source>Holds the lock, but has exited: nobody will release it</source>
        <translation>Holds the lock, but has exited: nobody will release it</translation>
    </message>
    <message>
        <source>Holds lock %1</source>
        <translation>Holds lock %1</translation>
    </message>
    <message>
        <source>(exited while holding it)</source>
        <translation>(exited while holding it)</translation>
    </message>
    <message>
        <source>RLock depth %1</source>
        <translation>RLock depth %1</translation>
    </message>
    <message>
        <source>Nobody waiting</source>
        <translation>Nobody waiting</translation>
    </message>
    <message>
        <source>Waiting, in order:</source>
        <translation>Waiting, in order:</translation>
    </message>
    <message>
        <source>Waiting for lock %1, %2 in the line</source>
        <translation>Waiting for lock %1, %2 in the line</translation>
    </message>
    <message>
        <source>took it over at %1 s from</source>
        <translation>took it over at %1 s from</translation>
    </message>
    <message>
        <source>Died holding the lock</source>
        <translation>Died holding the lock</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Open Script…</source>
        <translation>&amp;Open Script…</translation>
    </message>
    <message>
        <source>Open a Python script to run (Ctrl+O)</source>
        <translation>Open a Python script to run (Ctrl+O)</translation>
    </message>
    <message>
        <source>Open Script</source>
        <translation>Open Script</translation>
    </message>
    <message>
        <source>Python scripts (*.py);;All files (*)</source>
        <translation>Python scripts (*.py);;All files (*)</translation>
    </message>
    <message>
        <source>Open &amp;Recording…</source>
        <translation>Open &amp;Recording…</translation>
    </message>
    <message>
        <source>Replay a saved run (.jsonl)</source>
        <translation>Replay a saved run (.jsonl)</translation>
    </message>
    <message>
        <source>Open Recording</source>
        <translation>Open Recording</translation>
    </message>
    <message>
        <source>Forkscope recordings (*.jsonl);;All files (*)</source>
        <translation>Forkscope recordings (*.jsonl);;All files (*)</translation>
    </message>
    <message>
        <source>&amp;Save Recording…</source>
        <translation>&amp;Save Recording…</translation>
    </message>
    <message>
        <source>Save the events of this run, to replay it later</source>
        <translation>Save the events of this run, to replay it later</translation>
    </message>
    <message>
        <source>Save Recording</source>
        <translation>Save Recording</translation>
    </message>
    <message>
        <source>Forkscope recordings (*.jsonl)</source>
        <translation>Forkscope recordings (*.jsonl)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Run</translation>
    </message>
    <message>
        <source>Run the script, or continue a paused run (F5)</source>
        <translation>Run the script, or continue a paused run (F5)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Hold every process before its next line (F6)</source>
        <translation>Hold every process before its next line (F6)</translation>
    </message>
    <message>
        <source>S&amp;tep</source>
        <translation>S&amp;tep</translation>
    </message>
    <message>
        <source>Let every paused process run one line; starts a run paused if none is going (F10)</source>
        <translation>Let every paused process run one line; starts a run paused if none is going (F10)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stop</translation>
    </message>
    <message>
        <source>End the run: every process is killed (Shift+F5)</source>
        <translation>End the run: every process is killed (Shift+F5)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;In</translation>
    </message>
    <message>
        <source>Larger text, for a projector (Ctrl+=)</source>
        <translation>Larger text, for a projector (Ctrl+=)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom &amp;Out</translation>
    </message>
    <message>
        <source>Smaller text (Ctrl+-)</source>
        <translation>Smaller text (Ctrl+-)</translation>
    </message>
    <message>
        <source>&amp;Normal Size</source>
        <translation>&amp;Normal Size</translation>
    </message>
    <message>
        <source>&amp;About Forkscope</source>
        <translation>&amp;About Forkscope</translation>
    </message>
    <message>
        <source>About Forkscope</source>
        <translation>About Forkscope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Forkscope %1&lt;/h3&gt;&lt;p&gt;Watch how processes are born, wait, share and die: Forkscope runs a lesson&apos;s Python script for real and draws its processes as they go.&lt;/p&gt;&lt;p&gt;Each process has its own colour, in the code, the tree and the console.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Forkscope %1&lt;/h3&gt;&lt;p&gt;Watch how processes are born, wait, share and die: Forkscope runs a lesson&apos;s Python script for real and draws its processes as they go.&lt;/p&gt;&lt;p&gt;Each process has its own colour, in the code, the tree and the console.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>Speed:</translation>
    </message>
    <message>
        <source>How fast time.sleep() passes: 2× halves every sleep</source>
        <translation>How fast time.sleep() passes: 2× halves every sleep</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Hide this message</translation>
    </message>
    <message>
        <source>Open a lesson script (File ▸ Open Script…) or a recording, or drop one here.</source>
        <translation>Open a lesson script (File ▸ Open Script…) or a recording, or drop one here.</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>Processes</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <source>Scenario time: seconds since the run started, as the script sees them (time.sleep(1) always takes 1 s)</source>
        <translation>Scenario time: seconds since the run started, as the script sees them (time.sleep(1) always takes 1 s)</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Cannot open %1: %2</translation>
    </message>
    <message>
        <source>Cannot open the recording %1: %2</source>
        <translation>Cannot open the recording %1: %2</translation>
    </message>
    <message>
        <source>The script of this recording, %1, was not found next to it: the code cannot be shown.</source>
        <translation>The script of this recording, %1, was not found next to it: the code cannot be shown.</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) of the recording were not events and were skipped.</source>
        <translation>
            <numerusform>%n line of the recording was not an event and was skipped.</numerusform>
            <numerusform>%n lines of the recording were not events and were skipped.</numerusform>
        </translation>
    </message>
    <message>
        <source>This recording holds no events.</source>
        <translation>This recording holds no events.</translation>
    </message>
    <message>
        <source>Cannot save the recording to %1: %2</source>
        <translation>Cannot save the recording to %1: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>The engine ended with status %1 before the run was over.</source>
        <translation>The engine ended with status %1 before the run was over.</translation>
    </message>
    <message>
        <source>This system does not allow PID namespaces, so pids are the real ones and orphans go to the engine, not to PID 1.</source>
        <translation>This system does not allow PID namespaces, so pids are the real ones and orphans go to the engine, not to PID 1.</translation>
    </message>
    <message>
        <source>Syntax error on line %1: %2</source>
        <translation>Syntax error on line %1: %2</translation>
    </message>
    <message>
        <source>Process %1 stopped on an exception: %2</source>
        <translation>Process %1 stopped on an exception: %2</translation>
    </message>
    <message>
        <source>The run hit a limit: %1</source>
        <translation>The run hit a limit: %1</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>Ended: a limit was hit</source>
        <translation>Ended: a limit was hit</translation>
    </message>
    <message>
        <source>Ended with an error</source>
        <translation>Ended with an error</translation>
    </message>
    <message>
        <source>Finished, exit status %1</source>
        <translation>Finished, exit status %1</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Interrupted</translation>
    </message>
    <message>
        <source>Paused where the recording ends</source>
        <translation>Paused where the recording ends</translation>
    </message>
    <message>
        <source>Running where the recording ends</source>
        <translation>Running where the recording ends</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <source>No script</source>
        <translation>No script</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>%1 — replay of %2</source>
        <translation>%1 — replay of %2</translation>
    </message>
    <message>
        <source>t = %1 s</source>
        <translation>t = %1 s</translation>
    </message>
    <message numerus="yes">
        <source>%n process(es) alive</source>
        <translation>
            <numerusform>%n process alive</numerusform>
            <numerusform>%n processes alive</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n zombie(s)</source>
        <translation>
            <numerusform>, %n zombie</numerusform>
            <numerusform>, %n zombies</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Continue</translation>
    </message>
    <message>
        <source>Forkscope</source>
        <translation>Forkscope</translation>
    </message>
    <message>
        <source>%1 — Forkscope</source>
        <translation>%1 — Forkscope</translation>
    </message>
    <message>
        <source>Step Only Process %1</source>
        <translation>Step Only Process %1</translation>
    </message>
    <message>
        <source>Show Its Line</source>
        <translation>Show Its Line</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <comment>menu</comment>
        <translation>&amp;Run</translation>
    </message>
    <message>
        <source>Run</source>
        <comment>toolbar</comment>
        <translation>Run</translation>
    </message>
    <message>
        <source>Step &amp;Selected Process</source>
        <translation>Step &amp;Selected Process</translation>
    </message>
    <message>
        <source>Let only the process selected in the tree or on the timeline run one line; the others stay (F11)</source>
        <translation>Let only the process selected in the tree or on the timeline run one line; the others stay (F11)</translation>
    </message>
    <message>
        <source>R&amp;estart</source>
        <translation>R&amp;estart</translation>
    </message>
    <message>
        <source>End the run and start the script again (Ctrl+F5)</source>
        <translation>End the run and start the script again (Ctrl+F5)</translation>
    </message>
    <message>
        <source>CPUs:</source>
        <translation>CPUs:</translation>
    </message>
    <message>
        <source>all</source>
        <translation>all</translation>
    </message>
    <message>
        <source>How many CPUs the run may use: with fewer CPUs than busy processes, some must wait, ready. Changing it restarts a run.</source>
        <translation>How many CPUs the run may use: with fewer CPUs than busy processes, some must wait, ready. Changing it restarts a run.</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Re&amp;play</source>
        <translation>Re&amp;play</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>The run&apos;s speed: how fast time.sleep() passes</source>
        <translation>The run&apos;s speed: how fast time.sleep() passes</translation>
    </message>
    <message>
        <source>How many CPUs the run may use, of the machine&apos;s</source>
        <translation>How many CPUs the run may use, of the machine&apos;s</translation>
    </message>
    <message>
        <source>Replaying</source>
        <translation>Replaying</translation>
    </message>
    <message>
        <source>Replay paused</source>
        <translation>Replay paused</translation>
    </message>
    <message>
        <source>speed %1×</source>
        <translation>speed %1×</translation>
    </message>
    <message>
        <source>%1 of %2 CPUs</source>
        <translation>%1 of %2 CPUs</translation>
    </message>
    <message numerus="yes">
        <source>%n CPU(s)</source>
        <translation>
            <numerusform>%n CPU</numerusform>
            <numerusform>%n CPUs</numerusform>
        </translation>
    </message>
    <message>
        <source>all CPUs</source>
        <translation>all CPUs</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Step %1</translation>
    </message>
    <message>
        <source>Step Selected</source>
        <translation>Step Selected</translation>
    </message>
    <message>
        <source>Cannot save your edits to %1: %2</source>
        <translation>Cannot save your edits to %1: %2</translation>
    </message>
</context>
<context>
    <name>MomentShot</name>
    <message>
        <source>&apos;%1&apos; is not an occurrence (a number from 1)</source>
        <translation>&apos;%1&apos; is not an occurrence (a number from 1)</translation>
    </message>
    <message>
        <source>The recording has no such moment.</source>
        <translation>The recording has no such moment.</translation>
    </message>
    <message>
        <source>The run ended before the moment came.</source>
        <translation>The run ended before the moment came.</translation>
    </message>
    <message>
        <source>Cannot save %1</source>
        <translation>Cannot save %1</translation>
    </message>
</context>
<context>
    <name>PanelCanvas</name>
    <message>
        <source>Process %1</source>
        <translation>Process %1</translation>
    </message>
</context>
<context>
    <name>PoolModel</name>
    <message>
        <source>Pool %1 of process %2</source>
        <translation>Pool %1 of process %2</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n done</source>
        <translation>
            <numerusform>%n done</numerusform>
            <numerusform>%n done</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 done, %2 failed</source>
        <translation>%1 done, %2 failed</translation>
    </message>
    <message>
        <source>exited</source>
        <translation>exited</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>idle</translation>
    </message>
    <message>
        <source>Pool / worker</source>
        <translation>Pool / worker</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>PoolPanel</name>
    <message>
        <source>No pool yet: a multiprocessing.Pool appears here once the script gives it a task.</source>
        <translation>No pool yet: a multiprocessing.Pool appears here once the script gives it a task.</translation>
    </message>
    <message>
        <source>Made the pool and gives it tasks</source>
        <translation>Made the pool and gives it tasks</translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s)</source>
        <translation>
            <numerusform>%n worker</numerusform>
            <numerusform>%n workers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n done</source>
        <translation>
            <numerusform>%n done</numerusform>
            <numerusform>%n done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message>
        <source>exited</source>
        <translation>exited</translation>
    </message>
    <message numerus="yes">
        <source>This worker has ended (%n task(s) done)</source>
        <translation>
            <numerusform>This worker has ended (%n task done)</numerusform>
            <numerusform>This worker has ended (%n tasks done)</numerusform>
        </translation>
    </message>
    <message>
        <source>Worker %1 runs task %2</source>
        <translation>Worker %1 runs task %2</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>idle</translation>
    </message>
    <message>
        <source>Waiting for a task</source>
        <translation>Waiting for a task</translation>
    </message>
    <message>
        <source>Waiting:</source>
        <translation>Waiting:</translation>
    </message>
    <message>
        <source>Tasks no worker has taken yet, first in first out</source>
        <translation>Tasks no worker has taken yet, first in first out</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Task %1 waits for a free worker</source>
        <translation>Task %1 waits for a free worker</translation>
    </message>
    <message>
        <source>Results:</source>
        <translation>Results:</translation>
    </message>
    <message>
        <source>Tasks done, in the order they finished, in their worker&apos;s colour</source>
        <translation>Tasks done, in the order they finished, in their worker&apos;s colour</translation>
    </message>
    <message>
        <source>Task %1 done by worker %2</source>
        <translation>Task %1 done by worker %2</translation>
    </message>
    <message>
        <source>#%1 raised</source>
        <translation>#%1 raised</translation>
    </message>
    <message>
        <source>Task %1 raised an exception in worker %2</source>
        <translation>Task %1 raised an exception in worker %2</translation>
    </message>
    <message>
        <source>Pool %1, made by</source>
        <translation>Pool %1, made by</translation>
    </message>
</context>
<context>
    <name>ProcessTreeModel</name>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>ready</translation>
    </message>
    <message>
        <source>sleeping</source>
        <translation>sleeping</translation>
    </message>
    <message>
        <source>waiting for a child</source>
        <translation>waiting for a child</translation>
    </message>
    <message>
        <source>joining a process</source>
        <translation>joining a process</translation>
    </message>
    <message>
        <source>waiting for I/O</source>
        <translation>waiting for I/O</translation>
    </message>
    <message>
        <source>waiting for a queue item</source>
        <translation>waiting for a queue item</translation>
    </message>
    <message>
        <source>waiting for queue space</source>
        <translation>waiting for queue space</translation>
    </message>
    <message>
        <source>waiting for a lock</source>
        <translation>waiting for a lock</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>waiting (%1)</source>
        <translation>waiting (%1)</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>stopped (SIGSTOP)</source>
        <translation>stopped (SIGSTOP)</translation>
    </message>
    <message>
        <source>zombie</source>
        <translation>zombie</translation>
    </message>
    <message>
        <source>reaped by %1</source>
        <translation>reaped by %1</translation>
    </message>
    <message>
        <source>%1, orphan</source>
        <translation>%1, orphan</translation>
    </message>
    <message>
        <source>signal %1</source>
        <translation>signal %1</translation>
    </message>
    <message>
        <source>signal %1 (%2)</source>
        <translation>signal %1 (%2)</translation>
    </message>
    <message>
        <source>PID %1, %2</source>
        <translation>PID %1, %2</translation>
    </message>
    <message>
        <source>PID 1 of the run: it adopts orphans and reaps them</source>
        <translation>PID 1 of the run: it adopts orphans and reaps them</translation>
    </message>
    <message>
        <source>The script&apos;s first process, started by %1</source>
        <translation>The script&apos;s first process, started by %1</translation>
    </message>
    <message>
        <source>Started by %1 with multiprocessing.Process</source>
        <translation>Started by %1 with multiprocessing.Process</translation>
    </message>
    <message>
        <source>Forked by %1</source>
        <translation>Forked by %1</translation>
    </message>
    <message>
        <source>Replaced its program with %1 (exec)</source>
        <translation>Replaced its program with %1 (exec)</translation>
    </message>
    <message>
        <source>Orphan: its parent %1 ended first; adopted by %2</source>
        <translation>Orphan: its parent %1 ended first; adopted by %2</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>State: %1</translation>
    </message>
    <message>
        <source>At line %1</source>
        <translation>At line %1</translation>
    </message>
    <message>
        <source>Exit: %1</source>
        <translation>Exit: %1</translation>
    </message>
    <message>
        <source>A zombie: it has ended, but its parent has not reaped it yet</source>
        <translation>A zombie: it has ended, but its parent has not reaped it yet</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Exit</translation>
    </message>
    <message>
        <source>The process ID, as the script sees it</source>
        <translation>The process ID, as the script sees it</translation>
    </message>
    <message>
        <source>What the process is doing now</source>
        <translation>What the process is doing now</translation>
    </message>
    <message>
        <source>The script line it is about to run</source>
        <translation>The script line it is about to run</translation>
    </message>
    <message>
        <source>Its exit code, or the signal that ended it</source>
        <translation>Its exit code, or the signal that ended it</translation>
    </message>
    <message>
        <source>reaped by the engine</source>
        <translation>reaped by the engine</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Queue %1</source>
        <translation>Queue %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>%1 (unbounded)</source>
        <translation>%1 (unbounded)</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Blocked putting</source>
        <translation>Blocked putting</translation>
    </message>
    <message>
        <source>Blocked getting</source>
        <translation>Blocked getting</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>No queue yet: a multiprocessing.Queue appears here once the script uses it.</source>
        <translation>No queue yet: a multiprocessing.Queue appears here once the script uses it.</translation>
    </message>
    <message>
        <source>Queue %1</source>
        <translation>Queue %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s), unbounded</source>
        <translation>
            <numerusform>%n item, unbounded</numerusform>
            <numerusform>%n items, unbounded</numerusform>
        </translation>
    </message>
    <message>
        <source>, full</source>
        <translation>, full</translation>
    </message>
    <message numerus="yes">
        <source>, %n lost</source>
        <translation>
            <numerusform>, %n lost</numerusform>
            <numerusform>, %n lost</numerusform>
        </translation>
    </message>
    <message>
        <source>out ◂</source>
        <translation>out ◂</translation>
    </message>
    <message>
        <source>get() takes the oldest item, on the left</source>
        <translation>get() takes the oldest item, on the left</translation>
    </message>
    <message>
        <source>Slot %1: %2</source>
        <translation>Slot %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
    <message>
        <source>The engine shows the first %1 items of a longer queue</source>
        <translation>The engine shows the first %1 items of a longer queue</translation>
    </message>
    <message>
        <source>Slot %1: free</source>
        <translation>Slot %1: free</translation>
    </message>
    <message numerus="yes">
        <source>Room for %n more</source>
        <translation>
            <numerusform>Room for %n more</numerusform>
            <numerusform>Room for %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>An unbounded queue has room for more</source>
        <translation>An unbounded queue has room for more</translation>
    </message>
    <message>
        <source>◂ in</source>
        <translation>◂ in</translation>
    </message>
    <message>
        <source>put() adds on the right</source>
        <translation>put() adds on the right</translation>
    </message>
    <message>
        <source>Blocked putting (queue full):</source>
        <translation>Blocked putting (queue full):</translation>
    </message>
    <message>
        <source>Blocked in put(): no room in queue %1</source>
        <translation>Blocked in put(): no room in queue %1</translation>
    </message>
    <message>
        <source>Blocked getting (queue empty):</source>
        <translation>Blocked getting (queue empty):</translation>
    </message>
    <message>
        <source>Blocked in get(): queue %1 is empty</source>
        <translation>Blocked in get(): queue %1 is empty</translation>
    </message>
</context>
<context>
    <name>ReplayBar</name>
    <message>
        <source>Replay</source>
        <translation>Replay</translation>
    </message>
    <message>
        <source>Replay from the Start</source>
        <translation>Replay from the Start</translation>
    </message>
    <message>
        <source>Back to the start of the recording (Ctrl+Home)</source>
        <translation>Back to the start of the recording (Ctrl+Home)</translation>
    </message>
    <message>
        <source>Play Replay</source>
        <translation>Play Replay</translation>
    </message>
    <message>
        <source>Play the recording as it ran, or pause it (F8)</source>
        <translation>Play the recording as it ran, or pause it (F8)</translation>
    </message>
    <message>
        <source>Replay One Line</source>
        <translation>Replay One Line</translation>
    </message>
    <message>
        <source>On to the next time a process moves to a line (F9)</source>
        <translation>On to the next time a process moves to a line (F9)</translation>
    </message>
    <message>
        <source>Replay to the End</source>
        <translation>Replay to the End</translation>
    </message>
    <message>
        <source>Show the whole recording (Ctrl+End)</source>
        <translation>Show the whole recording (Ctrl+End)</translation>
    </message>
    <message>
        <source>Replay speed: 2× plays the recording twice as fast as it ran</source>
        <translation>Replay speed: 2× plays the recording twice as fast as it ran</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Drag to any instant of the recording</source>
        <translation>Drag to any instant of the recording</translation>
    </message>
    <message>
        <source>%1 / %2 s</source>
        <translation>%1 / %2 s</translation>
    </message>
    <message>
        <source>Pause Replay</source>
        <translation>Pause Replay</translation>
    </message>
</context>
<context>
    <name>SharedObjectDocks</name>
    <message>
        <source>Queues</source>
        <translation>Queues</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>Locks</translation>
    </message>
    <message>
        <source>Pools</source>
        <translation>Pools</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Theme</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>Follow the &amp;System</translation>
    </message>
    <message>
        <source>Light or dark, as the desktop is</source>
        <translation>Light or dark, as the desktop is</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Light</translation>
    </message>
    <message>
        <source>Dark text on light backgrounds</source>
        <translation>Dark text on light backgrounds</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dark</translation>
    </message>
    <message>
        <source>Light text on dark backgrounds, for a dim room</source>
        <translation>Light text on dark backgrounds, for a dim room</translation>
    </message>
</context>
<context>
    <name>TimelineDock</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Zoom out (− or Ctrl+wheel on the lanes)</source>
        <translation>Zoom out (− or Ctrl+wheel on the lanes)</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Zoom in, down to the kernel&apos;s time slices (+)</source>
        <translation>Zoom in, down to the kernel&apos;s time slices (+)</translation>
    </message>
    <message>
        <source>Whole Run</source>
        <translation>Whole Run</translation>
    </message>
    <message>
        <source>Show the whole run (0)</source>
        <translation>Show the whole run (0)</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Follow</translation>
    </message>
    <message>
        <source>Keep the present in view while the run goes on (End)</source>
        <translation>Keep the present in view while the run goes on (End)</translation>
    </message>
    <message>
        <source>How much time the lanes show</source>
        <translation>How much time the lanes show</translation>
    </message>
</context>
<context>
    <name>TimelineLegend</name>
    <message>
        <source>orphan</source>
        <translation>orphan</translation>
    </message>
    <message>
        <source>Orphan: its parent ended first, and PID 1 adopted it (dashed line)</source>
        <translation>Orphan: its parent ended first, and PID 1 adopted it (dashed line)</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>ready, waiting for a CPU</source>
        <translation>ready, waiting for a CPU</translation>
    </message>
    <message>
        <source>sleeping</source>
        <translation>sleeping</translation>
    </message>
    <message>
        <source>waiting for a child</source>
        <translation>waiting for a child</translation>
    </message>
    <message>
        <source>joining a process</source>
        <translation>joining a process</translation>
    </message>
    <message>
        <source>waiting for I/O</source>
        <translation>waiting for I/O</translation>
    </message>
    <message>
        <source>waiting for a queue item</source>
        <translation>waiting for a queue item</translation>
    </message>
    <message>
        <source>waiting for queue space</source>
        <translation>waiting for queue space</translation>
    </message>
    <message>
        <source>waiting for a lock</source>
        <translation>waiting for a lock</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>waiting (%1)</source>
        <translation>waiting (%1)</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>stopped (SIGSTOP)</source>
        <translation>stopped (SIGSTOP)</translation>
    </message>
    <message>
        <source>zombie</source>
        <translation>zombie</translation>
    </message>
    <message>
        <source>reaped</source>
        <translation>reaped</translation>
    </message>
    <message>
        <source>not started yet</source>
        <translation>not started yet</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, orphan</source>
        <translation>%1, orphan</translation>
    </message>
    <message>
        <source>PID %1 %2</source>
        <translation>PID %1 %2</translation>
    </message>
    <message>
        <source>%1: not started yet</source>
        <translation>%1: not started yet</translation>
    </message>
    <message>
        <source>%1: reaped at %2 s</source>
        <translation>%1: reaped at %2 s</translation>
    </message>
    <message>
        <source>%1: %2 for %3 s</source>
        <translation>%1: %2 for %3 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>For</source>
        <translation>For</translation>
    </message>
    <message>
        <source>queue %1</source>
        <translation>queue %1</translation>
    </message>
    <message>
        <source>lock %1</source>
        <translation>lock %1</translation>
    </message>
    <message>
        <source>pool %1</source>
        <translation>pool %1</translation>
    </message>
    <message>
        <source>task %1</source>
        <translation>task %1</translation>
    </message>
    <message>
        <source>process %1</source>
        <translation>process %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>TimelineStyle</name>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>ready</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>zombie</source>
        <translation>zombie</translation>
    </message>
    <message>
        <source>reaped</source>
        <translation>reaped</translation>
    </message>
    <message>
        <source>Running: on a CPU, executing</source>
        <translation>Running: on a CPU, executing</translation>
    </message>
    <message>
        <source>Ready: could run, but waits for a free CPU (hatched)</source>
        <translation>Ready: could run, but waits for a free CPU (hatched)</translation>
    </message>
    <message>
        <source>Waiting: asleep until something happens, a timer, a child, a queue… (half height, dotted; hover to see on what)</source>
        <translation>Waiting: asleep until something happens, a timer, a child, a queue… (half height, dotted; hover to see on what)</translation>
    </message>
    <message>
        <source>Paused: held by Forkscope before its next line (striped)</source>
        <translation>Paused: held by Forkscope before its next line (striped)</translation>
    </message>
    <message>
        <source>Stopped by a signal, SIGSTOP (cross-hatched)</source>
        <translation>Stopped by a signal, SIGSTOP (cross-hatched)</translation>
    </message>
    <message>
        <source>Zombie: it has ended, but its parent has not reaped it yet (thin bar)</source>
        <translation>Zombie: it has ended, but its parent has not reaped it yet (thin bar)</translation>
    </message>
    <message>
        <source>Reaped: gone</source>
        <translation>Reaped: gone</translation>
    </message>
    <message>
        <source>born</source>
        <translation>born</translation>
    </message>
    <message>
        <source>exec</source>
        <translation>exec</translation>
    </message>
    <message>
        <source>exit</source>
        <translation>exit</translation>
    </message>
    <message>
        <source>orphaned, adopted</source>
        <translation>orphaned, adopted</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>put in a queue</source>
        <translation>put in a queue</translation>
    </message>
    <message>
        <source>got from a queue</source>
        <translation>got from a queue</translation>
    </message>
    <message>
        <source>lock acquired</source>
        <translation>lock acquired</translation>
    </message>
    <message>
        <source>lock released</source>
        <translation>lock released</translation>
    </message>
    <message>
        <source>task submitted</source>
        <translation>task submitted</translation>
    </message>
    <message>
        <source>task started</source>
        <translation>task started</translation>
    </message>
    <message>
        <source>task done</source>
        <translation>task done</translation>
    </message>
    <message>
        <source>task failed</source>
        <translation>task failed</translation>
    </message>
    <message>
        <source>PID 1 of the run: it adopts orphans and reaps them</source>
        <translation>PID 1 of the run: it adopts orphans and reaps them</translation>
    </message>
    <message>
        <source>the script&apos;s first process starts</source>
        <translation>the script&apos;s first process starts</translation>
    </message>
    <message>
        <source>started by %1 with multiprocessing.Process</source>
        <translation>started by %1 with multiprocessing.Process</translation>
    </message>
    <message>
        <source>forked by %1</source>
        <translation>forked by %1</translation>
    </message>
    <message>
        <source>replaced its program with %1 (exec)</source>
        <translation>replaced its program with %1 (exec)</translation>
    </message>
    <message>
        <source>killed by signal %1</source>
        <translation>killed by signal %1</translation>
    </message>
    <message>
        <source>killed by signal %1 (%2)</source>
        <translation>killed by signal %1 (%2)</translation>
    </message>
    <message>
        <source>exited with code %1: a zombie until reaped</source>
        <translation>exited with code %1: a zombie until reaped</translation>
    </message>
    <message>
        <source>reaped by %1: gone</source>
        <translation>reaped by %1: gone</translation>
    </message>
    <message>
        <source>reaped by the engine: gone</source>
        <translation>reaped by the engine: gone</translation>
    </message>
    <message>
        <source>its parent %1 ended: an orphan, adopted by %2</source>
        <translation>its parent %1 ended: an orphan, adopted by %2</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>error: %1</translation>
    </message>
    <message>
        <source>put an item in queue %1 (now %2 of %3)</source>
        <translation>put an item in queue %1 (now %2 of %3)</translation>
    </message>
    <message>
        <source>put an item in queue %1 (now %2)</source>
        <translation>put an item in queue %1 (now %2)</translation>
    </message>
    <message>
        <source>put an item in queue %1</source>
        <translation>put an item in queue %1</translation>
    </message>
    <message>
        <source>got an item from queue %1 (%2 left)</source>
        <translation>got an item from queue %1 (%2 left)</translation>
    </message>
    <message>
        <source>got an item from queue %1</source>
        <translation>got an item from queue %1</translation>
    </message>
    <message>
        <source>acquired lock %1</source>
        <translation>acquired lock %1</translation>
    </message>
    <message>
        <source>released lock %1</source>
        <translation>released lock %1</translation>
    </message>
    <message>
        <source>submitted task %1 (%2) to pool %3</source>
        <translation>submitted task %1 (%2) to pool %3</translation>
    </message>
    <message>
        <source>started task %1 (%2)</source>
        <translation>started task %1 (%2)</translation>
    </message>
    <message>
        <source>finished task %1 (%2)</source>
        <translation>finished task %1 (%2)</translation>
    </message>
    <message>
        <source>task %1 (%2) raised an exception</source>
        <translation>task %1 (%2) raised an exception</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>waits for a lock</source>
        <translation>waits for a lock</translation>
    </message>
    <message>
        <source>lock taken over</source>
        <translation>lock taken over</translation>
    </message>
    <message>
        <source>queue item lost</source>
        <translation>queue item lost</translation>
    </message>
    <message>
        <source>found lock %1 held by %2: waits for it</source>
        <translation>found lock %1 held by %2: waits for it</translation>
    </message>
    <message>
        <source>took lock %1 over: its holder %2 died holding it</source>
        <translation>took lock %1 over: its holder %2 died holding it</translation>
    </message>
    <message>
        <source>ended in the middle of a %1: an item of queue %2 is lost</source>
        <translation>ended in the middle of a %1: an item of queue %2 is lost</translation>
    </message>
    <message>
        <source>breakpoint</source>
        <translation>breakpoint</translation>
    </message>
    <message>
        <source>stopped the run before line %1</source>
        <translation>stopped the run before line %1</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Click or drag to read out an instant; Ctrl+wheel or +/− to zoom; drag with the right button, or on the ruler, to pan</source>
        <translation>Click or drag to read out an instant; Ctrl+wheel or +/− to zoom; drag with the right button, or on the ruler, to pan</translation>
    </message>
    <message>
        <source>Each process of a run gets a lane here, with what it did over time.</source>
        <translation>Each process of a run gets a lane here, with what it did over time.</translation>
    </message>
    <message>
        <source>orphan → %1</source>
        <translation>orphan → %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>time</source>
        <translation>time</translation>
    </message>
    <message>
        <source>t = %1 s</source>
        <translation>t = %1 s</translation>
    </message>
    <message>
        <source>PID %1, %2</source>
        <translation>PID %1, %2</translation>
    </message>
    <message>
        <source>born at %1 s</source>
        <translation>born at %1 s</translation>
    </message>
    <message>
        <source>exited at %1 s</source>
        <translation>exited at %1 s</translation>
    </message>
    <message>
        <source>reaped at %1 s</source>
        <translation>reaped at %1 s</translation>
    </message>
    <message>
        <source>an orphan from %1 s, adopted by %2</source>
        <translation>an orphan from %1 s, adopted by %2</translation>
    </message>
    <message>
        <source>PID %1 at %2 s: %3</source>
        <translation>PID %1 at %2 s: %3</translation>
    </message>
    <message>
        <source>PID %1: %2
from %3 s to %4 s (%5 s)</source>
        <translation>PID %1: %2
from %3 s to %4 s (%5 s)</translation>
    </message>
    <message>
        <source>and still so</source>
        <translation>and still so</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Forkscope runs a Python script for real and shows its processes live.</source>
        <translation>Forkscope runs a Python script for real and shows its processes live.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>[file]</source>
        <translation>[file]</translation>
    </message>
    <message>
        <source>Use this language instead of the system&apos;s (en, zh_CN).</source>
        <translation>Use this language instead of the system&apos;s (en, zh_CN).</translation>
    </message>
    <message>
        <source>locale</source>
        <translation>locale</translation>
    </message>
    <message>
        <source>Save the window as an image once FILE is shown, then quit.</source>
        <translation>Save the window as an image once FILE is shown, then quit.</translation>
    </message>
    <message>
        <source>image</source>
        <translation>image</translation>
    </message>
    <message>
        <source>The window&apos;s size, e.g. 1280x720.</source>
        <translation>The window&apos;s size, e.g. 1280x720.</translation>
    </message>
    <message>
        <source>WxH</source>
        <translation>WxH</translation>
    </message>
    <message>
        <source>Give at most one file.</source>
        <translation>Give at most one file.</translation>
    </message>
    <message>
        <source>Start running the script at once.</source>
        <translation>Start running the script at once.</translation>
    </message>
    <message>
        <source>Larger text by this many points.</source>
        <translation>Larger text by this many points.</translation>
    </message>
    <message>
        <source>points</source>
        <translation>points</translation>
    </message>
    <message>
        <source>A lesson script (.py), a lesson folder or a recording (.jsonl) to open.</source>
        <translation>A lesson script (.py), a lesson folder or a recording (.jsonl) to open.</translation>
    </message>
    <message>
        <source>Light or dark: system (the default), light, dark.</source>
        <translation>Light or dark: system (the default), light, dark.</translation>
    </message>
    <message>
        <source>theme</source>
        <translation>theme</translation>
    </message>
    <message>
        <source>With --screenshot: save the window at this lesson moment (&quot;zombie&quot;, &quot;task-start#5&quot;), then quit.</source>
        <translation>With --screenshot: save the window at this lesson moment (&quot;zombie&quot;, &quot;task-start#5&quot;), then quit.</translation>
    </message>
    <message>
        <source>moment</source>
        <translation>moment</translation>
    </message>
    <message>
        <source>Save every lesson at its first step into this folder, then quit.</source>
        <translation>Save every lesson at its first step into this folder, then quit.</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>folder</translation>
    </message>
</context>
</TS>

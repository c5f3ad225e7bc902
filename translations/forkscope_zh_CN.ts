<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChartsPanel</name>
    <message>
        <source>Processes in each state</source>
        <translation>各状态的进程数</translation>
    </message>
    <message>
        <source>time (s)</source>
        <translation>时间（秒）</translation>
    </message>
    <message>
        <source>How many of the script&apos;s processes were running, ready, waiting, … at each moment (PID 1, the engine&apos;s init, is left out)</source>
        <translation>每一时刻脚本的进程中有多少个处于运行、就绪、等待……状态（不计引擎的 init，即 PID 1）</translation>
    </message>
    <message>
        <source>Queue lengths</source>
        <translation>队列长度</translation>
    </message>
    <message>
        <source>How many items each queue held over time</source>
        <translation>每个队列中的数据项数量随时间的变化</translation>
    </message>
    <message>
        <source>queue %1</source>
        <translation>队列 %1</translation>
    </message>
    <message>
        <source>queue %1 (holds %2)</source>
        <translation>队列 %1（容量 %2）</translation>
    </message>
</context>
<context>
    <name>EngineClient</name>
    <message>
        <source>A run is already in progress.</source>
        <translation>已有一次运行正在进行。</translation>
    </message>
    <message>
        <source>The engine was not found at %1. Build the forkscope-engine target, or set FORKSCOPE_ENGINE to its path.</source>
        <translation>在 %1 找不到引擎。请构建 forkscope-engine 目标，或将 FORKSCOPE_ENGINE 设为引擎的路径。</translation>
    </message>
    <message>
        <source>The engine stopped unexpectedly.</source>
        <translation>引擎意外终止。</translation>
    </message>
    <message>
        <source>The engine %1 could not be started: %2</source>
        <translation>无法启动引擎 %1：%2</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>LessonAnswerRule</name>
    <message>
        <source>the pattern &apos;%1&apos; is not a valid regular expression: %2 (at character %3)</source>
        <translation>模式“%1”不是有效的正则表达式：%2（在第 %3 个字符处）</translation>
    </message>
    <message>
        <source>the pattern &apos;%1&apos; has more than one group in parentheses; the answer is what the one group matches</source>
        <translation>模式“%1”里有不止一个括号分组；答案是唯一那个分组所匹配的内容</translation>
    </message>
    <message>
        <source>unknown answer rule &apos;%1&apos;; a rule is one of &apos;%2&apos;</source>
        <translation>未知的答案规则“%1”；规则只能是“%2”之一</translation>
    </message>
    <message>
        <source>&apos;stdout lines containing&apos; needs the text to look for</source>
        <translation>“stdout lines containing”后面需要写上要查找的文字</translation>
    </message>
</context>
<context>
    <name>LessonBrowser</name>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in this lesson, listed below</source>
        <translation>
            <numerusform>这一课有 %n 个问题，列在下面</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found in the lessons:</source>
        <translation>
            <numerusform>课程中发现 %n 个问题：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LessonController</name>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>本课</translation>
    </message>
    <message>
        <source>&amp;Next Step</source>
        <translation>下一步(&amp;N)</translation>
    </message>
    <message>
        <source>Show the lesson&apos;s next step (Ctrl+Return)</source>
        <translation>显示本课的下一步（Ctrl+回车）</translation>
    </message>
    <message>
        <source>&amp;Reset Script…</source>
        <translation>恢复脚本(&amp;R)…</translation>
    </message>
    <message>
        <source>Put the lesson&apos;s own script back in place of your edits</source>
        <translation>用课程自带的脚本替换你的修改</translation>
    </message>
    <message>
        <source>Re&amp;load Lessons</source>
        <translation>重新载入课程(&amp;L)</translation>
    </message>
    <message>
        <source>Read the lesson folders again: a lesson added or edited on disk appears (Ctrl+R)</source>
        <translation>重新读取课程文件夹：磁盘上新增或修改的课程会显示出来（Ctrl+R）</translation>
    </message>
    <message>
        <source>Your edited copy of this lesson&apos;s script is open; Lessons ▸ Reset Script puts the lesson&apos;s own back.</source>
        <translation>打开的是你修改过的脚本副本；“课程 ▸ 恢复脚本”可换回课程自带的脚本。</translation>
    </message>
    <message>
        <source>This lesson has problems, listed in the Lessons panel: %1</source>
        <translation>这一课有问题，已列在“课程”面板中：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n lesson(s) found</source>
        <translation>
            <numerusform>找到 %n 课</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n problem(s): see the Lessons panel</source>
        <translation>
            <numerusform>，%n 个问题：见“课程”面板</numerusform>
        </translation>
    </message>
    <message>
        <source>Reset Script</source>
        <translation>恢复脚本</translation>
    </message>
    <message>
        <source>Put the lesson&apos;s own script back? Your edits of %1 are lost.</source>
        <translation>换回课程自带的脚本吗？你对 %1 的修改将会丢失。</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>LessonLibrary</name>
    <message>
        <source>this folder has a Python script but no %1, so it is not a lesson yet</source>
        <translation>这个文件夹里有 Python 脚本，但没有 %1，所以还不是一节课</translation>
    </message>
</context>
<context>
    <name>LessonLoader</name>
    <message>
        <source>this line is not valid UTF-8 text; save the file as UTF-8</source>
        <translation>这一行不是有效的 UTF-8 文本；请把文件保存为 UTF-8 编码</translation>
    </message>
    <message>
        <source>a second [lesson] section; a lesson file has exactly one (the first is on line %1)</source>
        <translation>出现了第二个 [lesson] 节；一个课程文件只能有一个（第一个在第 %1 行）</translation>
    </message>
    <message>
        <source>there is no [lesson] section (with script, title, chapter, goal and intro)</source>
        <translation>没有 [lesson] 节（其中应有 script、title、chapter、goal 和 intro）</translation>
    </message>
    <message>
        <source>the lesson has no [step]; give it at least one</source>
        <translation>这节课没有 [step]；至少要有一个</translation>
    </message>
    <message numerus="yes">
        <source>this question has %n choice(s); give it at least two, each in a [choice] section after it</source>
        <translation>
            <numerusform>这个问题只有 %n 个选项；至少要有两个，每个选项写在它后面的一个 [choice] 节里</numerusform>
        </translation>
    </message>
    <message>
        <source>an indented line continues a value, but there is no &apos;key = value&apos; line above it to continue</source>
        <translation>缩进的行用来续写一个值，但它上面没有可以续写的“key = value”行</translation>
    </message>
    <message>
        <source>a section header is a name in square brackets alone on its line, such as [step]</source>
        <translation>节标题是单独占一行、写在方括号里的名字，例如 [step]</translation>
    </message>
    <message>
        <source>unknown section [%1]; a section is one of %2</source>
        <translation>未知的节 [%1]；节只能是 %2 之一</translation>
    </message>
    <message>
        <source>expected &apos;key = value&apos;, a [section], a comment (# ...) or an indented line continuing a value</source>
        <translation>这里应当是“key = value”、一个 [节]、一条注释（# ...），或者续写某个值的缩进行</translation>
    </message>
    <message>
        <source>&apos;%1&apos; comes before any section; start the file with [lesson]</source>
        <translation>“%1”出现在所有节之前；文件应以 [lesson] 开头</translation>
    </message>
    <message>
        <source>unknown key &apos;%1&apos; in [%2]; the keys of [%2] are %3</source>
        <translation>[%2] 中有未知的键“%1”；[%2] 的键有 %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs a language, as in %1[en] = ... and %1[zh_CN] = ...</source>
        <translation>“%1”需要指明语言，例如 %1[en] = ... 和 %1[zh_CN] = ...</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is the same in every language: write it without [%2]</source>
        <translation>“%1”在各种语言里都一样：请去掉 [%2]</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a language; write a language as en, zh_CN, de, pt_BR, ...</source>
        <translation>“%1”不是语言；语言应写成 en、zh_CN、de、pt_BR 这样的形式</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is given twice in this section (first on line %2)</source>
        <translation>“%1”在这一节里出现了两次（第一次在第 %2 行）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is empty</source>
        <translation>“%1”是空的</translation>
    </message>
    <message>
        <source>[%1] has no &apos;%2&apos;; add %2[en] = ... and %2[zh_CN] = ...</source>
        <translation>[%1] 缺少“%2”；请添加 %2[en] = ... 和 %2[zh_CN] = ...</translation>
    </message>
    <message>
        <source>[%1] has no &apos;%2&apos;; add %2 = ...</source>
        <translation>[%1] 缺少“%2”；请添加 %2 = ...</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no %2 text; add %1[%2] = ...</source>
        <translation>“%1”缺少 %2 文本；请添加 %1[%2] = ...</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a scenario; scenarios are written S01, S02, ..., separated by commas</source>
        <translation>“%1”不是场景编号；场景写作 S01、S02……，用逗号分隔</translation>
    </message>
    <message>
        <source>&apos;cores&apos; is the number of CPUs the run may use: a whole number from 1, not &apos;%1&apos;</source>
        <translation>“cores”是本次运行可用的 CPU 个数：应为不小于 1 的整数，而不是“%1”</translation>
    </message>
    <message>
        <source>&apos;speed&apos; scales time.sleep: a number from 0.1 to 10, not &apos;%1&apos;</source>
        <translation>“speed”用来缩放 time.sleep：应为 0.1 到 10 之间的数，而不是“%1”</translation>
    </message>
    <message>
        <source>the script &apos;%1&apos; must be in the lesson&apos;s folder: give its name only</source>
        <translation>脚本“%1”必须放在课程文件夹里：只写文件名即可</translation>
    </message>
    <message>
        <source>the script &apos;%1&apos; is not in the lesson&apos;s folder</source>
        <translation>课程文件夹里没有脚本“%1”</translation>
    </message>
    <message>
        <source>the script &apos;%1&apos; is too large for a lesson</source>
        <translation>脚本“%1”太大，不适合作为课程</translation>
    </message>
    <message>
        <source>cannot read the script &apos;%1&apos;: %2</source>
        <translation>无法读取脚本“%1”：%2</translation>
    </message>
    <message>
        <source>this line of the script is not valid UTF-8 text</source>
        <translation>脚本的这一行不是有效的 UTF-8 文本</translation>
    </message>
    <message numerus="yes">
        <source>the script &apos;%1&apos; has %n line(s): there is no line %2</source>
        <translation>
            <numerusform>脚本“%1”只有 %n 行：没有第 %2 行</numerusform>
        </translation>
    </message>
    <message>
        <source>line %1 of &apos;%2&apos; is blank or a comment: no process ever stops there</source>
        <translation>“%2”的第 %1 行是空行或注释：没有进程会停在那里</translation>
    </message>
    <message>
        <source>&apos;who&apos; does not apply to &apos;%1&apos;: it is about the whole run</source>
        <translation>“who”不适用于“%1”：它针对的是整个运行</translation>
    </message>
    <message>
        <source>&apos;who&apos; says which process the moment is about, but this step has no &apos;at&apos;</source>
        <translation>“who”说明时刻针对哪个进程，但这个步骤没有“at”</translation>
    </message>
    <message>
        <source>&apos;who&apos; is one of %1, or the name of one process (without spaces), not &apos;%2&apos;</source>
        <translation>“who”应是 %1 之一，或者某个进程的名字（不含空格），而不是“%2”</translation>
    </message>
    <message>
        <source>&apos;count&apos; says which occurrence of the moment is meant: a whole number from 1, not &apos;%1&apos;</source>
        <translation>“count”指明是该时刻的第几次出现：应为不小于 1 的整数，而不是“%1”</translation>
    </message>
    <message>
        <source>&apos;count&apos; needs an &apos;at&apos; in the same step</source>
        <translation>“count”需要同一步骤里有“at”</translation>
    </message>
    <message>
        <source>unknown panel &apos;%1&apos;; a panel is one of %2</source>
        <translation>未知的面板“%1”；面板只能是 %2 之一</translation>
    </message>
    <message>
        <source>a [choice] belongs to the [question] above it, and there is none</source>
        <translation>[choice] 属于它上面的 [question]，但上面没有 [question]</translation>
    </message>
    <message>
        <source>a second &apos;value = *&apos; in this question (the first is on line %1); only one choice can stand for every other answer</source>
        <translation>这个问题里出现了第二个“value = *”（第一个在第 %1 行）；只能有一个选项代表其他所有答案</translation>
    </message>
    <message>
        <source>two choices of this question have the value &apos;%1&apos; (the other is on line %2)</source>
        <translation>这个问题有两个选项的值都是“%1”（另一个在第 %2 行）</translation>
    </message>
    <message>
        <source>there is no %1 in this lesson folder</source>
        <translation>这个课程文件夹里没有 %1</translation>
    </message>
    <message>
        <source>the file is too large for a lesson (over %1 KiB)</source>
        <translation>文件太大，不适合作为课程（超过 %1 KiB）</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
</context>
<context>
    <name>LessonMoment</name>
    <message>
        <source>&apos;%1&apos; takes nothing or &apos;%2&apos; and a pid, as in &apos;%1 %2 1&apos;</source>
        <translation>“%1”后面可以不写，或者写“%2”加一个 pid，例如“%1 %2 1”</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes nothing or one of %2</source>
        <translation>“%1”后面可以不写，或者写 %2 之一</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes nothing after it</source>
        <translation>“%1”后面不能再写别的</translation>
    </message>
    <message>
        <source>the moment is empty</source>
        <translation>时刻是空的</translation>
    </message>
    <message>
        <source>unknown moment &apos;%1&apos;; a moment is one of %2</source>
        <translation>未知的时刻“%1”；时刻只能是 %2 之一</translation>
    </message>
    <message>
        <source>&apos;line&apos; needs a line number of the script, as in &apos;line 12&apos;</source>
        <translation>“line”后面需要写脚本的行号，例如“line 12”</translation>
    </message>
    <message>
        <source>&apos;exit&apos; takes nothing or an exit code, as in &apos;exit 3&apos; or &apos;exit -15&apos; (killed by signal 15)</source>
        <translation>“exit”后面可以不写，或者写一个退出码，例如“exit 3”或“exit -15”（被 15 号信号杀死）</translation>
    </message>
    <message>
        <source>&apos;state&apos; needs a state, one of %1, as in &apos;state ready&apos;</source>
        <translation>“state”后面需要写一个状态，即 %1 之一，例如“state ready”</translation>
    </message>
    <message>
        <source>only &apos;state waiting&apos; can say what is waited on, one of %1, as in &apos;state waiting join&apos;</source>
        <translation>只有“state waiting”可以说明等待的对象，即 %1 之一，例如“state waiting join”</translation>
    </message>
    <message>
        <source>&apos;output&apos; needs the text to look for, as in &apos;output my ppid=1&apos;</source>
        <translation>“output”后面需要写要查找的文字，例如“output my ppid=1”</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>No lesson</source>
        <translation>没有打开课程</translation>
    </message>
    <message>
        <source>Choose a lesson in the Lessons list.</source>
        <translation>请在“课程”列表中选择一课。</translation>
    </message>
    <message>
        <source>Predict first</source>
        <translation>先预测</translation>
    </message>
    <message>
        <source>%1 ✔ what the run showed</source>
        <translation>%1 ✔ 运行的结果</translation>
    </message>
    <message>
        <source>The answer comes when the run is over.</source>
        <translation>运行结束后揭晓答案。</translation>
    </message>
    <message>
        <source>Pick an answer, then run the script to see.</source>
        <translation>选一个答案，然后运行脚本看看。</translation>
    </message>
    <message>
        <source>This run did not answer the question (it showed: “%1”).</source>
        <translation>这次运行没有回答这个问题（它给出的是：“%1”）。</translation>
    </message>
    <message>
        <source>You did not predict; the run showed the marked choice.</source>
        <translation>你没有预测；运行的结果是标出的那一项。</translation>
    </message>
    <message>
        <source>Right: the run showed what you predicted.</source>
        <translation>答对了：运行的结果和你的预测一样。</translation>
    </message>
    <message>
        <source>Not what you predicted: the run showed the marked choice.</source>
        <translation>和你的预测不同：运行的结果是标出的那一项。</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>Before the run</source>
        <translation>运行之前</translation>
    </message>
    <message>
        <source>Read the script; the first step comes with the run.</source>
        <translation>先读脚本；运行后出现第一步。</translation>
    </message>
    <message>
        <source>The run ended before the next step&apos;s moment came: Next shows it anyway.</source>
        <translation>运行在下一步的时刻到来之前就结束了：点“下一步”仍可查看。</translation>
    </message>
    <message>
        <source>The run goes on until the next step&apos;s moment comes…</source>
        <translation>运行继续，直到下一步的时刻到来…</translation>
    </message>
    <message>
        <source>Press Run (F5): the run pauses at the next step.</source>
        <translation>请点“运行”（F5）：运行会在下一步暂停。</translation>
    </message>
    <message>
        <source>That was the last step.</source>
        <translation>这是最后一步。</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>下一步(&amp;N)</translation>
    </message>
    <message>
        <source>Show the next step; a paused run goes on to it</source>
        <translation>显示下一步；暂停的运行会继续到那一步</translation>
    </message>
</context>
<context>
    <name>LockModel</name>
    <message>
        <source>Lock %1</source>
        <translation>锁 %1</translation>
    </message>
    <message>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>%1 (exited)</source>
        <translation>%1（已退出）</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 接管自 %2</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>持有者</translation>
    </message>
    <message>
        <source>Waiting, in order</source>
        <translation>等待者（按先后）</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>接管</translation>
    </message>
</context>
<context>
    <name>LockPanel</name>
    <message>
        <source>No lock yet: a multiprocessing.Lock appears here once the script uses it.</source>
        <translation>还没有锁：脚本用到 multiprocessing.Lock 时，它会出现在这里。</translation>
    </message>
    <message>
        <source>Lock %1</source>
        <translation>锁 %1</translation>
    </message>
    <message>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Nobody holds this lock</source>
        <translation>没有进程持有这把锁</translation>
    </message>
    <message>
        <source>held by</source>
        <translation>持有者</translation>
    </message>
    <message>
        <source>Holds the lock, but has exited: nobody will release it</source>
        <translation>持有这把锁，但已经退出：没有谁会释放它</translation>
    </message>
    <message>
        <source>Holds lock %1</source>
        <translation>持有锁 %1</translation>
    </message>
    <message>
        <source>(exited while holding it)</source>
        <translation>（持有时退出了）</translation>
    </message>
    <message>
        <source>RLock depth %1</source>
        <translation>RLock 层数 %1</translation>
    </message>
    <message>
        <source>Nobody waiting</source>
        <translation>没有进程在等</translation>
    </message>
    <message>
        <source>Waiting, in order:</source>
        <translation>等待者（按先后）：</translation>
    </message>
    <message>
        <source>Waiting for lock %1, %2 in the line</source>
        <translation>在等锁 %1，排第 %2</translation>
    </message>
    <message>
        <source>took it over at %1 s from</source>
        <translation>在 %1 秒时接管了它，原持有者</translation>
    </message>
    <message>
        <source>Died holding the lock</source>
        <translation>持有锁时死去</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Open Script…</source>
        <translation>打开脚本(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a Python script to run (Ctrl+O)</source>
        <translation>打开要运行的 Python 脚本（Ctrl+O）</translation>
    </message>
    <message>
        <source>Open Script</source>
        <translation>打开脚本</translation>
    </message>
    <message>
        <source>Python scripts (*.py);;All files (*)</source>
        <translation>Python 脚本 (*.py);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open &amp;Recording…</source>
        <translation>打开运行记录(&amp;R)…</translation>
    </message>
    <message>
        <source>Replay a saved run (.jsonl)</source>
        <translation>回放已保存的运行记录（.jsonl）</translation>
    </message>
    <message>
        <source>Open Recording</source>
        <translation>打开运行记录</translation>
    </message>
    <message>
        <source>Forkscope recordings (*.jsonl);;All files (*)</source>
        <translation>Forkscope 运行记录 (*.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Save Recording…</source>
        <translation>保存运行记录(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the events of this run, to replay it later</source>
        <translation>保存本次运行的事件，以便日后回放</translation>
    </message>
    <message>
        <source>Save Recording</source>
        <translation>保存运行记录</translation>
    </message>
    <message>
        <source>Forkscope recordings (*.jsonl)</source>
        <translation>Forkscope 运行记录 (*.jsonl)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>Run the script, or continue a paused run (F5)</source>
        <translation>运行脚本，或继续已暂停的运行（F5）</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Hold every process before its next line (F6)</source>
        <translation>让每个进程在执行下一行之前停住（F6）</translation>
    </message>
    <message>
        <source>S&amp;tep</source>
        <translation>单步(&amp;T)</translation>
    </message>
    <message>
        <source>Let every paused process run one line; starts a run paused if none is going (F10)</source>
        <translation>让每个已暂停的进程执行一行；若尚未开始运行，则以暂停状态开始（F10）</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>End the run: every process is killed (Shift+F5)</source>
        <translation>结束运行：终止所有进程（Shift+F5）</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Larger text, for a projector (Ctrl+=)</source>
        <translation>放大文字，便于投影（Ctrl+=）</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Smaller text (Ctrl+-)</source>
        <translation>缩小文字（Ctrl+-）</translation>
    </message>
    <message>
        <source>&amp;Normal Size</source>
        <translation>正常大小(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;About Forkscope</source>
        <translation>关于 Forkscope(&amp;A)</translation>
    </message>
    <message>
        <source>About Forkscope</source>
        <translation>关于 Forkscope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Forkscope %1&lt;/h3&gt;&lt;p&gt;Watch how processes are born, wait, share and die: Forkscope runs a lesson&apos;s Python script for real and draws its processes as they go.&lt;/p&gt;&lt;p&gt;Each process has its own colour, in the code, the tree and the console.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Forkscope %1&lt;/h3&gt;&lt;p&gt;观察进程如何诞生、等待、共享与终止：Forkscope 真实地运行课程中的 Python 脚本，并随着运行实时画出其中的进程。&lt;/p&gt;&lt;p&gt;每个进程都有自己的颜色，在代码、进程树和控制台中保持一致。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>速度：</translation>
    </message>
    <message>
        <source>How fast time.sleep() passes: 2× halves every sleep</source>
        <translation>time.sleep() 的时间流逝快慢：2× 会让每次睡眠缩短一半</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>隐藏此消息</translation>
    </message>
    <message>
        <source>Open a lesson script (File ▸ Open Script…) or a recording, or drop one here.</source>
        <translation>打开课程脚本（文件 ▸ 打开脚本…）或运行记录，也可以直接拖放到这里。</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>Scenario time: seconds since the run started, as the script sees them (time.sleep(1) always takes 1 s)</source>
        <translation>场景时间：从运行开始算起、按脚本所见计算的秒数（time.sleep(1) 总是占 1 秒）</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Cannot open the recording %1: %2</source>
        <translation>无法打开运行记录 %1：%2</translation>
    </message>
    <message>
        <source>The script of this recording, %1, was not found next to it: the code cannot be shown.</source>
        <translation>在运行记录所在的文件夹中找不到它的脚本 %1，因此无法显示代码。</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) of the recording were not events and were skipped.</source>
        <translation>
            <numerusform>运行记录中有 %n 行不是事件，已跳过。</numerusform>
        </translation>
    </message>
    <message>
        <source>This recording holds no events.</source>
        <translation>此运行记录中没有任何事件。</translation>
    </message>
    <message>
        <source>Cannot save the recording to %1: %2</source>
        <translation>无法将运行记录保存到 %1：%2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>The engine ended with status %1 before the run was over.</source>
        <translation>运行尚未结束，引擎就以状态 %1 退出了。</translation>
    </message>
    <message>
        <source>This system does not allow PID namespaces, so pids are the real ones and orphans go to the engine, not to PID 1.</source>
        <translation>此系统不允许使用 PID 命名空间，因此显示的是真实的 PID，孤儿进程由引擎收养，而不是由 PID 1 收养。</translation>
    </message>
    <message>
        <source>Syntax error on line %1: %2</source>
        <translation>第 %1 行有语法错误：%2</translation>
    </message>
    <message>
        <source>Process %1 stopped on an exception: %2</source>
        <translation>进程 %1 因异常而终止：%2</translation>
    </message>
    <message>
        <source>The run hit a limit: %1</source>
        <translation>运行触及了限制：%1</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Ended: a limit was hit</source>
        <translation>已结束：触及了限制</translation>
    </message>
    <message>
        <source>Ended with an error</source>
        <translation>因错误而结束</translation>
    </message>
    <message>
        <source>Finished, exit status %1</source>
        <translation>已完成，退出状态为 %1</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>Paused where the recording ends</source>
        <translation>运行记录结束时处于暂停状态</translation>
    </message>
    <message>
        <source>Running where the recording ends</source>
        <translation>运行记录结束时仍在运行</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>No script</source>
        <translation>未打开脚本</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>%1 — replay of %2</source>
        <translation>%1 — 回放 %2</translation>
    </message>
    <message>
        <source>t = %1 s</source>
        <translation>t = %1 秒</translation>
    </message>
    <message numerus="yes">
        <source>%n process(es) alive</source>
        <translation>
            <numerusform>%n 个进程存活</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n zombie(s)</source>
        <translation>
            <numerusform>，%n 个僵尸进程</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>继续(&amp;C)</translation>
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
        <translation>仅让进程 %1 单步执行</translation>
    </message>
    <message>
        <source>Show Its Line</source>
        <translation>显示它所在的行</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <comment>menu</comment>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>Run</source>
        <comment>toolbar</comment>
        <translation>运行</translation>
    </message>
    <message>
        <source>Step &amp;Selected Process</source>
        <translation>单步执行所选进程(&amp;S)</translation>
    </message>
    <message>
        <source>Let only the process selected in the tree or on the timeline run one line; the others stay (F11)</source>
        <translation>只让在进程树或时间线中选中的进程执行一行，其他进程保持不动（F11）</translation>
    </message>
    <message>
        <source>R&amp;estart</source>
        <translation>重新开始(&amp;E)</translation>
    </message>
    <message>
        <source>End the run and start the script again (Ctrl+F5)</source>
        <translation>结束本次运行，并重新运行脚本（Ctrl+F5）</translation>
    </message>
    <message>
        <source>CPUs:</source>
        <translation>CPU 数：</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>How many CPUs the run may use: with fewer CPUs than busy processes, some must wait, ready. Changing it restarts a run.</source>
        <translation>本次运行可使用的 CPU 数：CPU 少于忙碌的进程时，有些进程只能就绪等待。修改它会重新开始正在进行的运行。</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Re&amp;play</source>
        <translation>回放(&amp;P)</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>The run&apos;s speed: how fast time.sleep() passes</source>
        <translation>运行速度：time.sleep() 的时间流逝快慢</translation>
    </message>
    <message>
        <source>How many CPUs the run may use, of the machine&apos;s</source>
        <translation>本次运行可使用的 CPU 数（占本机 CPU 的多少）</translation>
    </message>
    <message>
        <source>Replaying</source>
        <translation>正在回放</translation>
    </message>
    <message>
        <source>Replay paused</source>
        <translation>回放已暂停</translation>
    </message>
    <message>
        <source>speed %1×</source>
        <translation>速度 %1×</translation>
    </message>
    <message>
        <source>%1 of %2 CPUs</source>
        <translation>%1/%2 个 CPU</translation>
    </message>
    <message numerus="yes">
        <source>%n CPU(s)</source>
        <translation>
            <numerusform>%n 个 CPU</numerusform>
        </translation>
    </message>
    <message>
        <source>all CPUs</source>
        <translation>全部 CPU</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>单步 %1</translation>
    </message>
    <message>
        <source>Step Selected</source>
        <translation>单步所选</translation>
    </message>
    <message>
        <source>Cannot save your edits to %1: %2</source>
        <translation>无法把你的修改保存到 %1：%2</translation>
    </message>
</context>
<context>
    <name>MomentShot</name>
    <message>
        <source>&apos;%1&apos; is not an occurrence (a number from 1)</source>
        <translation>“%1”不是第几次（应为从 1 起的数）</translation>
    </message>
    <message>
        <source>The recording has no such moment.</source>
        <translation>这份录制里没有这个时刻。</translation>
    </message>
    <message>
        <source>The run ended before the moment came.</source>
        <translation>运行在这个时刻到来之前就结束了。</translation>
    </message>
    <message>
        <source>Cannot save %1</source>
        <translation>无法保存 %1</translation>
    </message>
</context>
<context>
    <name>PanelCanvas</name>
    <message>
        <source>Process %1</source>
        <translation>进程 %1</translation>
    </message>
</context>
<context>
    <name>PoolModel</name>
    <message>
        <source>Pool %1 of process %2</source>
        <translation>进程 %2 的进程池 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 个等待中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n done</source>
        <translation>
            <numerusform>%n 个已完成</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 done, %2 failed</source>
        <translation>%1 个已完成，%2 个失败</translation>
    </message>
    <message>
        <source>exited</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Pool / worker</source>
        <translation>进程池 / 工作进程</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
</context>
<context>
    <name>PoolPanel</name>
    <message>
        <source>No pool yet: a multiprocessing.Pool appears here once the script gives it a task.</source>
        <translation>还没有进程池：脚本给 multiprocessing.Pool 派任务时，它会出现在这里。</translation>
    </message>
    <message>
        <source>Made the pool and gives it tasks</source>
        <translation>创建了进程池并给它派任务</translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s)</source>
        <translation>
            <numerusform>%n 个工作进程</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 个等待中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n done</source>
        <translation>
            <numerusform>%n 个已完成</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n 个失败</numerusform>
        </translation>
    </message>
    <message>
        <source>exited</source>
        <translation>已退出</translation>
    </message>
    <message numerus="yes">
        <source>This worker has ended (%n task(s) done)</source>
        <translation>
            <numerusform>这个工作进程已结束（完成了 %n 个任务）</numerusform>
        </translation>
    </message>
    <message>
        <source>Worker %1 runs task %2</source>
        <translation>工作进程 %1 正在运行任务 %2</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Waiting for a task</source>
        <translation>在等任务</translation>
    </message>
    <message>
        <source>Waiting:</source>
        <translation>等待中：</translation>
    </message>
    <message>
        <source>Tasks no worker has taken yet, first in first out</source>
        <translation>还没有工作进程领走的任务，先进先出</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Task %1 waits for a free worker</source>
        <translation>任务 %1 在等空闲的工作进程</translation>
    </message>
    <message>
        <source>Results:</source>
        <translation>结果：</translation>
    </message>
    <message>
        <source>Tasks done, in the order they finished, in their worker&apos;s colour</source>
        <translation>已完成的任务，按完成先后排列，用其工作进程的颜色</translation>
    </message>
    <message>
        <source>Task %1 done by worker %2</source>
        <translation>任务 %1 由工作进程 %2 完成</translation>
    </message>
    <message>
        <source>#%1 raised</source>
        <translation>#%1 抛出异常</translation>
    </message>
    <message>
        <source>Task %1 raised an exception in worker %2</source>
        <translation>任务 %1 在工作进程 %2 中抛出了异常</translation>
    </message>
    <message>
        <source>Pool %1, made by</source>
        <translation>进程池 %1，创建者</translation>
    </message>
</context>
<context>
    <name>ProcessTreeModel</name>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>sleeping</source>
        <translation>睡眠中</translation>
    </message>
    <message>
        <source>waiting for a child</source>
        <translation>等待子进程</translation>
    </message>
    <message>
        <source>joining a process</source>
        <translation>等待进程结束（join）</translation>
    </message>
    <message>
        <source>waiting for I/O</source>
        <translation>等待 I/O</translation>
    </message>
    <message>
        <source>waiting for a queue item</source>
        <translation>等待队列数据</translation>
    </message>
    <message>
        <source>waiting for queue space</source>
        <translation>等待队列空位</translation>
    </message>
    <message>
        <source>waiting for a lock</source>
        <translation>等待锁</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>waiting (%1)</source>
        <translation>等待中（%1）</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>stopped (SIGSTOP)</source>
        <translation>已停止（SIGSTOP）</translation>
    </message>
    <message>
        <source>zombie</source>
        <translation>僵尸</translation>
    </message>
    <message>
        <source>reaped by %1</source>
        <translation>已被 %1 回收</translation>
    </message>
    <message>
        <source>%1, orphan</source>
        <translation>%1，孤儿</translation>
    </message>
    <message>
        <source>signal %1</source>
        <translation>信号 %1</translation>
    </message>
    <message>
        <source>signal %1 (%2)</source>
        <translation>信号 %1（%2）</translation>
    </message>
    <message>
        <source>PID %1, %2</source>
        <translation>PID %1，%2</translation>
    </message>
    <message>
        <source>PID 1 of the run: it adopts orphans and reaps them</source>
        <translation>本次运行的 PID 1：它收养孤儿进程并回收它们</translation>
    </message>
    <message>
        <source>The script&apos;s first process, started by %1</source>
        <translation>脚本的第一个进程，由 %1 启动</translation>
    </message>
    <message>
        <source>Started by %1 with multiprocessing.Process</source>
        <translation>由 %1 通过 multiprocessing.Process 启动</translation>
    </message>
    <message>
        <source>Forked by %1</source>
        <translation>由 %1 通过 fork 创建</translation>
    </message>
    <message>
        <source>Replaced its program with %1 (exec)</source>
        <translation>已通过 exec 将自身程序替换为 %1</translation>
    </message>
    <message>
        <source>Orphan: its parent %1 ended first; adopted by %2</source>
        <translation>孤儿进程：父进程 %1 先结束了，由 %2 收养</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>At line %1</source>
        <translation>位于第 %1 行</translation>
    </message>
    <message>
        <source>Exit: %1</source>
        <translation>退出：%1</translation>
    </message>
    <message>
        <source>A zombie: it has ended, but its parent has not reaped it yet</source>
        <translation>僵尸进程：它已经结束，但父进程还没有回收它</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>The process ID, as the script sees it</source>
        <translation>进程 ID（脚本中看到的值）</translation>
    </message>
    <message>
        <source>What the process is doing now</source>
        <translation>进程当前在做什么</translation>
    </message>
    <message>
        <source>The script line it is about to run</source>
        <translation>它即将执行的脚本行</translation>
    </message>
    <message>
        <source>Its exit code, or the signal that ended it</source>
        <translation>它的退出码，或使它终止的信号</translation>
    </message>
    <message>
        <source>reaped by the engine</source>
        <translation>已被引擎回收</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Queue %1</source>
        <translation>队列 %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 (unbounded)</source>
        <translation>%1（无上限）</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Blocked putting</source>
        <translation>阻塞在 put</translation>
    </message>
    <message>
        <source>Blocked getting</source>
        <translation>阻塞在 get</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>No queue yet: a multiprocessing.Queue appears here once the script uses it.</source>
        <translation>还没有队列：脚本用到 multiprocessing.Queue 时，它会出现在这里。</translation>
    </message>
    <message>
        <source>Queue %1</source>
        <translation>队列 %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s), unbounded</source>
        <translation>
            <numerusform>%n 项，无上限</numerusform>
        </translation>
    </message>
    <message>
        <source>, full</source>
        <translation>，已满</translation>
    </message>
    <message numerus="yes">
        <source>, %n lost</source>
        <translation>
            <numerusform>，丢失 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>out ◂</source>
        <translation>出 ◂</translation>
    </message>
    <message>
        <source>get() takes the oldest item, on the left</source>
        <translation>get() 取走最早放入的一项，在左边</translation>
    </message>
    <message>
        <source>Slot %1: %2</source>
        <translation>第 %1 格：%2</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>还有 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>The engine shows the first %1 items of a longer queue</source>
        <translation>队列更长时，引擎只显示前 %1 项</translation>
    </message>
    <message>
        <source>Slot %1: free</source>
        <translation>第 %1 格：空</translation>
    </message>
    <message numerus="yes">
        <source>Room for %n more</source>
        <translation>
            <numerusform>还能放 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>An unbounded queue has room for more</source>
        <translation>无上限的队列总还能放</translation>
    </message>
    <message>
        <source>◂ in</source>
        <translation>◂ 入</translation>
    </message>
    <message>
        <source>put() adds on the right</source>
        <translation>put() 从右边放入</translation>
    </message>
    <message>
        <source>Blocked putting (queue full):</source>
        <translation>阻塞在 put（队列已满）：</translation>
    </message>
    <message>
        <source>Blocked in put(): no room in queue %1</source>
        <translation>阻塞在 put()：队列 %1 没有空位</translation>
    </message>
    <message>
        <source>Blocked getting (queue empty):</source>
        <translation>阻塞在 get（队列为空）：</translation>
    </message>
    <message>
        <source>Blocked in get(): queue %1 is empty</source>
        <translation>阻塞在 get()：队列 %1 是空的</translation>
    </message>
</context>
<context>
    <name>ReplayBar</name>
    <message>
        <source>Replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <source>Replay from the Start</source>
        <translation>从头回放</translation>
    </message>
    <message>
        <source>Back to the start of the recording (Ctrl+Home)</source>
        <translation>回到运行记录的开头（Ctrl+Home）</translation>
    </message>
    <message>
        <source>Play Replay</source>
        <translation>播放回放</translation>
    </message>
    <message>
        <source>Play the recording as it ran, or pause it (F8)</source>
        <translation>按原来的节奏播放运行记录，或暂停播放（F8）</translation>
    </message>
    <message>
        <source>Replay One Line</source>
        <translation>回放一行</translation>
    </message>
    <message>
        <source>On to the next time a process moves to a line (F9)</source>
        <translation>前进到下一次有进程移到新的一行（F9）</translation>
    </message>
    <message>
        <source>Replay to the End</source>
        <translation>回放到结尾</translation>
    </message>
    <message>
        <source>Show the whole recording (Ctrl+End)</source>
        <translation>显示完整的运行记录（Ctrl+End）</translation>
    </message>
    <message>
        <source>Replay speed: 2× plays the recording twice as fast as it ran</source>
        <translation>回放速度：2× 以原来两倍的速度播放运行记录</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Drag to any instant of the recording</source>
        <translation>拖动到运行记录中的任意时刻</translation>
    </message>
    <message>
        <source>%1 / %2 s</source>
        <translation>%1 / %2 秒</translation>
    </message>
    <message>
        <source>Pause Replay</source>
        <translation>暂停回放</translation>
    </message>
</context>
<context>
    <name>SharedObjectDocks</name>
    <message>
        <source>Queues</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>锁</translation>
    </message>
    <message>
        <source>Pools</source>
        <translation>进程池</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>Light or dark, as the desktop is</source>
        <translation>浅色或深色，与桌面一致</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>Dark text on light backgrounds</source>
        <translation>浅色背景上的深色文字</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>Light text on dark backgrounds, for a dim room</source>
        <translation>深色背景上的浅色文字，适合光线暗的教室</translation>
    </message>
</context>
<context>
    <name>TimelineDock</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Zoom out (− or Ctrl+wheel on the lanes)</source>
        <translation>缩小（按 −，或在泳道上按住 Ctrl 滚动滚轮）</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Zoom in, down to the kernel&apos;s time slices (+)</source>
        <translation>放大，最细可到内核的时间片（+）</translation>
    </message>
    <message>
        <source>Whole Run</source>
        <translation>整个运行</translation>
    </message>
    <message>
        <source>Show the whole run (0)</source>
        <translation>显示整个运行过程（0）</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <source>Keep the present in view while the run goes on (End)</source>
        <translation>运行进行时始终显示当前时刻（End）</translation>
    </message>
    <message>
        <source>How much time the lanes show</source>
        <translation>泳道当前显示的时间跨度</translation>
    </message>
</context>
<context>
    <name>TimelineLegend</name>
    <message>
        <source>orphan</source>
        <translation>孤儿</translation>
    </message>
    <message>
        <source>Orphan: its parent ended first, and PID 1 adopted it (dashed line)</source>
        <translation>孤儿：父进程先结束了，由 PID 1 收养（虚线）</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>ready, waiting for a CPU</source>
        <translation>就绪，等待 CPU</translation>
    </message>
    <message>
        <source>sleeping</source>
        <translation>睡眠中</translation>
    </message>
    <message>
        <source>waiting for a child</source>
        <translation>等待子进程</translation>
    </message>
    <message>
        <source>joining a process</source>
        <translation>等待进程结束（join）</translation>
    </message>
    <message>
        <source>waiting for I/O</source>
        <translation>等待 I/O</translation>
    </message>
    <message>
        <source>waiting for a queue item</source>
        <translation>等待队列数据</translation>
    </message>
    <message>
        <source>waiting for queue space</source>
        <translation>等待队列空位</translation>
    </message>
    <message>
        <source>waiting for a lock</source>
        <translation>等待锁</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>waiting (%1)</source>
        <translation>等待中（%1）</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>stopped (SIGSTOP)</source>
        <translation>已停止（SIGSTOP）</translation>
    </message>
    <message>
        <source>zombie</source>
        <translation>僵尸</translation>
    </message>
    <message>
        <source>reaped</source>
        <translation>已回收</translation>
    </message>
    <message>
        <source>not started yet</source>
        <translation>尚未创建</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1, orphan</source>
        <translation>%1，孤儿</translation>
    </message>
    <message>
        <source>PID %1 %2</source>
        <translation>PID %1 %2</translation>
    </message>
    <message>
        <source>%1: not started yet</source>
        <translation>%1：尚未创建</translation>
    </message>
    <message>
        <source>%1: reaped at %2 s</source>
        <translation>%1：已于 %2 秒被回收</translation>
    </message>
    <message>
        <source>%1: %2 for %3 s</source>
        <translation>%1：%2，已持续 %3 秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>For</source>
        <translation>持续</translation>
    </message>
    <message>
        <source>queue %1</source>
        <translation>队列 %1</translation>
    </message>
    <message>
        <source>lock %1</source>
        <translation>锁 %1</translation>
    </message>
    <message>
        <source>pool %1</source>
        <translation>进程池 %1</translation>
    </message>
    <message>
        <source>task %1</source>
        <translation>任务 %1</translation>
    </message>
    <message>
        <source>process %1</source>
        <translation>进程 %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>TimelineStyle</name>
    <message>
        <source>running</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>zombie</source>
        <translation>僵尸</translation>
    </message>
    <message>
        <source>reaped</source>
        <translation>已回收</translation>
    </message>
    <message>
        <source>Running: on a CPU, executing</source>
        <translation>运行：正在 CPU 上执行</translation>
    </message>
    <message>
        <source>Ready: could run, but waits for a free CPU (hatched)</source>
        <translation>就绪：可以运行，但在等待空闲的 CPU（斜线）</translation>
    </message>
    <message>
        <source>Waiting: asleep until something happens, a timer, a child, a queue… (half height, dotted; hover to see on what)</source>
        <translation>等待：休眠，直到某件事发生——定时器、子进程、队列……（半高、点状；鼠标悬停可查看在等什么）</translation>
    </message>
    <message>
        <source>Paused: held by Forkscope before its next line (striped)</source>
        <translation>暂停：被 Forkscope 停在下一行之前（竖条纹）</translation>
    </message>
    <message>
        <source>Stopped by a signal, SIGSTOP (cross-hatched)</source>
        <translation>被信号 SIGSTOP 停止（交叉线）</translation>
    </message>
    <message>
        <source>Zombie: it has ended, but its parent has not reaped it yet (thin bar)</source>
        <translation>僵尸：已经结束，但父进程还没有回收它（细条）</translation>
    </message>
    <message>
        <source>Reaped: gone</source>
        <translation>已回收：已消失</translation>
    </message>
    <message>
        <source>born</source>
        <translation>诞生</translation>
    </message>
    <message>
        <source>exec</source>
        <translation>exec</translation>
    </message>
    <message>
        <source>exit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>orphaned, adopted</source>
        <translation>成为孤儿、被收养</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>put in a queue</source>
        <translation>放入队列</translation>
    </message>
    <message>
        <source>got from a queue</source>
        <translation>从队列取出</translation>
    </message>
    <message>
        <source>lock acquired</source>
        <translation>获得锁</translation>
    </message>
    <message>
        <source>lock released</source>
        <translation>释放锁</translation>
    </message>
    <message>
        <source>task submitted</source>
        <translation>提交任务</translation>
    </message>
    <message>
        <source>task started</source>
        <translation>开始任务</translation>
    </message>
    <message>
        <source>task done</source>
        <translation>完成任务</translation>
    </message>
    <message>
        <source>task failed</source>
        <translation>任务失败</translation>
    </message>
    <message>
        <source>PID 1 of the run: it adopts orphans and reaps them</source>
        <translation>本次运行的 PID 1：它收养孤儿进程并回收它们</translation>
    </message>
    <message>
        <source>the script&apos;s first process starts</source>
        <translation>脚本的第一个进程启动</translation>
    </message>
    <message>
        <source>started by %1 with multiprocessing.Process</source>
        <translation>由 %1 通过 multiprocessing.Process 启动</translation>
    </message>
    <message>
        <source>forked by %1</source>
        <translation>由 %1 通过 fork 创建</translation>
    </message>
    <message>
        <source>replaced its program with %1 (exec)</source>
        <translation>通过 exec 将自身程序替换为 %1</translation>
    </message>
    <message>
        <source>killed by signal %1</source>
        <translation>被信号 %1 终止</translation>
    </message>
    <message>
        <source>killed by signal %1 (%2)</source>
        <translation>被信号 %1（%2）终止</translation>
    </message>
    <message>
        <source>exited with code %1: a zombie until reaped</source>
        <translation>以退出码 %1 退出：在被回收之前是僵尸进程</translation>
    </message>
    <message>
        <source>reaped by %1: gone</source>
        <translation>被 %1 回收：已消失</translation>
    </message>
    <message>
        <source>reaped by the engine: gone</source>
        <translation>被引擎回收：已消失</translation>
    </message>
    <message>
        <source>its parent %1 ended: an orphan, adopted by %2</source>
        <translation>父进程 %1 已结束：成为孤儿，由 %2 收养</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>put an item in queue %1 (now %2 of %3)</source>
        <translation>向队列 %1 放入一项（现有 %2/%3 项）</translation>
    </message>
    <message>
        <source>put an item in queue %1 (now %2)</source>
        <translation>向队列 %1 放入一项（现有 %2 项）</translation>
    </message>
    <message>
        <source>put an item in queue %1</source>
        <translation>向队列 %1 放入一项</translation>
    </message>
    <message>
        <source>got an item from queue %1 (%2 left)</source>
        <translation>从队列 %1 取出一项（还剩 %2 项）</translation>
    </message>
    <message>
        <source>got an item from queue %1</source>
        <translation>从队列 %1 取出一项</translation>
    </message>
    <message>
        <source>acquired lock %1</source>
        <translation>获得锁 %1</translation>
    </message>
    <message>
        <source>released lock %1</source>
        <translation>释放锁 %1</translation>
    </message>
    <message>
        <source>submitted task %1 (%2) to pool %3</source>
        <translation>向进程池 %3 提交任务 %1（%2）</translation>
    </message>
    <message>
        <source>started task %1 (%2)</source>
        <translation>开始执行任务 %1（%2）</translation>
    </message>
    <message>
        <source>finished task %1 (%2)</source>
        <translation>完成任务 %1（%2）</translation>
    </message>
    <message>
        <source>task %1 (%2) raised an exception</source>
        <translation>任务 %1（%2）抛出了异常</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>waits for a lock</source>
        <translation>等锁</translation>
    </message>
    <message>
        <source>lock taken over</source>
        <translation>接管锁</translation>
    </message>
    <message>
        <source>queue item lost</source>
        <translation>队列项丢失</translation>
    </message>
    <message>
        <source>found lock %1 held by %2: waits for it</source>
        <translation>发现锁 %1 被 %2 持有：等待它</translation>
    </message>
    <message>
        <source>took lock %1 over: its holder %2 died holding it</source>
        <translation>接管了锁 %1：原持有者 %2 持有时死去</translation>
    </message>
    <message>
        <source>ended in the middle of a %1: an item of queue %2 is lost</source>
        <translation>在 %1 的中途结束：队列 %2 的一项丢失了</translation>
    </message>
    <message>
        <source>breakpoint</source>
        <translation>断点</translation>
    </message>
    <message>
        <source>stopped the run before line %1</source>
        <translation>在第 %1 行之前让整个运行停下</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Click or drag to read out an instant; Ctrl+wheel or +/− to zoom; drag with the right button, or on the ruler, to pan</source>
        <translation>单击或拖动以查看某一时刻；按住 Ctrl 滚动滚轮或按 +/− 缩放；按住右键拖动，或在标尺上拖动，可以平移</translation>
    </message>
    <message>
        <source>Each process of a run gets a lane here, with what it did over time.</source>
        <translation>运行中的每个进程在这里都有一条泳道，显示它随时间所做的事。</translation>
    </message>
    <message>
        <source>orphan → %1</source>
        <translation>孤儿 → %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>t = %1 s</source>
        <translation>t = %1 秒</translation>
    </message>
    <message>
        <source>PID %1, %2</source>
        <translation>PID %1，%2</translation>
    </message>
    <message>
        <source>born at %1 s</source>
        <translation>诞生于 %1 秒</translation>
    </message>
    <message>
        <source>exited at %1 s</source>
        <translation>退出于 %1 秒</translation>
    </message>
    <message>
        <source>reaped at %1 s</source>
        <translation>回收于 %1 秒</translation>
    </message>
    <message>
        <source>an orphan from %1 s, adopted by %2</source>
        <translation>从 %1 秒起成为孤儿，由 %2 收养</translation>
    </message>
    <message>
        <source>PID %1 at %2 s: %3</source>
        <translation>PID %1 在 %2 秒：%3</translation>
    </message>
    <message>
        <source>PID %1: %2
from %3 s to %4 s (%5 s)</source>
        <translation>PID %1：%2
从 %3 秒到 %4 秒（%5 秒）</translation>
    </message>
    <message>
        <source>and still so</source>
        <translation>并且仍是如此</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Forkscope runs a Python script for real and shows its processes live.</source>
        <translation>Forkscope 真实地运行 Python 脚本，并实时展示其中的进程。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>[file]</source>
        <translation>[文件]</translation>
    </message>
    <message>
        <source>Use this language instead of the system&apos;s (en, zh_CN).</source>
        <translation>使用指定的语言，而不是系统语言（en、zh_CN）。</translation>
    </message>
    <message>
        <source>locale</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Save the window as an image once FILE is shown, then quit.</source>
        <translation>显示文件后将窗口保存为图片，然后退出。</translation>
    </message>
    <message>
        <source>image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>The window&apos;s size, e.g. 1280x720.</source>
        <translation>窗口大小，例如 1280x720。</translation>
    </message>
    <message>
        <source>WxH</source>
        <translation>宽x高</translation>
    </message>
    <message>
        <source>Give at most one file.</source>
        <translation>最多只能指定一个文件。</translation>
    </message>
    <message>
        <source>Start running the script at once.</source>
        <translation>立即开始运行脚本。</translation>
    </message>
    <message>
        <source>Larger text by this many points.</source>
        <translation>将文字放大指定的磅数。</translation>
    </message>
    <message>
        <source>points</source>
        <translation>磅数</translation>
    </message>
    <message>
        <source>A lesson script (.py), a lesson folder or a recording (.jsonl) to open.</source>
        <translation>要打开的课程脚本（.py）、课程文件夹或运行记录（.jsonl）。</translation>
    </message>
    <message>
        <source>Light or dark: system (the default), light, dark.</source>
        <translation>浅色或深色：system（默认，跟随系统）、light、dark。</translation>
    </message>
    <message>
        <source>theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>With --screenshot: save the window at this lesson moment (&quot;zombie&quot;, &quot;task-start#5&quot;), then quit.</source>
        <translation>与 --screenshot 一起用：在课程的这个时刻（如 &quot;zombie&quot;、&quot;task-start#5&quot;）保存窗口图像，然后退出。</translation>
    </message>
    <message>
        <source>moment</source>
        <translation>时刻</translation>
    </message>
    <message>
        <source>Save every lesson at its first step into this folder, then quit.</source>
        <translation>把每一课在第一步时的窗口截图保存到这个文件夹，然后退出。</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>文件夹</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
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
        <source>A lesson script (.py) or a recording (.jsonl) to open.</source>
        <translation>要打开的课程脚本（.py）或运行记录（.jsonl）。</translation>
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
</context>
</TS>

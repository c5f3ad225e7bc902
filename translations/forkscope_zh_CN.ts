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

#!/bin/sh
# A fake forkscope-engine: many events at once, a line cut in two writes, a line that is not
# JSON, and a last line without its newline. Only shell built-ins besides one short sleep.
printf '%s\n' '{"t":0.000,"pid":0,"kind":"start","script":"fake.py","mode":"namespace","cpus":1,"online":1,"speed":1,"step":false,"version":"fake"}'
printf '%s\n' '{"t":0.001,"pid":1,"kind":"spawn","ppid":0,"name":"init","how":"init"}'
printf '%s\n' '{"t":0.002,"pid":2,"kind":"spawn","ppid":1,"name":"MainProcess","how":"main"}'
i=1
while [ "$i" -le 500 ]; do
    printf '{"t":0.1,"pid":2,"kind":"line","line":%d}\n' "$i"
    i=$((i + 1))
done
printf 'this is not an event\n'
printf '{"t":0.5,"pid":2,"kind":"std'
sleep 0.1
printf 'out","text":"half and half\\n"}\n'
printf '%s\n' '{"t":0.6,"pid":2,"kind":"exit","code":0}'
printf '%s\n' '{"t":0.6,"pid":2,"kind":"reap","by":1}'
printf '%s' '{"t":0.7,"pid":0,"kind":"end","status":0,"reason":"finished"}'
exit 0

#!/bin/sh
# A fake forkscope-engine that says its arguments in a notice, then runs until told to stop.
printf '%s\n' '{"t":0.000,"pid":0,"kind":"start","script":"fake.py","mode":"namespace","cpus":1,"online":2,"speed":1,"step":false,"version":"fake"}'
printf '{"t":0.001,"pid":0,"kind":"notice","code":"args","message":"%s"}\n' "$*"
while IFS= read -r command; do
    case "$command" in
    *'"stop"'*)
        printf '%s\n' '{"t":0.5,"pid":0,"kind":"end","status":143,"reason":"stopped"}'
        exit 143
        ;;
    esac
done
exit 0

#!/bin/sh
# A fake forkscope-engine that answers commands the way the protocol says the engine does.
printf '%s\n' '{"t":0.000,"pid":0,"kind":"start","script":"fake.py","mode":"namespace","cpus":1,"online":1,"speed":1,"step":false,"version":"fake"}'
printf '%s\n' '{"t":0.001,"pid":1,"kind":"spawn","ppid":0,"name":"init","how":"init"}'
printf '%s\n' '{"t":0.002,"pid":2,"kind":"spawn","ppid":1,"name":"MainProcess","how":"main"}'
printf '%s\n' '{"t":0.003,"pid":2,"kind":"line","line":1}'
while IFS= read -r command; do
    case "$command" in
    *'"pause"'*) printf '%s\n' '{"t":0.1,"pid":0,"kind":"mode","paused":true,"speed":1}' ;;
    *'"resume"'*) printf '%s\n' '{"t":0.2,"pid":0,"kind":"mode","paused":false,"speed":1}' ;;
    *'"step"'*'"pid":2'*) printf '%s\n' '{"t":0.3,"pid":2,"kind":"line","line":3}' ;;
    *'"step"'*) printf '%s\n' '{"t":0.3,"pid":2,"kind":"line","line":2}' ;;
    *'"speed"'*) printf '%s\n' '{"t":0.4,"pid":0,"kind":"mode","paused":false,"speed":2}' ;;
    *'"stop"'*)
        printf '%s\n' '{"t":0.5,"pid":2,"kind":"exit","signal":9,"signame":"SIGKILL"}'
        printf '%s\n' '{"t":0.5,"pid":2,"kind":"reap","by":1}'
        printf '%s\n' '{"t":0.5,"pid":0,"kind":"end","status":137,"reason":"stopped"}'
        exit 137
        ;;
    *) printf '%s\n' '{"t":0.6,"pid":0,"kind":"error","what":"command","message":"unknown command"}' ;;
    esac
done
exit 0

#!/bin/sh
# A fake forkscope-engine that ignores the stop command and SIGTERM: only kill() ends it.
trap '' TERM
printf '%s\n' '{"t":0.000,"pid":0,"kind":"start","script":"fake.py","mode":"namespace","cpus":1,"online":1,"speed":1,"step":false,"version":"fake"}'
while IFS= read -r command; do
    :
done

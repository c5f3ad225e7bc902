#!/bin/sh
# A fake forkscope-engine that dies from a signal in the middle of a run.
printf '%s\n' '{"t":0.000,"pid":0,"kind":"start","script":"fake.py","mode":"namespace","cpus":1,"online":1,"speed":1,"step":false,"version":"fake"}'
printf '%s\n' '{"t":0.001,"pid":1,"kind":"spawn","ppid":0,"name":"init","how":"init"}'
echo "fake engine: something went badly wrong" >&2
kill -KILL $$

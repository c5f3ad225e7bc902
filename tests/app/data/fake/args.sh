#!/bin/sh
# A fake forkscope-engine that reports its arguments and working directory as a notice.
printf '{"t":0,"pid":0,"kind":"notice","code":"args","message":"%s|%s"}\n' "$*" "$PWD"

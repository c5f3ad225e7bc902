#!/bin/sh
# A fake forkscope-engine that plays the recording next to the script it is given
# (run SCRIPT.py --json ...): SCRIPT.jsonl, line by line.
recording="${2%.py}.jsonl"
while IFS= read -r line; do
    printf '%s\n' "$line"
done < "$recording"

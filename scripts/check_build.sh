#!/usr/bin/env bash
# Build the standalone app and check the built program the way a user without Python would run it:
# a clean environment (no virtualenv, no PYTHONPATH), offscreen, a fresh data folder.
#   1. `careerplanner --smoke` exits 0;
#   2. `careerplanner resume import <a real resume PDF>` stores skills, which `resume skills` lists.
# Prints the build time, the folder size and the start-up time against the source run.
set -euo pipefail
cd "$(dirname "$0")/.."
RESUME=${1:-../shared/resumes/files/sb2nov_sourabh_bajaj_resume.pdf}

start=$(date +%s)
bash scripts/build.sh >/tmp/careerplanner-build.log 2>&1 || { tail -30 /tmp/careerplanner-build.log; exit 1; }
echo "build time: $(( $(date +%s) - start )) s"
echo "folder size: $(du -sh dist/careerplanner | cut -f1)"

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
clean() { env -i HOME="$home" PATH=/usr/bin:/bin LANG=C.UTF-8 CAREERPLANNER_HOME="$home/data" \
          QT_QPA_PLATFORM=offscreen "$@"; }

clean dist/careerplanner/careerplanner --smoke          # first start: installs the default dataset
t0=$(date +%s%N); clean dist/careerplanner/careerplanner --smoke >/dev/null; t1=$(date +%s%N)
QT_QPA_PLATFORM=offscreen CAREERPLANNER_HOME="$home/data" .venv/bin/careerplanner --smoke >/dev/null
t2=$(date +%s%N)
echo "start-up: built $(( (t1 - t0) / 1000000 )) ms, source $(( (t2 - t1) / 1000000 )) ms"

if [ -f "$RESUME" ]; then
    clean dist/careerplanner/careerplanner resume import "$RESUME"
    count=$(clean dist/careerplanner/careerplanner resume skills --json \
            | .venv/bin/python -c 'import json,sys; print(len(json.load(sys.stdin)))')
    echo "built program imported $RESUME: $count skills"
    [ "$count" -gt 0 ] || { echo "the built program found no skills in $RESUME" >&2; exit 1; }
else
    echo "no resume at $RESUME (../shared absent): resume import not checked"
fi
echo "built program OK"

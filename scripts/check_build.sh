#!/usr/bin/env bash
# Build the standalone app and check the built program the way a user without Python would run it:
# a clean environment (no virtualenv, no PYTHONPATH), offscreen, a fresh data folder.
#   1. `careerplanner --smoke` exits 0 (first start installs the default dataset);
#   2. `resume import` of a real resume PDF stores skills, which `resume skills --json` lists;
#      the same resume as DOCX (python-docx and lxml in the bundle) finds skills too;
#   3. `--smoke --all-screens` draws every screen and chart (matplotlib, Qt plugins, fonts)
#      with no missing-font or import complaint on stderr;
#   4. `roadmap export --format pdf` writes the PDF report (matplotlib's PDF backend);
#   5. `dataset import` of the real O*NET 29.3 release (when ../shared has it).
# These cover what build_app.spec leaves out. Prints the build time, the folder size and the
# start-up time against the source run. Usage: scripts/check_build.sh [RESUME.pdf]
set -euo pipefail
cd "$(dirname "$0")/.."
RESUME=${1:-../shared/resumes/files/sb2nov_sourabh_bajaj_resume.pdf}
ONET=../shared/data/onet/29.3/db_29_3_text.zip
APP=dist/careerplanner/careerplanner

start=$(date +%s)
bash scripts/build.sh >/tmp/careerplanner-build.log 2>&1 || { tail -30 /tmp/careerplanner-build.log; exit 1; }
echo "build time: $(( $(date +%s) - start )) s"
echo "folder size: $(du -sh dist/careerplanner | cut -f1)"
if [ -d dist/careerplanner/_internal/numpy.libs ]; then
    echo "numpy: the PyPI wheel, with OpenBLAS (why: /tmp/careerplanner-build.log)"
else
    echo "numpy: compiled without OpenBLAS"
fi

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
clean() { env -i HOME="$home" PATH=/usr/bin:/bin LANG=C.UTF-8 CAREERPLANNER_HOME="$home/data" \
          QT_QPA_PLATFORM=offscreen "$@"; }
fail() { echo "built program: $*" >&2; exit 1; }
skill_count() {
    clean "$APP" resume skills --json | .venv/bin/python -c 'import json,sys; print(len(json.load(sys.stdin)))'
}

clean "$APP" --smoke                                    # first start: installs the default dataset
t0=$(date +%s%N); clean "$APP" --smoke >/dev/null; t1=$(date +%s%N)
QT_QPA_PLATFORM=offscreen CAREERPLANNER_HOME="$home/data" .venv/bin/careerplanner --smoke >/dev/null
t2=$(date +%s%N)
echo "start-up: built $(( (t1 - t0) / 1000000 )) ms, source $(( (t2 - t1) / 1000000 )) ms"

if [ -f "$RESUME" ]; then
    clean "$APP" resume import "$RESUME"
    count=$(skill_count)
    echo "built program imported $RESUME: $count skills"
    [ "$count" -gt 0 ] || fail "found no skills in $RESUME"

    # The same resume as a Word file, written with the venv's python-docx from the PDF's text.
    .venv/bin/python - "$RESUME" "$home/resume.docx" <<'EOF'
import sys
import docx
from pdfminer.high_level import extract_text
document = docx.Document()
for line in extract_text(sys.argv[1]).splitlines():
    if line.strip():
        document.add_paragraph(line.strip())
document.save(sys.argv[2])
EOF
    found=$(clean "$APP" resume import --json "$home/resume.docx" | .venv/bin/python -c \
            'import json,sys; r=json.load(sys.stdin); print(r["added"] + r["changed"] + r["unchanged"])')
    echo "built program imported the same resume as DOCX: $found skills"
    [ "$found" -gt 0 ] || fail "found no skills in the DOCX resume"

    # A goal for the report (its progress charts): the lowest-level skill, up to L5.
    goal=$(clean "$APP" resume skills --json | .venv/bin/python -c \
           'import json,sys; s=min(json.load(sys.stdin), key=lambda s: s["level"]); print(s["name"] if s["level"] < 5 else "")')
    [ -z "$goal" ] || clean "$APP" roadmap add "$goal" --level L5 --by 2030-01-01 >/dev/null
    clean "$APP" roadmap export --format pdf -o "$home/report.pdf"
    [ "$(head -c 5 "$home/report.pdf")" = "%PDF-" ] || fail "the PDF report is not a PDF"
else
    echo "no resume at $RESUME (../shared absent): resume import and report not checked"
fi

# Every screen and chart, with the profile above (so the charts have data to draw).
t0=$(date +%s%N)
clean "$APP" --smoke --all-screens 2>"$home/screens.err" || { cat "$home/screens.err"; fail "--all-screens failed"; }
echo "all screens drawn in $(( ($(date +%s%N) - t0) / 1000000 )) ms"
if grep -Ei "findfont|Traceback|No module named|could not load" "$home/screens.err"; then
    fail "--all-screens complained on stderr (above)"
fi

if [ -f "$ONET" ]; then
    clean "$APP" dataset import "$ONET" >/dev/null
    clean "$APP" dataset list | grep -q "O\*NET 29.3" || fail "O*NET 29.3 is not listed after import"
    echo "built program imported $ONET"
fi
echo "built program OK"

#!/usr/bin/env bash
# Run Career Planner from this checkout (sets it up first if needed). Arguments go to the app:
#   scripts/run.sh              the application window, on the bundled default dataset
#   scripts/run.sh --smoke      start, show the main window, print what was loaded, exit
#   scripts/run.sh dataset list (and the other headless commands)
set -euo pipefail
cd "$(dirname "$0")/.."

needs_window=1
for arg in "$@"; do
    case "$arg" in
        --smoke|--version|-h|--help|dataset|resume|gap|roadmap|data) needs_window=0 ;;
    esac
done

if [ $needs_window = 1 ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}${QT_QPA_PLATFORM:-}" ] \
        && [ "$(uname)" = Linux ]; then
    # No screen (a server, a container): show the window on a virtual X display instead.
    bash scripts/bootstrap.sh --with-x
    echo "No display found: running on a virtual X display (Xvfb). Use --smoke for a start-up check." >&2
    exec xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/careerplanner "$@"
fi
bash scripts/bootstrap.sh
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}${QT_QPA_PLATFORM:-}" ] && [ "$(uname)" = Linux ]; then
    export QT_QPA_PLATFORM=offscreen
fi
exec .venv/bin/careerplanner "$@"

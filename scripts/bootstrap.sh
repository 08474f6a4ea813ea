#!/usr/bin/env bash
# Set up everything Career Planner needs on this machine, idempotently:
#   1. the system libraries Qt needs (Debian/Ubuntu, when run as root; otherwise it says what to install),
#   2. a virtual environment in .venv with the application and its test tools.
# Options: --with-x (a virtual X display for a real window), --with-build-tools (PyInstaller).
# Safe to run again: it skips what is already in place.
set -euo pipefail
cd "$(dirname "$0")/.."

# Offscreen Qt (tests, --smoke) needs these on a bare Debian 12. A real window adds the X ones.
QT_LIBS="libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3"
X_LIBS="xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxkbcommon-x11-0"

missing_debs() {
    local missing=""
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
    done
    echo "$missing"
}

install_debs() {
    command -v dpkg-query >/dev/null 2>&1 || return 0   # not Debian: see README
    local missing
    missing=$(missing_debs "$@")
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" -eq 0 ]; then
        echo "Installing system libraries:$missing" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >/dev/null
        apt-get install -y -qq --no-install-recommends $missing >/dev/null
    else
        echo "Qt needs these system packages; install them with: sudo apt-get install$missing" >&2
        exit 1
    fi
}

install_debs $QT_LIBS
for option in "$@"; do
    case "$option" in
        --with-x) install_debs $X_LIBS ;;
        # PyInstaller reads shared-library dependencies with objdump (binutils); scripts/build.sh
        # compiles numpy without OpenBLAS with the C and C++ compilers (it falls back without).
        --with-build-tools) install_debs binutils gcc g++ ;;
    esac
done

PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "Career Planner needs Python 3.11 or newer; found: $("$PYTHON" --version 2>&1)." >&2
    exit 1
fi
if [ ! -x .venv/bin/python ]; then
    if ! "$PYTHON" -m venv .venv 2>/dev/null; then
        rm -rf .venv
        install_debs python3-venv
        "$PYTHON" -m venv .venv
    fi
fi

# Reinstall only when the declared dependencies change.
stamp=.venv/.careerplanner-installed
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
    echo "$want" > "$stamp"
fi

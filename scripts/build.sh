#!/usr/bin/env bash
# Build the standalone application with PyInstaller: dist/careerplanner/ (one folder).
# CAREERPLANNER_ONEFILE=1 builds a single executable instead.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh --with-build-tools
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[build]"
.venv/bin/python -m PyInstaller --noconfirm --clean build_app.spec
echo "Built: dist/careerplanner/careerplanner"

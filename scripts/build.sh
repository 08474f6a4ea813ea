#!/usr/bin/env bash
# Build the standalone application with PyInstaller: dist/careerplanner/ (one folder).
# CAREERPLANNER_ONEFILE=1 builds a single executable instead.
#
# PyInstaller runs in its own environment, build/venv: exactly .venv's packages, except numpy,
# which is compiled here without OpenBLAS. numpy's PyPI wheels carry OpenBLAS, gfortran and
# quadmath (27 MB, a sixth of the folder); without them numpy does its linear algebra with its
# own bundled lapack_lite, which is all matplotlib's transforms need. The numpy wheel is compiled
# once (8-11 minutes on 2 cores) and kept in build/wheels; build/venv is remade only when
# .venv's packages change. Without a C compiler, or with CAREERPLANNER_NUMPY=wheel, the build
# uses .venv's numpy as it is and says so.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh --with-build-tools
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[build]"

pip_quiet() { "$1" -m pip install --quiet --disable-pip-version-check "${@:2}"; }

numpy_without_openblas() {
    # Prints the path of a numpy wheel (same version as .venv's) built without BLAS, or fails.
    local version wheels=build/wheels
    version=$(.venv/bin/python -c 'import numpy; print(numpy.__version__)')
    if ! ls "$wheels"/numpy-"$version"-*.whl >/dev/null 2>&1; then
        command -v cc >/dev/null && command -v c++ >/dev/null || return 1
        echo "Compiling numpy $version without OpenBLAS (once; a few minutes)..." >&2
        mkdir -p "$wheels"
        .venv/bin/python -m pip wheel --quiet --disable-pip-version-check --no-cache-dir --no-deps \
            --no-binary numpy "numpy==$version" -w "$wheels" \
            -Csetup-args=-Dallow-noblas=true -Csetup-args=-Dblas=none \
            -Csetup-args=-Dlapack=none >&2 || return 1
    fi
    ls "$wheels"/numpy-"$version"-*.whl | head -1
}

PYTHON=.venv/bin/python
if [ "${CAREERPLANNER_NUMPY:-lean}" != wheel ] && wheel=$(numpy_without_openblas); then
    venv=build/venv
    .venv/bin/python -m pip freeze --exclude-editable | grep -v '^numpy==' > build/requirements.txt
    want=$(cat build/requirements.txt "$wheel" | sha256sum | cut -d' ' -f1)
    if [ "$(cat "$venv/.installed" 2>/dev/null)" != "$want" ]; then
        rm -rf "$venv"
        "$(.venv/bin/python -c 'import sys; print(sys._base_executable)')" -m venv "$venv"
        pip_quiet "$venv/bin/python" "$wheel"
        pip_quiet "$venv/bin/python" -r build/requirements.txt
        echo "$want" > "$venv/.installed"
    fi
    PYTHON=$venv/bin/python
else
    echo "Note: building with numpy's PyPI wheel (OpenBLAS included, about 27 MB more): no C" \
         "compiler, the numpy compile failed, or CAREERPLANNER_NUMPY=wheel." >&2
fi
"$PYTHON" -m PyInstaller --noconfirm --clean build_app.spec
echo "Built: dist/careerplanner/careerplanner"

"""The size-trimming rules of build_app.spec, checked without running PyInstaller.

The spec runs PyInstaller's Analysis at import, so its helper functions and tables are taken
out of it with `ast` and compiled on their own. The built program itself is checked by
scripts/check_build.sh (CI).
"""

from __future__ import annotations

import ast
import functools
import importlib.util
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

SPEC = Path(__file__).resolve().parent.parent / "build_app.spec"
HELPERS = {"_keep_icu_item", "_trimmed_icu_data", "ICU_LOCALE_FILE", "DROPPED_FILES", "_DROP", "_S"}


@functools.cache
def spec_helpers() -> dict:
    """The spec's trimming tables and pure functions, compiled without the PyInstaller parts."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    wanted = []
    for node in tree.body:
        names = {node.name} if isinstance(node, ast.FunctionDef) else set()
        if isinstance(node, ast.Assign):
            names = {target.id for target in node.targets if isinstance(target, ast.Name)}
        if names & HELPERS:
            wanted.append(node)
    namespace = {"re": re, "struct": struct}
    exec(compile(ast.Module(body=wanted, type_ignores=[]), str(SPEC), "exec"), namespace)
    return namespace


def toc(blob: bytes) -> dict[str, bytes]:
    """Item name -> item bytes (padding included) of an ICU common data package."""
    header_size = struct.unpack_from("<H", blob, 0)[0]
    count = struct.unpack_from("<I", blob, header_size)[0]
    offsets = [struct.unpack_from("<II", blob, header_size + 4 + 8 * i) for i in range(count)]
    items = {}
    for i, (name_at, data_at) in enumerate(offsets):
        end = offsets[i + 1][1] if i + 1 < count else len(blob) - header_size
        start = header_size + name_at
        name = blob[start : blob.index(b"\0", start)].decode("ascii")
        assert data_at % 16 == 0, name
        items[name] = blob[header_size + data_at : header_size + end]
    return items


@pytest.fixture(scope="module")
def icu_data(tmp_path_factory) -> bytes:
    """The real ICU data that the Linux PySide6 wheel ships, as build_app.spec reads it."""
    spec = importlib.util.find_spec("PySide6")  # located, not imported: no Qt in this test
    package = Path(spec.origin).parent if spec and spec.origin else Path("/nonexistent")
    libraries = sorted((package / "Qt" / "lib").glob("libicudata.so.*"))
    if not sys.platform.startswith("linux") or not libraries or not shutil.which("objcopy"):
        pytest.skip("the PySide6 wheel bundles ICU on Linux only (and objcopy is needed)")
    raw = tmp_path_factory.mktemp("icu") / "icudata.bin"
    subprocess.run(
        ["objcopy", "-O", "binary", "--only-section=.rodata", str(libraries[-1]), str(raw)],
        check=True,
    )
    return raw.read_bytes()


def test_trimmed_icu_data_keeps_collation_and_english_and_drops_the_rest(icu_data):
    helpers = spec_helpers()
    original = toc(icu_data)
    trimmed_blob = helpers["_trimmed_icu_data"](icu_data)
    trimmed = toc(trimmed_blob)

    assert len(trimmed_blob) < len(icu_data) / 3
    assert list(trimmed) == sorted(trimmed)  # ICU binary-searches the names
    assert all(trimmed[name] == original[name] for name in trimmed)  # items copied unchanged
    package = next(iter(original)).split("/")[0]  # "icudt73l"
    kept = {name.split("/", 1)[1] for name in trimmed}
    every_collation = {n.split("/", 1)[1] for n in original if n.startswith(package + "/coll/")}
    assert every_collation <= kept
    for needed in (
        "root.res",
        "en.res",
        "en_GB.res",
        "pool.res",
        "res_index.res",
        "supplementalData.res",
        "likelySubtags.res",
        "zoneinfo64.res",
        "cnvalias.icu",
        "uts46.nrm",
        "zone/en.res",
        "curr/root.res",
    ):
        assert needed in kept, needed
    for dropped in (
        "de.res",
        "zh_Hant.res",
        "zone/de.res",
        "curr/fr.res",
        "lang/ja.res",
        "ibm-943_P15A-2003.cnv",
        "brkitr/cjdict.dict",
        "translit/root.res",
    ):
        assert dropped not in kept, dropped


def test_trimmed_icu_data_is_readable_by_icupkg(icu_data, tmp_path):
    icupkg = shutil.which("icupkg")
    if icupkg is None:
        pytest.skip("icupkg (icu-devtools) is not installed")
    package = next(iter(toc(icu_data))).split("/")[0]
    path = tmp_path / f"{package}.dat"
    path.write_bytes(spec_helpers()["_trimmed_icu_data"](icu_data))
    listed = subprocess.run([icupkg, "-l", str(path)], capture_output=True, text=True)
    assert listed.stdout.split() == [name.split("/", 1)[1] for name in toc(path.read_bytes())]
    # icupkg also checks that every item's dependencies are present. The only ones missing are
    # the word-break dictionaries we drop on purpose (Qt breaks text with its own tables).
    missing = set(re.findall(r"depends on missing item (\S+)", listed.stderr))
    assert missing and all(item.endswith(".dict") for item in missing), listed.stderr
    assert listed.returncode in (0, 2)


def test_not_icu_data_is_refused():
    with pytest.raises(ValueError):
        spec_helpers()["_trimmed_icu_data"](b"\x90\x00\xda\x27" + b"\0" * 200)


@pytest.mark.parametrize(
    "path",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/libqminimal.so",
        "PySide6\\Qt\\plugins\\platforms\\qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/imageformats/libqico.so",
        "PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
        "PySide6/Qt/plugins/styles/qmodernwindowsstyle.dll",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6/Qt/lib/libQt6Network.so.6",
        "matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf",
        "matplotlib/mpl-data/fonts/ttf/DejaVuSans-Bold.ttf",
        "matplotlib/mpl-data/fonts/ttf/LastResortHE-Regular.ttf",
        "matplotlib/mpl-data/matplotlibrc",
        "pdfminer/cmap/UniGB-UCS2-H.pickle.gz",
        "libcrypt.so.1",
    ],
)
def test_what_the_app_needs_is_kept(path):
    assert not spec_helpers()["_DROP"].search(path)


@pytest.mark.parametrize(
    "path",
    [
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platforms/libqminimalegl.so",
        "PySide6/Qt/plugins/generic/libqevdevmouseplugin.so",
        "PySide6/Qt/plugins/imageformats/libqtiff.so",
        "PySide6\\Qt\\plugins\\imageformats\\qjpeg.dll",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/translations/qtbase_de.qm",
        "libssl.so.3",
        "libcrypto-3-x64.dll",
        "matplotlib/mpl-data/sample_data/goog.npz",
        "matplotlib/mpl-data/fonts/ttf/STIXGeneral.ttf",
        "matplotlib/mpl-data/fonts/ttf/DejaVuSerif.ttf",
        "matplotlib/mpl-data/fonts/ttf/DejaVuSansMono.ttf",
        "matplotlib/mpl-data/fonts/ttf/DejaVuSans-Oblique.ttf",
        "matplotlib/mpl-data/fonts/ttf/cmr10.ttf",
    ],
)
def test_what_the_app_never_uses_is_dropped(path):
    assert spec_helpers()["_DROP"].search(path)


def test_upx_stays_off_for_every_executable_and_folder():
    """UPX-packed shared libraries crash at load on some kernels (see build_app.spec)."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    calls = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in {"EXE", "COLLECT"}
    ]
    assert {call.func.id for call in calls} == {"EXE", "COLLECT"}
    for call in calls:
        upx = {keyword.arg: keyword.value for keyword in call.keywords}.get("upx")
        assert isinstance(upx, ast.Constant) and upx.value is False, ast.unparse(call)

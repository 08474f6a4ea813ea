"""The dependency rules of architecture.md, checked by walking every import."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "careerplanner"
QT_FREE = ("core", "store", "importers", "analysis", "charts")
QT_ROOTS = {"PySide6", "PyQt5", "PyQt6", "PySide2", "shiboken6"}


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def python_files(*packages: str) -> list[Path]:
    return sorted(p for package in packages for p in (PACKAGE / package).rglob("*.py"))


@pytest.mark.parametrize("path", python_files(*QT_FREE), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_qt_outside_ui(path):
    leaks = [m for m in imported_modules(path) if m.split(".")[0] in QT_ROOTS]
    assert not leaks, f"{path.relative_to(PACKAGE)} imports Qt: {leaks}"


@pytest.mark.parametrize("path", python_files("core"), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_core_uses_only_the_standard_library(path):
    allowed_own = ("careerplanner.core", "careerplanner.errors")
    foreign = [
        m
        for m in imported_modules(path)
        if m.split(".")[0] not in sys.stdlib_module_names
        and not m.startswith(allowed_own)
        and m != "__future__"
    ]
    assert not foreign, f"{path.relative_to(PACKAGE)} imports beyond the stdlib: {foreign}"


@pytest.mark.parametrize("path", python_files(*QT_FREE), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_lower_layers_never_import_the_ui(path):
    ups = [
        m for m in imported_modules(path) if m.startswith(("careerplanner.ui", "careerplanner.app"))
    ]
    assert not ups, f"{path.relative_to(PACKAGE)} reaches up into the UI: {ups}"


def test_the_leak_check_sees_a_qt_import(tmp_path):
    # Guard against a walker that silently finds nothing.
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert "PySide6.QtCore" in imported_modules(sample)

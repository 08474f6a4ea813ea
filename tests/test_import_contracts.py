"""The import contracts of docs/architecture.md, checked with import-linter on the real package.

The contracts live in pyproject.toml (`[tool.importlinter]`); `lint-imports` from a shell runs the
same check. A second test makes sure the checker really sees our imports, and that a contract it
enforces fails on a package that breaks it, so a silently empty graph cannot pass.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PACKAGE = PROJECT_ROOT / "careerplanner"
# The console script installed beside this Python (the test extras bring import-linter).
LINT_IMPORTS = [str(Path(sys.executable).with_name("lint-imports"))]

# Imports inside functions stay only for modules too heavy for start-up (or for the app's own
# process), each named in ruff's TID253 list in pyproject.toml, and these few with a reason of
# their own.
MAX_IMPORTS_INSIDE_FUNCTIONS = 31
LAZY_FOR_OTHER_REASONS = {
    "careerplanner.services.dataset_import": (
        "cli/market.py: every importer (~65 ms), only on the first run that installs the default"
    ),
    "PySide6.QtCore": "ui/common/lazy_qt.py: the Qt namespace, built on first use (~5 ms)",
    "hashlib": "ui/shell/single_instance.py: ~5 ms, once the window is up",
    "careerplanner.importers.resume.pdf_reader": (
        "cli/__init__.py: multiprocessing (~30 ms), only when a command reads a PDF"
    ),
}


def run_lint_imports(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*LINT_IMPORTS, "--no-cache", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_package_keeps_every_import_contract():
    result = run_lint_imports(PROJECT_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_broken_contract_is_reported(tmp_path):
    # A miniature of our layout whose store reaches up into services: the same kind of contract
    # must fail on it, or a green run above would prove nothing.
    root = tmp_path / "minipkg"
    for sub in ("services", "store"):
        (root / sub).mkdir(parents=True)
        (root / sub / "__init__.py").write_text("")
    (root / "__init__.py").write_text("")
    (root / "services" / "gap.py").write_text("from minipkg.store import rows\n")
    (root / "store" / "rows.py").write_text(
        "def read():\n    from minipkg.services import gap  # hidden inside a function\n"
    )
    (tmp_path / ".importlinter").write_text(
        textwrap.dedent(
            """
            [importlinter]
            root_package = minipkg

            [importlinter:contract:layers]
            name = services above store
            type = layers
            layers =
                minipkg.services
                minipkg.store
            """
        )
    )
    result = run_lint_imports(tmp_path)
    assert result.returncode != 0
    assert "minipkg.store.rows -> minipkg.services.gap" in result.stdout


def imports_inside_functions(path: Path) -> list[tuple[int, str]]:
    """(line, module) of each import inside a function; `from a import b` gives "a.b"."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))

    def walk(node, inside: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if inside and isinstance(child, (ast.Import, ast.ImportFrom)):
                names = (
                    [alias.name for alias in child.names]
                    if isinstance(child, ast.Import)
                    else [f"{child.module}.{alias.name}" for alias in child.names]
                )
                found.append((child.lineno, names[0]))
            walk(child, inside or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)))

    walk(tree, False)
    return found


def test_imports_stay_at_the_top_of_modules():
    inside = [
        f"{path.relative_to(PROJECT_ROOT)}:{line} {name}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line, name in imports_inside_functions(path)
    ]
    assert len(inside) <= MAX_IMPORTS_INSIDE_FUNCTIONS, "\n".join(inside)


def test_the_inside_function_counter_sees_one(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import os\n\ndef f():\n    import json\n", encoding="utf-8")
    assert imports_inside_functions(sample) == [(4, "json")]


def banned_at_module_level() -> list[str]:
    settings = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    tidy = settings["tool"]["ruff"]["lint"]["flake8-tidy-imports"]
    return tidy["banned-module-level-imports"]


def test_every_import_inside_a_function_has_its_reason():
    banned = banned_at_module_level()
    assert "sqlite_utils" in banned and "matplotlib" in banned
    allowed = (*banned, *LAZY_FOR_OTHER_REASONS)
    unexplained = [
        f"{path.relative_to(PROJECT_ROOT)}:{line} {name}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line, name in imports_inside_functions(path)
        if not any(name == module or name.startswith(f"{module}.") for module in allowed)
    ]
    assert not unexplained, (
        "Move these imports to the top of their module, or name the module in pyproject's "
        "banned-module-level-imports with the reason it is heavy:\n" + "\n".join(unexplained)
    )

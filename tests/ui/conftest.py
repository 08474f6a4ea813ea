"""Fixtures for the GUI tests: a real market database built from a slice of the real O*NET 29.2
release and BLS wages (a handful of computing occupations), imported once per session through the
store's own import path and copied into each test's private data folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import WAGES_2024, onet_release

# Computing occupations, including two O*NET leaves without Skills ratings (Software Developers,
# Data Scientists) so the borrowed-ratings path is exercised too.
SLICE_CODES = (
    "15-1211.00",
    "15-1242.00",
    "15-1243.00",
    "15-1251.00",
    "15-1252.00",
    "15-1253.00",
    "15-1254.00",
    "15-1299.08",
    "15-2051.00",
)
ONET_FILES = (
    "Occupation Data.txt",
    "Alternate Titles.txt",
    "Sample of Reported Titles.txt",
    "Technology Skills.txt",
    "Skills.txt",
    "Knowledge.txt",
    "Related Occupations.txt",
    "Job Zones.txt",
    "Read Me.txt",
)


def slice_lines(source: Path, target: Path, keep) -> None:
    raw = source.read_bytes().decode("utf-8")
    lines = raw.splitlines(keepends=True)
    kept = [lines[0]] + [line for line in lines[1:] if keep(line)]
    target.write_bytes("".join(kept).encode("utf-8"))


def build_onet_slice(folder: Path) -> Path:
    """A small O*NET text release with only SLICE_CODES (same layout, real rows)."""
    source = onet_release("29.2")
    folder.mkdir(parents=True, exist_ok=True)

    def keep(name: str, line: str) -> bool:
        fields = line.split("\t")
        related_ok = name != "Related Occupations.txt" or fields[1] in SLICE_CODES
        return fields[0] in SLICE_CODES and related_ok

    for name in ONET_FILES:
        if name == "Read Me.txt":
            shutil.copy(source / name, folder / name)
            continue
        slice_lines(source / name, folder / name, lambda line, name=name: keep(name, line))
    return folder


def build_wages_slice(path: Path) -> Path:
    source = WAGES_2024
    socs = {code.split(".")[0] for code in SLICE_CODES} | {"00-0000"}
    slice_lines(source, path, lambda line: any(f",{soc}," in line for soc in socs))
    return path


@pytest.fixture(scope="session")
def market_template(tmp_path_factory) -> Path:
    """A market.db holding the O*NET and wages slices, built once per test session."""
    from careerplanner.services.dataset_import import import_path
    from careerplanner.store.data_dir import DataDir

    root = tmp_path_factory.mktemp("market-template")
    onet = build_onet_slice(root / "onet-29.2-slice")
    wages = build_wages_slice(root / "oews_national_M2024_slice.csv")
    data_dir = DataDir(root / "home")
    db = data_dir.open_market_db()
    try:
        import_path(db, onet)
        import_path(db, wages)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    return data_dir.market_db_path


@pytest.fixture
def market_home(data_home, market_template) -> Path:
    """A private data folder whose market database already holds the slices."""
    from careerplanner.paths import ensure_private_dir

    ensure_private_dir(data_home)
    shutil.copy(market_template, data_home / "market.db")
    (data_home / "market.db").chmod(0o600)
    return data_home


@pytest.fixture
def ctx_factory(qapp, data_home):
    """Builds an AppContext on the test's private CAREERPLANNER_HOME; closes it after the test.

    Depends on `data_home` so the environment variable is set before any context is built: the
    real home is never touched.
    """
    from careerplanner.app import build_context
    from careerplanner.store.data_dir import DataDir

    made = []

    def make():
        ctx = build_context(DataDir.default())
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.close()


@pytest.fixture
def window(qtbot, ctx_factory, monkeypatch):
    """The main window on a fresh data folder, with blocking dialogs replaced."""
    from careerplanner.ui.common import dialogs
    from careerplanner.ui.shell.main_window import MainWindow

    shown_errors: list[str] = []
    monkeypatch.setattr(
        dialogs, "show_error", lambda _parent, text, title="": shown_errors.append(text)
    )
    monkeypatch.setattr(dialogs, "show_info", lambda _parent, text, title="": None)
    ctx = ctx_factory()
    main = MainWindow(ctx)
    main.shown_errors = shown_errors
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


@pytest.fixture(autouse=True)
def accept_goal_plans(monkeypatch):
    """ "Create goals" shows its plan in a modal dialog; in tests the user accepts it as
    proposed (the dialog itself is tested in roadmap/test_goal_plan.py)."""
    from careerplanner.ui.roadmap import goal_plan_dialog

    def as_proposed(_parent, _title, plan):
        return [goal for goal in plan if goal.ticked]

    monkeypatch.setattr(goal_plan_dialog, "ask_goal_plan", as_proposed)

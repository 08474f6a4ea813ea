"""Shared fixtures. Qt runs offscreen: set before anything imports Qt."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")

from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED = PROJECT_ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path in ../shared, or skip the test with a clear reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs ../shared/{'/'.join(parts)} (the shared data folder is absent)")
    return path


@pytest.fixture
def shared():
    return shared_path


@pytest.fixture
def data_home(tmp_path, monkeypatch) -> Path:
    """A fresh, private data directory, used through CAREERPLANNER_HOME like scripts do."""
    home = tmp_path / "home"
    monkeypatch.setenv("CAREERPLANNER_HOME", str(home))
    return home


@pytest.fixture
def data_dir(data_home):
    from careerplanner.store.data_dir import DataDir

    return DataDir(data_home)


@pytest.fixture(scope="session")
def default_market_template(tmp_path_factory) -> Path:
    """A market database with the bundled default dataset installed, made once per test run."""
    from careerplanner.store.data_dir import DataDir
    from careerplanner.store.market.datasets import ensure_default_dataset

    home = tmp_path_factory.mktemp("default-market")
    db = DataDir(home).open_market_db()
    ensure_default_dataset(db)
    db.close()
    return home / "market.db"


@pytest.fixture
def installed_home(data_home, default_market_template) -> Path:
    """A fresh data folder (CAREERPLANNER_HOME) whose market database has the default dataset."""
    import sqlite3

    from careerplanner.paths import ensure_private_dir

    ensure_private_dir(data_home)
    source = sqlite3.connect(default_market_template)
    target = sqlite3.connect(data_home / "market.db")
    source.backup(target)
    source.close()
    target.close()
    (data_home / "market.db").chmod(0o600)
    return data_home

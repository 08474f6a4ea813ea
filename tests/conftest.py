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

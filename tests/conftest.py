"""Shared fixtures. Qt runs offscreen: set before anything imports Qt."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")

import atexit
import shutil
import tempfile
import zipfile
from functools import cache
from pathlib import Path

import pytest

from careerplanner.services.plain_copy import flush_plain_copy, refresh_plain_copy
from careerplanner.store.user.changes import (
    add_listener,
    registered_listeners,
    remove_listener,
)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# The shared data folder beside the clone; CAREERPLANNER_TEST_SHARED points elsewhere (a missing
# folder shows what a fresh clone without ../shared skips, without hiding the real one).
SHARED = Path(os.environ.get("CAREERPLANNER_TEST_SHARED") or PROJECT_ROOT.parent / "shared")


# Real data the repository carries: the bundled default dataset (data/default.json) and small
# licensed copies in tests/fixtures (origins and licences in tests/fixtures/README.md).
DATA = PROJECT_ROOT / "data"
FIXTURES = PROJECT_ROOT / "tests" / "fixtures"
WAGES_2023 = DATA / "oews_national_M2023.csv"
WAGES_2024 = FIXTURES / "wages" / "oews_national_M2024.csv"
ESCO_FOLDER = FIXTURES / "esco"  # the three v1.2.0 collections, all columns (data/ merges them)
RESUMES = FIXTURES / "resumes"


@cache
def onet_release(version: str) -> Path:
    """A real O*NET release, laid out as O*NET ships it: "29.2" the text folder, "29.3" the zip,
    "24.2" the older layout of Technology Skills (with its Read Me).

    The 29.2 folder is put together once per run in a temporary folder: the files the application
    reads come from the bundled data/onet_29_2_text.zip, the others from tests/fixtures, so it
    holds every file of the full release, byte for byte.
    """
    if version == "29.3":
        return FIXTURES / "onet" / "db_29_3_text.zip"
    if version != "29.2":
        return FIXTURES / "onet" / version
    folder = Path(tempfile.mkdtemp(prefix="careerplanner-onet-29.2-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    with zipfile.ZipFile(DATA / "onet_29_2_text.zip") as archive:
        for member in archive.infolist():
            (folder / Path(member.filename).name).write_bytes(archive.read(member))
    for file in (FIXTURES / "onet" / "29.2-not-bundled").iterdir():
        shutil.copyfile(file, folder / file.name)
    return folder


def shared_path(*parts: str) -> Path:
    """A path in ../shared, or skip the test with a clear reason when it is absent.

    Only for what the repository may not carry (job postings without a licence, the accuracy
    scorer's corpus); everything else comes from DATA and FIXTURES above.
    """
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(
            f"needs ../shared/{'/'.join(parts)}, which the repository does not carry "
            "(see tests/fixtures/README.md), and the shared folder is absent"
        )
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
    from careerplanner.services.dataset_import import ensure_default_dataset
    from careerplanner.store.data_dir import DataDir

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


@pytest.fixture(autouse=True, scope="session")
def plain_copy_follows_changes():
    """As the window and the command line do: every change of the user's data rewrites its
    plain JSON copy (the store announces changes; the composition roots register this)."""
    add_listener(refresh_plain_copy)
    yield
    remove_listener(refresh_plain_copy)


@pytest.fixture(autouse=True)
def no_listener_outlives_its_test():
    """A test that runs `careerplanner.cli.main` in-process registers the command line's own
    listener (a plain copy written by a background thread), as a real run does; a real run then
    exits. Here the next test must not inherit it: pending copies are written and only the
    session's listener stays."""
    yield
    flush_plain_copy()
    for listener in registered_listeners():
        if listener is not refresh_plain_copy:  # the session's own (above); module fixtures
            remove_listener(listener)  # that ran the command line are covered too

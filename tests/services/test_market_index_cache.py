"""The market index kept on disk (services/index_cache): the same requirements and estimates as
a fresh build, and a damaged file built again.

A real installed home (the bundled default dataset) and a real resume.
"""

from __future__ import annotations

import json

import pytest

from careerplanner.services import role_needs
from careerplanner.services.index_cache import index_cache_path
from careerplanner.services.levels import user_levels
from careerplanner.services.resume_import import import_resume_file
from careerplanner.services.role_needs import (
    estimate_ratings,
    market_index,
    occupation_affinities,
    occupation_needs,
)
from careerplanner.store.data_dir import DataDir
from careerplanner.store.market.datasets import active_versions
from tests.conftest import RESUMES


@pytest.fixture
def engineer(installed_home):
    data_dir = DataDir(installed_home)
    user_db, market_db = data_dir.open_user_db(), data_dir.open_market_db()
    resume = RESUMES / "sb2nov_sourabh_bajaj_resume.pdf"  # a senior software/ML engineer
    import_resume_file(user_db, market_db, resume, data_dir.backup_dir)
    yield user_db, market_db
    user_db.close()
    market_db.close()


def _fresh_process_index(market_db):
    """The index as a new process gets it: nothing kept in memory, the disk cache if any."""
    role_needs._INDEX.clear()
    return market_index(market_db)


def _assert_same_index(kept, fresh, levels, codes=None) -> None:
    assert kept.titles == fresh.titles
    for code in codes or fresh.titles:
        for all_technologies in (False, True):
            assert occupation_needs(kept, code, all_technologies) == occupation_needs(
                fresh, code, all_technologies
            ), code
    assert occupation_affinities(kept, levels) == occupation_affinities(fresh, levels)
    assert estimate_ratings(kept, levels) == estimate_ratings(fresh, levels)


def test_the_kept_index_gives_the_same_requirements_and_estimates_as_a_fresh_build(engineer):
    user_db, market_db = engineer
    levels = user_levels(user_db)
    fresh = role_needs._build_index(market_db, active_versions(market_db))

    _fresh_process_index(market_db)  # builds and keeps it, or reads what the import kept
    path = index_cache_path(market_db)
    assert path is not None and path.is_file()
    kept = _fresh_process_index(market_db)

    assert kept is not fresh and kept.rating_rows  # read from the file, not built
    _assert_same_index(kept, fresh, levels)
    assert estimate_ratings(kept, levels), "the engineer's skills point to occupations"


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],  # cut short
        lambda text: "",
        lambda text: json.dumps({"format": json.loads(text)["format"], "index": {"titles": 1}}),
        # the right format number over ratings of another shape
        lambda text: text.replace('"ratings":{"', '"ratings":{"x":[1],"', 1),
    ],
)
def test_a_damaged_index_file_is_built_again(engineer, damage):
    user_db, market_db = engineer
    levels = user_levels(user_db)
    fresh = _fresh_process_index(market_db)
    path = index_cache_path(market_db)
    path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")

    rebuilt = _fresh_process_index(market_db)

    assert not rebuilt.rating_rows  # built, not read from the damaged file
    _assert_same_index(rebuilt, fresh, levels, codes=["15-1252.00", "29-1141.00"])
    # ... and kept again, whole: the next process reads it
    assert json.loads(path.read_text(encoding="utf-8"))["index"]["titles"] == fresh.titles
    assert _fresh_process_index(market_db).rating_rows

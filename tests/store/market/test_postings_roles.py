"""Postings roles mapped to O*NET occupations (`occupations.postings_roles_for`) on the bundled
O*NET data and the real Glassdoor postings: the mapping is exactly the app's title search
(`market_roles.find_roles`) taking the role's name as a whole title."""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict

import pytest

from careerplanner.core.market import ALL_ROLES
from careerplanner.services.dataset_import import import_postings
from careerplanner.store.data_dir import DataDir
from careerplanner.store.market.datasets import active_dataset
from careerplanner.store.market.occupations import (
    TITLE_MIN_WORDS,
    TITLE_SHARED_BY_AT_MOST,
    postings_roles_for,
)
from careerplanner.store.market.postings import postings_roles
from careerplanner.store.market.roles import SENIORITY_WORDS, find_roles
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def market(tmp_path_factory, default_market_template):
    """The bundled default dataset plus the whole real postings file, imported once."""
    home = tmp_path_factory.mktemp("postings-roles")
    source = sqlite3.connect(default_market_template)
    target = sqlite3.connect(home / "market.db")
    source.backup(target)
    source.close()
    target.close()
    db = DataDir(home).open_market_db()
    import_postings(db, shared_path("data", "postings", "glassdoor_data_science_2020.csv"))
    yield db
    db.close()


def test_the_bundled_city_categories_are_no_data_scientist_role(installed_home):
    # The default dataset's postings are the City of New York's, filed under broad categories
    # ("Technology, Data & Innovation"), none of them a Data Scientist's title.
    db = DataDir(installed_home).open_market_db()
    try:
        assert active_dataset(db, "postings").name == "NYC Jobs Postings"
        assert postings_roles_for(db, "15-2051.00") == []
    finally:
        db.close()


def test_data_scientists_get_the_data_scientist_postings(market):
    found = postings_roles_for(market, "15-2051.00")
    first = found[0]
    assert (first.role, first.figures.jobs, first.matched_title) == (
        "data scientist",
        279,
        "Data Scientist",
    )
    assert first.occupations == ("15-2051.00",)
    engineers = next(match for match in found if match.role == "data engineer")
    assert "15-1243.00" in engineers.occupations  # O*NET's Database Architects say it too
    assert len(engineers.occupations) <= TITLE_SHARED_BY_AT_MOST
    assert [m.figures.jobs for m in found] == sorted((m.figures.jobs for m in found), reverse=True)


@pytest.mark.slow
def test_the_mapping_is_find_roles_taking_the_role_as_a_whole_title(market):
    postings = active_dataset(market, "postings")
    expected: defaultdict[str, set[str]] = defaultdict(set)
    searched: set[str] = set()
    for figures in postings_roles(market, postings.id):
        if figures.role == ALL_ROLES:
            continue
        exact = {
            match.code
            for match in find_roles(market, figures.role, limit=100)
            if match.score >= 100 and match.source != "code"
        }
        searched |= exact
        words = re.findall(r"[a-z0-9+#]+", figures.role.casefold())
        kept = [word for word in words if word not in SENIORITY_WORDS] or words
        if len(kept) >= TITLE_MIN_WORDS and len(exact) <= TITLE_SHARED_BY_AT_MOST:
            for code in exact:
                expected[code].add(figures.role)
    assert expected["15-2051.00"] >= {"data scientist", "data engineer"}
    assert not any("analyst" in roles for roles in expected.values())  # one word: a trade
    assert len(searched) > 50  # generic titles ("Analyst", "Scientist") reach many occupations
    for code in sorted(searched):
        assert {m.role for m in postings_roles_for(market, code)} == expected[code], code

"""Reading the active market data: role search, requirements with fallback, wages, skill terms."""

from __future__ import annotations

import itertools

import pytest

from careerplanner.core.levels import Level
from careerplanner.services.dataset_import import import_path
from careerplanner.store.data_dir import DataDir
from careerplanner.store.market.datasets import use_dataset
from careerplanner.store.market.levels import LV_BANDS, mapping_rows, onet_level_to_depth
from careerplanner.store.market.occupations import (
    level_anchors,
    occupation,
    requirements,
    technologies,
    wages_for,
)
from careerplanner.store.market.roles import find_roles, squash
from careerplanner.store.market.terms import skill_terms
from tests.conftest import ESCO_FOLDER, WAGES_2023
from tests.importers.datasets.onet_slices import make_release


@pytest.fixture(scope="module")
def market(tmp_path_factory):
    root = tmp_path_factory.mktemp("market")
    db = DataDir(root / "home").open_market_db()
    import_path(db, make_release(root / "29.2", "29.2"))
    import_path(db, WAGES_2023)
    import_path(db, ESCO_FOLDER)
    yield db
    db.close()


@pytest.mark.parametrize(
    "query, code",
    [
        ("Backend Engineer", "15-1254.00"),  # "Back End Engineer" is a Web Developers title
        ("Senior Back-End Engineer", "15-1254.00"),
        ("software developer", "15-1252.00"),
        ("Data Scientist", "15-2051.00"),
        ("DevOps Engineer", "15-1252.00"),
        ("15-1252", "15-1252.00"),
    ],
)
def test_find_roles(market, query, code):
    matches = find_roles(market, query)
    assert matches[0].code == code, [(m.code, m.matched_title) for m in matches[:5]]


def test_the_one_best_match_is_the_first_of_the_whole_list(market):
    # A gap or a career page asks for one match (limit=1), answered without reading every
    # alternate title when the query is an occupation's own title: the same answer as the list.
    titles = [row[0] for row in market.execute("SELECT title FROM onet_occupation LIMIT 150")]
    queries = [*titles, "Senior Software Developers", "SoftwareDevelopers", "data scientist"]
    for query in [*queries, "Backend Engineer", "Registered Nurse", "15-1252"]:
        assert find_roles(market, query, limit=1) == find_roles(market, query)[:1], query


def test_find_roles_says_which_title_matched(market):
    best = find_roles(market, "Backend Engineer")[0]
    assert (best.title, best.matched_title, best.source) == (
        "Web Developers",
        "Back End Engineer",
        "alternate",
    )
    assert find_roles(market, "   ") == []
    assert find_roles(market, "zzzz qqqq") == []
    assert squash("Back-End  Dev (C++/C#)") == "backenddevc++c#"


def test_rated_occupation_has_its_own_requirements(market):
    result = requirements(market, "15-1211.00")
    assert result.source_code is None and result.note == ""
    programming = next(r for r in result.ratings if r.name == "Programming")
    assert programming.key == "onet:2.B.3.e"
    assert 1 <= programming.importance <= 5 and 0 <= programming.level <= 7
    assert (
        programming.level_n
        and programming.level_lower_ci <= programming.level <= programming.level_upper_ci
    )
    assert programming.depth == onet_level_to_depth(programming.level)
    assert {r.domain for r in result.ratings} == {"skill", "knowledge"}


def test_unrated_occupation_falls_back_and_says_which(market):
    result = requirements(market, "15-1252.00")
    assert result.source_code == "15-1299.08"
    assert result.ratings
    assert result.note == (
        "O*NET has no Skills or Knowledge ratings for this occupation; showing those of "
        "Computer Systems Engineers/Architects (15-1299.08), the closest related occupation."
    )
    group = requirements(market, "15-1299.00")
    assert group.basis == "soc_group" and "same SOC group" in group.note


def test_occupation_and_technologies(market):
    job = occupation(market, "15-1252.00")
    assert job.title == "Software Developers" and job.job_zone == 4
    tech = technologies(market, "15-1252.00")
    assert tech[0].in_demand is True and tech[0].hot is True
    assert any(t.name == "Python" and t.key == "technology:python" for t in tech)


def test_wages_join_on_the_soc_code_and_keep_markers(market):
    wages = wages_for(market, "15-1252.00")
    assert wages.soc == "15-1252" and wages.figures["a_median"].value == 132270.0
    chief = wages_for(market, "11-1011.00")
    assert chief.figures["a_pct90"].value is None
    assert chief.figures["a_pct90"].meaning == "at or above the top of the published range"
    assert wages_for(market, "99-9999.00") is None


def test_skill_terms_carry_esco_aliases_and_are_cached(market):
    terms = skill_terms(market)
    assert skill_terms(market) is terms  # cached per dataset ids
    by_key = {t.key: t for t in terms}
    python = by_key["technology:python"]
    assert python.name == "Python" and python.kind == "technology"
    # ESCO's "Python (computer programming)" names O*NET's "Python": its labels become aliases.
    assert "Python 3K" in python.aliases
    assert "Haskell techniques" in by_key["technology:haskell"].aliases
    # An ESCO digital skill no O*NET example names is a term of its own.
    kdevelop = by_key["esco:kdevelop"]
    assert kdevelop.kind == "esco" and "KDevelop platform" in kdevelop.aliases
    assert by_key["onet:2.B.3.e"].name == "Programming"
    assert {t.kind for t in terms} == {"technology", "skill", "knowledge", "esco"}
    assert not any(t.key.startswith("esco:write ") for t in terms)  # language skills left out


def test_skill_terms_follow_the_active_version(market, tmp_path):
    before = skill_terms(market)
    old = import_path(market, make_release(tmp_path / "24.2", "24.2")).dataset
    assert not old.active  # Technology Skills alone do not replace a whole release (issue 16)
    use_dataset(market, old.id)
    after = skill_terms(market)
    assert after is not before
    assert "technology:adobe systems adobe acrobat" in {t.key for t in after}
    use_dataset(market, old.id - 3)  # back to the 29.2 slice
    assert {t.key for t in skill_terms(market)} == {t.key for t in before}


def test_level_mapping_covers_the_scale():
    assert onet_level_to_depth(0) == Level.MISSING
    assert onet_level_to_depth(2.0) == Level.BASIC  # O*NET's "low" anchor
    assert onet_level_to_depth(4.0) == Level.PROFICIENT  # "medium"
    assert onet_level_to_depth(6.0) == Level.EXPERT  # "high"
    assert onet_level_to_depth(7) == Level.EXPERT
    assert onet_level_to_depth(5.0, not_relevant=True) == Level.MISSING
    with pytest.raises(ValueError):
        onet_level_to_depth(7.5)
    for lower, upper in itertools.pairwise(LV_BANDS):
        assert lower.high == upper.low  # no gaps, no overlaps
    assert next(row[0] for row in mapping_rows()) == "L0 Missing"


def test_level_anchors_explain_the_scale(market):
    anchors = level_anchors(market, "2.A.1.a")
    assert [value for value, _ in anchors] == [2.0, 4.0, 6.0]
    assert anchors[0][1] == "Read step-by-step instructions for completing a form"

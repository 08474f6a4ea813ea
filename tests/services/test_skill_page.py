"""A skill's market page from real imports: the default dataset (O*NET, BLS, ESCO) and a postings
CSV whose contents the test knows (tests/services/market_postings.py). Every figure is checked
against an independent count of what was written, with its n and the small-sample flag."""

from __future__ import annotations

import statistics

import pytest

from careerplanner.core.market import depth_median
from careerplanner.errors import UserError
from careerplanner.services.skill_page import page_lines, skill_page
from careerplanner.store.data_dir import DataDir
from tests.services.market_postings import CIVIL, CLERICAL


@pytest.fixture
def market(postings_home):
    db = DataDir.default().open_market_db()
    yield db
    db.close()


def test_excel_page_counts_what_the_postings_say(market, written_postings):
    page = skill_page(market, "microsoft EXCEL")  # any case
    assert (page.key, page.name) == ("technology:microsoft excel", "Microsoft Excel")
    demand = page.postings
    with_excel = [p for p in written_postings if p.excel]
    without = [p for p in written_postings if not p.excel]
    assert demand.jobs == len(written_postings) == 48
    assert demand.jobs_with_skill == len(with_excel) == 24
    assert demand.figures.demand_rate == pytest.approx(24 / 48)
    assert not demand.small_sample  # 48 postings analysed
    assert demand.depth_small_sample  # but only 24 ask for it
    # required depth: the distribution covers every posting asking for it, median and mean agree
    counts = [level.postings for level in demand.depth]
    assert sum(counts) == 24
    assert demand.figures.depth_median == depth_median(counts)
    mean = sum(level.level * level.postings for level in demand.depth) / 24
    assert demand.figures.depth_mean == pytest.approx(mean)
    assert demand.depth[2].name == "Basic" and demand.depth[2].meaning == "can use it with guidance"
    # pay with and without, both medians with both counts
    f = demand.figures
    assert f.salary_with_median == statistics.median(p.salary for p in with_excel)
    assert f.salary_without_median == statistics.median(p.salary for p in without)
    assert (f.salary_with_n, f.salary_without_n) == (24, 24)
    # where the demand comes from: each role with its own n
    roles = {r.role: r for r in demand.roles}
    assert roles[CIVIL].jobs == 36 and roles[CIVIL].jobs_with_skill == 12
    assert roles[CLERICAL].jobs == 12 and roles[CLERICAL].small_sample
    assert not roles[CIVIL].small_sample
    # must or nice to have: each posting asking for it once; the seniority of those postings
    assert demand.jobs_must + demand.jobs_nice == 24
    expected = {"junior": 0, "experienced (non-manager)": 0}
    for posting in with_excel:
        expected[
            "junior" if posting.seniority == "Entry-Level" else "experienced (non-manager)"
        ] += 1
    assert dict(demand.seniority) == expected == {"junior": 15, "experienced (non-manager)": 9}
    # pairings: Word comes only with Excel (the clerical postings), share and lift from counts
    word = next(p for p in demand.pairings if p.name == "Microsoft Word")
    assert word.together == 12 and word.share == pytest.approx(12 / 24)
    assert word.lift == pytest.approx((12 / 24) / (12 / 48))
    # which dataset version, and O*NET's occupations beside
    assert demand.source.startswith("city-postings")
    assert page.onet.occupations > 800 and page.onet_source == "O*NET 29.2"


def test_the_json_keeps_every_figure_with_its_n(market):
    data = skill_page(market, "Microsoft Excel").as_dict()
    postings = data["postings"]
    assert postings["jobs_analysed"] == 48
    assert postings["demand"]["n"] == 48 and postings["demand"]["postings_with_skill"] == 24
    assert postings["required_depth"]["n"] == 24
    assert postings["required_depth"]["small_sample"] is True
    assert [d["level"] for d in postings["required_depth"]["distribution"]] == [
        f"L{level}" for level in range(6)
    ]
    assert {"with_median", "with_n", "without_median", "without_n"} <= set(postings["pay"])
    assert all(p["n"] == 24 for p in postings["pairings"])
    assert data["levels"]["L3"]["meaning"] == "daily professional use, works independently"
    assert any(line.startswith("Gap rate: not shown") for line in data["not_computed"])


def test_a_skill_no_posting_names_shows_o_net_and_says_why(market):
    page = skill_page(market, "Python")
    assert page.postings is None
    assert page.postings_note.startswith("No posting in city-postings")
    assert page.onet.occupations > 100
    assert "Python" in page_lines(page)[0]


def test_without_postings_the_page_says_how_to_get_them(no_postings_home):
    db = DataDir.default().open_market_db()
    try:
        page = skill_page(db, "Microsoft Excel")
    finally:
        db.close()
    assert page.postings is None and page.as_dict()["postings"] is None
    assert page.postings_note.startswith("No job-postings dataset is installed")


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [("Microsoft Exel", "“Microsoft Excel”"), ("Excel spreadsheets", "“Microsoft Excel”")],
)
def test_an_unknown_skill_is_one_sentence_with_close_names(market, typed, suggested):
    with pytest.raises(UserError) as raised:
        skill_page(market, typed)
    sentence = str(raised.value)
    assert sentence.startswith(f"No skill called “{typed}” in the market data; try ")
    assert suggested in sentence and "\n" not in sentence


def test_a_name_without_its_vendor_finds_the_widely_listed_skill(market):
    # O*NET puts the vendor first; "Excel" is Microsoft Excel, listed far more widely than any
    # other technology whose name ends in "Excel".
    assert skill_page(market, "excel").key == "technology:microsoft excel"

"""What the job-ads tests share: the ads written for them, databases with the default dataset,
and a count of a group's figures made without the service (from `ads parse` predictions)."""

from __future__ import annotations

import statistics
from collections import Counter
from pathlib import Path

import pytest

from careerplanner.services.resume_import import resume_finder
from careerplanner.store.data_dir import DataDir
from tests.conftest import FIXTURES, RESUMES

ADS = FIXTURES / "ads"
AD_FILES = sorted(ADS.iterdir())
JOB_JSON = RESUMES / "jsonresume_sample.job.json"


@pytest.fixture
def dbs(installed_home):
    """(user_db, market_db) of a fresh data folder with the default dataset installed."""
    data_dir = DataDir(installed_home)
    market = data_dir.open_market_db()
    user = data_dir.open_user_db()
    yield user, market
    user.close()
    market.close()


@pytest.fixture(scope="session")
def default_finder(default_market_template):
    """The reader's finder over the default dataset, built once (what `resume_finder` gives)."""
    market = DataDir(default_market_template.parent).open_market_db()
    try:
        return resume_finder(market)
    finally:
        market.close()


def user_rows(db) -> dict[str, list[tuple]]:
    """Every row of every ads table: "nothing stored" means these are unchanged."""
    return {
        table: sorted(db.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
        for table in ("job_ad", "job_ad_requirement", "job_ad_fix", "job_ad_status", "job_ad_tag")
    }


def independent_figures(predictions: list[dict]) -> dict:
    """A group's figures counted straight from `ads parse --json` predictions (one dict per ad:
    its "skills" and its annual "salary" or None), with the standard library only."""
    n = len(predictions)
    must, nice, levels, salaries_with = Counter(), Counter(), {}, {}
    salaries = [p["salary"] for p in predictions if p["salary"] is not None]
    pairs = Counter()
    for prediction in predictions:
        keys = sorted({s["key"] for s in prediction["skills"]})
        for skill in prediction["skills"]:
            (must if skill["required"] == "must" else nice)[skill["key"]] += 1
            levels.setdefault(skill["key"], []).append(skill["level"])
            if prediction["salary"] is not None:
                salaries_with.setdefault(skill["key"], []).append(prediction["salary"])
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                pairs[a, b] += 1
    skills = {}
    for key, found in levels.items():
        with_pay = salaries_with.get(key, [])
        without = list(salaries)
        for value in with_pay:
            without.remove(value)
        skills[key] = {
            "asked": len(found),
            "must": must[key],
            "nice": nice[key],
            "depth_median": float(statistics.median(found)),
            "depth_distribution": [found.count(level) for level in range(6)],
            "pay_with": statistics.median(with_pay) if with_pay else None,
            "pay_without": statistics.median(without) if without else None,
        }
    return {"n": n, "with_salary": len(salaries), "skills": skills, "pairs": pairs}


def check_summary(summary: dict, predictions: list[dict]) -> None:
    """`ads summary --json` agrees with the independent count, figure for figure."""
    expected = independent_figures(predictions)
    assert summary["n"] == expected["n"]
    assert summary["small_sample"] == (expected["n"] < 30)
    assert summary["with_salary"] == expected["with_salary"]
    by_key = {skill["key"]: skill for skill in summary["skills"]}
    assert by_key.keys() == expected["skills"].keys()
    for key, figures in expected["skills"].items():
        got = by_key[key]
        assert got["n"] == expected["n"]
        counts = (got["asked"], got["must"], got["nice"])
        assert counts == (figures["asked"], figures["must"], figures["nice"]), key
        assert got["must_share"] == round(figures["must"] / expected["n"], 4)
        assert got["nice_share"] == round(figures["nice"] / expected["n"], 4)
        assert got["depth_median"] == figures["depth_median"], key
        assert got["depth_distribution"] == figures["depth_distribution"], key
        assert got["pay_with"]["median"] == figures["pay_with"], key
        assert got["pay_without"]["median"] == figures["pay_without"], key
    for pairing in summary["pairings"]:
        a, b = sorted((pairing["key"], pairing["other_key"]))
        assert pairing["together"] == expected["pairs"][a, b]
        assert pairing["share"] == round(
            expected["pairs"][a, b] / by_key[pairing["key"]]["asked"], 4
        )


def copy_ads(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    copies = []
    for path in AD_FILES:
        copy = folder / path.name
        copy.write_bytes(path.read_bytes())
        copies.append(copy)
    return copies

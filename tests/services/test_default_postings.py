"""The bundled postings (the City of New York's): a fresh data folder gets them at once, from
figures precomputed by today's reader, with their attribution and the City's disclaimer."""

from __future__ import annotations

import json
import sqlite3

import pytest

from careerplanner.services.dataset_import import install_bundled_postings, reader_fingerprint
from careerplanner.store.market.datasets import active_dataset, list_datasets
from careerplanner.store.market.postings import postings_roles, postings_skills
from tests.conftest import DATA

# Skills the reader finds only in the City's boilerplate: an agency's introduction ("DEP's
# water supply system is comprised of 19 reservoirs ...") and its application instructions ("Do
# not apply via Employee Self-Service (ESS)").
BOILERPLATE_ONLY = (
    "technology:supply system software",
    "technology:employee self-service software",
)


def postings_part() -> dict:
    parts = json.loads((DATA / "default.json").read_text(encoding="utf-8"))["parts"]
    return next(p for p in parts if p["kind"] == "postings")


def test_the_bundled_figures_are_those_of_todays_reader():
    assert reader_fingerprint(DATA) == postings_part()["reader"], (
        "The requirements reader or its data changed since the bundled postings figures were "
        "computed, so a first start would compute them again (slow). Run "
        "`.venv/bin/python scripts/build_default_postings.py --figures-only`."
    )


def test_a_fresh_data_folder_gets_the_citys_postings(default_market_template):
    db = sqlite3.connect(default_market_template)
    try:
        kind, name, version, active, attribution, licence = db.execute(
            "SELECT kind, name, version, active, attribution, licence FROM dataset "
            "WHERE kind = 'postings'"
        ).fetchone()
    finally:
        db.close()
    assert (kind, name, version, active) == ("postings", "NYC Jobs Postings", "2024-03-04", 1)
    assert "City of New York" in attribution and "Changes by Career Planner" in attribution
    assert "Disclaimer" in attribution and "no warranty" in attribution
    assert "without registration, license or usage restrictions" in licence
    text = (DATA / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert "Jobs NYC Postings" in text and "List of our changes" in text
    assert "Disclaimer of the City of New York" in text


def test_market_figures_for_excel_exist_with_their_n(installed_home, data_dir):
    db = data_dir.open_market_db()
    try:
        dataset = active_dataset(db, "postings")
        everyone = postings_roles(db, dataset.id)[0]
        assert everyone.role == "" and everyone.jobs == 2626
        skills = postings_skills(db, dataset.id)
        excel = next(s for s in skills if s.skill_name == "Microsoft Excel")
        assert excel.jobs == 2626 and excel.jobs_with_skill >= 100
        assert excel.jobs_must + excel.jobs_nice == excel.jobs_with_skill
        assert excel.jobs_nice > excel.jobs_must  # the City names it mostly under Preferred Skills
        assert sum(count for _, count in excel.seniority) == excel.jobs_with_skill
        top30 = [s.skill_key for s in skills[:30]]
        assert not set(BOILERPLATE_ONLY) & set(top30)
        roles = {r.role for r in postings_roles(db, dataset.id)}
        # Roles are jobs ("Civil Engineer"); each category stays a broader role of its own.
        assert "Civil Engineer" in roles
        assert {"All jobs in Social Services", "All jobs in Technology, Data & Innovation"} <= roles
        assert not any(" Social Services" in role.removeprefix("All jobs in ") for role in roles)
    finally:
        db.close()


@pytest.mark.slow
def test_figures_are_computed_from_the_text_when_the_reader_changed(installed_home, data_dir):
    """The text is what a newer reader computes the figures from; with today's reader they
    are the precomputed ones, row for row."""
    db = data_dir.open_market_db()
    try:
        bundled = active_dataset(db, "postings")
        db.execute("UPDATE dataset SET sha256 = 'x' || sha256 WHERE id = ?", [bundled.id])
        stale = {**postings_part(), "reader": "an older reader"}
        computed = install_bundled_postings(db, DATA, stale).dataset
        assert computed.id != bundled.id and computed.active
        assert postings_roles(db, computed.id)[0].jobs == 2626
        assert len([d for d in list_datasets(db) if d.kind == "postings"]) == 2
        if reader_fingerprint(DATA) == postings_part()["reader"]:  # else the test above fails
            assert "x" + computed.sha256 == sha256_of(db, bundled.id)
            assert postings_skills(db, computed.id) == postings_skills(db, bundled.id)
    finally:
        db.close()


def sha256_of(db, dataset_id: int) -> str:
    return db.execute("SELECT sha256 FROM dataset WHERE id = ?", [dataset_id]).fetchone()[0]

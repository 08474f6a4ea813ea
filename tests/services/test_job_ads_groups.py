"""A group of job ads: its market figures checked against an independent count, the gap
against it, and the collection kept through a dataset update, a JSON backup round trip, the
plain copy and the CSV export."""

from __future__ import annotations

import csv
import io
import shutil

import pytest

from careerplanner.errors import UserError
from careerplanner.services import job_ads
from careerplanner.services.ads import parse_ad_file
from careerplanner.services.backup import restore_backup, write_backup
from careerplanner.services.dataset_import import import_path
from careerplanner.services.plain_copy import rebuild_from_plain_copy, write_plain_copy
from careerplanner.services.resume_import import resume_finder
from careerplanner.store.data_dir import DataDir
from careerplanner.store.user.rows import dump_user_tables
from tests.conftest import onet_release
from tests.services.job_ads_data import AD_FILES, JOB_JSON, check_summary, user_rows


@pytest.fixture
def collection(dbs, default_finder):
    """Every ad written for the tests, and the JSON Resume job, tagged "all"; one of them also
    "tech"."""
    user, market = dbs
    report = job_ads.add_ad_files(
        user, market, [*AD_FILES, JOB_JSON], tags=["all"], finder=default_finder
    )
    assert not report.refused, report.refused
    ids = {outcome.source: outcome.ad_id for outcome in report.added}
    job_ads.add_tags(user, [ids["backend-berlin.txt"], ids["devops.txt"]], ["tech"])
    return user, market, ids


def test_a_groups_figures_are_the_count_of_its_ads_predictions(collection, default_finder):
    user, market, ids = collection
    predictions = []
    summary = job_ads.group_summary(user, market, tag="all")
    # pay figures in one currency: the most common (USD: three ads; EUR, GBP and the job file's
    # unstated currency left out; the DevOps ad states no salary)
    assert (summary.currency, summary.other_currency, summary.with_salary) == ("USD", 3, 3)
    ads = {ad.id: ad for ad in job_ads.list_ads(user)}
    for path in [*AD_FILES, JOB_JSON]:
        parsed = parse_ad_file(market, path, finder=default_finder).to_json()
        ad = ads[ids[path.name]]
        salary = ad.salary_annual if ad.salary_currency == "USD" else None
        predictions.append({**parsed, "salary": salary})
    assert summary.n == len(predictions) == 7 and summary.small_sample
    check_summary(summary.as_dict(), predictions)
    # a selection is a group too
    chosen = [ids["backend-berlin.txt"], ids["devops.txt"]]
    assert (
        job_ads.group_summary(user, market, ids=chosen).as_dict()["skills"]
        == (job_ads.group_summary(user, market, tag="tech").as_dict()["skills"])
    )


def test_fixes_count_in_the_group(collection):
    user, market, ids = collection
    before = job_ads.group_summary(user, market, tag="tech")
    docker = before.skill(next(s.skill_key for s in before.skills if s.skill_name == "Docker"))
    assert (docker.asked_n, docker.must_n) == (2, 2)
    job_ads.fix_requirement(user, market, ids["devops.txt"], set=("Docker", 4, "nice"))
    after = job_ads.group_summary(user, market, tag="tech").skill(docker.skill_key)
    assert (after.asked_n, after.must_n, after.nice_n) == (2, 1, 1)
    assert after.depth_distribution == (0, 0, 1, 0, 1, 0)  # L2 in one, L4 (fixed) in the other


def test_a_group_refuses_what_names_no_ads(collection):
    user, market, _ids = collection
    with pytest.raises(UserError, match="No ad is tagged “nope”"):
        job_ads.group_summary(user, market, tag="nope")
    with pytest.raises(UserError, match="There is no ad #999"):
        job_ads.group_summary(user, market, ids=[999])


def test_the_gap_against_a_group_weighs_each_skill_by_its_share_of_ads(collection):
    user, market, _ids = collection
    report = job_ads.group_gap(user, market, tag="tech", what_ifs=[("Docker", 3)])
    rows = {row.skill_name: row for row in report.rows}
    assert rows["Docker"].weight == 1.0  # both ads ask for it
    assert rows["Terraform"].weight == 0.5  # one of two
    assert report.fit == 0.0 and report.code == "ads:tech"
    (change,) = report.what_ifs
    assert change.fit_after > 0
    assert report.as_dict()["requirements"]  # the shape `gap --json` prints


def test_ads_survive_a_dataset_update_and_fixes_follow_a_renamed_skill(dbs, default_finder):
    user, market = dbs
    text = (
        "SharePoint Administrator\n\nRequirements\n"
        "Strong experience with Microsoft Office SharePoint Server MOSS.\n"
        "3+ years of experience with SQL.\nWorking knowledge of PowerShell.\n"
    )
    ad = job_ads.add_ad_text(user, market, text, tags=["sp"], finder=default_finder)
    old = job_ads.get_ad(user, ad.id)
    moss = next(r for r in old.requirements if "MOSS" in r.skill_name)
    job_ads.fix_requirement(user, market, ad.id, set=(moss.skill_name, 4, "nice"))
    assert "29.2" in old.read_with

    import_path(market, onet_release("29.3"))
    # Before reading again: everything is there, read with the older version.
    assert job_ads.ads_to_reread(user, market) == 1
    assert job_ads.get_ad(user, ad.id).requirements  # still listed, still summarised
    assert job_ads.group_summary(user, market, tag="sp").n == 1

    assert job_ads.reread_ads(user, market, finder=resume_finder(market)) == 1
    after = job_ads.get_ad(user, ad.id)
    assert "29.3" in after.read_with and job_ads.ads_to_reread(user, market) == 0
    renamed = next(r for r in after.requirements if "SharePoint Server" in r.skill_name)
    assert renamed.skill_key == "technology:microsoft sharepoint server"
    assert (renamed.level, renamed.required, renamed.fix) == (4, "nice", "changed")
    assert len(after.requirements) == len(old.requirements)


def test_the_json_backup_round_trip_is_exact(collection, tmp_path):
    user, market, ids = collection
    job_ads.set_status(user, ids["nurse-ward.txt"], "applied")
    job_ads.fix_requirement(user, market, ids["devops.txt"], remove="Java")
    job_ads.fix_requirement(user, market, ids["devops.txt"], add=("Bash", 2, "must"))
    before = dump_user_tables(user)
    assert before["job_ad"] and before["job_ad_fix"]
    backup = write_backup(user, tmp_path / "backup.json")

    fresh = DataDir(tmp_path / "other").open_user_db()
    try:
        restore_backup(fresh, backup)
        assert dump_user_tables(fresh) == before
        assert [a.as_dict() for a in job_ads.list_ads(fresh)] == [
            a.as_dict() for a in job_ads.list_ads(user)
        ]
    finally:
        fresh.close()


def test_the_plain_copy_rebuilds_the_ads(collection, installed_home):
    user, _market, _ids = collection
    before = user_rows(user)
    write_plain_copy(user, installed_home)
    user.close()
    (installed_home / "user.db").unlink()
    rebuild_from_plain_copy(installed_home)
    rebuilt = DataDir(installed_home).open_user_db()
    try:
        assert user_rows(rebuilt) == before
    finally:
        rebuilt.close()
    shutil.rmtree(installed_home / "damaged", ignore_errors=True)


def test_the_csv_export_is_safe_to_open_in_a_spreadsheet(dbs, default_finder, tmp_path):
    user, market = dbs
    hostile = '=HYPERLINK("http://x")\n\nRequirements\n3+ years of experience with SQL.\n'
    ad = job_ads.add_ad_text(
        user, market, hostile, company="+Acme", tags=["-tag", "@home"], finder=default_finder
    )
    path = job_ads.export_ads_csv(user, tmp_path / "ads.csv", market)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    (row,) = rows
    assert row["id"] == str(ad.id)
    assert row["title"] == '\'=HYPERLINK("http://x")'
    assert row["company"] == "'+Acme"
    assert row["tags"] == "'-tag; @home"
    assert row["must_have"] == "SQL L3" and row["fit"] == "0%"
    for value in row.values():
        assert not value.startswith(("=", "+", "-", "@"))

"""The job-ads CSV: one row per ad, every cell safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io

from careerplanner.exports.ads_csv import COLUMNS, ads_csv

AD = {
    "id": 7,
    "title": "=cmd|' /C calc'!A0",
    "company": "@Acme",
    "location": "Berlin",
    "seen_on": "2026-12-01",
    "status": "applied",
    "status_at": "2026-12-02T10:00:00Z",
    "tags": ["-urgent", "backend"],
    "fit": 0.625,
    "salary_annual": 77500.0,
    "salary_currency": "EUR",
    "salary_text": "+€70k-€85k",
    "link": "https://jobs.example/7",
    "source": "ad.txt",
}


def test_one_row_per_ad_with_must_and_nice_apart_and_no_formula_runs():
    text = ads_csv([(AD, [("SQL", 3, "must"), ("Kafka", 1, "nice"), ("Java", 4, "must")])])
    (row,) = list(csv.DictReader(io.StringIO(text)))
    assert tuple(row) == COLUMNS
    assert row["title"] == "'=cmd|' /C calc'!A0"
    assert row["company"] == "'@Acme"
    assert row["tags"] == "'-urgent; backend"
    assert row["salary_text"] == "'+€70k-€85k"
    assert (row["fit"], row["salary_annual"], row["salary_currency"]) == ("62%", "77500", "EUR")
    assert (row["must_have"], row["nice_to_have"]) == ("SQL L3; Java L4", "Kafka L1")
    assert text.endswith("\r\n")


def test_an_ad_without_fit_or_salary_leaves_the_cells_empty():
    text = ads_csv([({**AD, "fit": None, "salary_annual": None, "seen_on": None}, [])])
    (row,) = list(csv.DictReader(io.StringIO(text)))
    assert (row["fit"], row["salary_annual"], row["seen_on"], row["must_have"]) == ("", "", "", "")

"""Issue 16, class 10: files whose lines end in CR alone (classic Mac; Excel for Mac's "CSV")
are read like any other, not refused or read as one long line."""

from __future__ import annotations

import zipfile

from careerplanner.importers.datasets.detect import detect
from careerplanner.importers.datasets.onet import read_onet_release
from careerplanner.importers.datasets.postings import read_postings_csv
from careerplanner.importers.datasets.postings_csv import read_header
from careerplanner.importers.tabular import MacLineEnds
from tests.conftest import DATA, FIXTURES

SLICE = FIXTURES / "postings" / "nyc_jobs_postings_slice.csv"


def mac_copy(data: bytes) -> bytes:
    """The bytes as Excel for Mac saves them: every line ended by CR alone."""
    mac = data.replace(b"\r\n", b"\r").replace(b"\n", b"\r")
    assert b"\n" not in mac
    return mac


def test_a_postings_csv_with_cr_line_ends_reads_like_the_original(tmp_path):
    """The City's real postings (47 rows, quoted multi-line descriptions) saved with CR line
    ends: before, "the header … is not one Career Planner recognises"; now the same postings."""
    mac = tmp_path / SLICE.name  # the same name: each posting names its file and line
    mac.write_bytes(mac_copy(SLICE.read_bytes()))
    assert detect(mac).kind == "postings"
    assert read_header(mac) == read_header(SLICE)
    original = list(read_postings_csv(SLICE))
    assert len(original) > 20
    assert list(read_postings_csv(mac)) == original


def test_an_onet_release_with_cr_line_ends_reads_like_the_original(tmp_path):
    folder = tmp_path / "onet"
    folder.mkdir()
    with zipfile.ZipFile(DATA / "onet_29_2_text.zip") as archive:
        for name in ("Occupation Data.txt", "Job Zones.txt", "Read Me.txt"):
            (folder / name).write_bytes(mac_copy(archive.read(f"db_29_2_text/{name}")))
    release = read_onet_release(folder)
    assert release.version == "29.2"
    _columns, occupations = release.tables["onet_occupation"]
    assert len(occupations) == 1016
    assert dict(row[:2] for row in occupations)["15-1252.00"] == "Software Developers"
    assert len(release.tables["onet_job_zone"][1]) == 923


def test_only_a_file_without_any_lf_has_its_cr_read_as_line_ends():
    mac = MacLineEnds()
    assert mac("a,b\rc,d\r") + mac("e,f\r") == "a,b\nc,d\ne,f\n"
    windows = MacLineEnds()
    kept = 'a,b\r\n"one\rtwo",c\r\n'  # a CR inside a quoted field of a CRLF file stays
    assert windows(kept) + windows("x\ry\n") == kept + "x\ry\n"

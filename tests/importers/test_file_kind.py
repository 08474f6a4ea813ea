"""Routing a dropped file to the resume or the dataset import, by name and content."""

from __future__ import annotations

import zipfile

import pytest

from careerplanner.importers.file_kind import FileKind, classify_file
from tests.conftest import shared_path


@pytest.mark.parametrize(
    ("parts", "kind"),
    [
        (("resumes", "files", "sb2nov_sourabh_bajaj_resume.pdf"), FileKind.RESUME),
        (("resumes", "files", "jsonresume_sample.resume.json"), FileKind.RESUME),
        (("data", "onet", "29.2"), FileKind.DATASET),
        (("data", "onet", "29.2", "Technology Skills.txt"), FileKind.DATASET),
        (("data", "onet", "29.3", "db_29_3_text.zip"), FileKind.DATASET),
        (("data", "wages", "oews_national_M2024.csv"), FileKind.DATASET),
        (("data", "postings", "glassdoor_data_science_2020.csv"), FileKind.DATASET),
    ],
)
def test_real_files_are_routed_by_content(parts, kind):
    assert classify_file(shared_path(*parts)) is kind


def test_a_linkedin_export_zip_is_a_resume(tmp_path):
    export = tmp_path / "Basic_LinkedInDataExport.zip"
    with zipfile.ZipFile(export, "w") as archive:
        archive.writestr("Profile.csv", "First Name,Last Name\nAda,Lovelace\n")
        archive.writestr("Positions.csv", "Company Name,Title\nAcme,Engineer\n")
    assert classify_file(export) is FileKind.RESUME


def test_plain_text_resume_and_unknown_files(tmp_path):
    text = tmp_path / "resume.txt"
    text.write_text("Ada Lovelace\nSkills: Python, SQL\n", encoding="utf-8")
    assert classify_file(text) is FileKind.RESUME
    image = tmp_path / "photo.png"
    image.write_bytes(b"\x89PNG")
    assert classify_file(image) is FileKind.UNKNOWN
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 truncated")
    assert classify_file(broken) is FileKind.UNKNOWN

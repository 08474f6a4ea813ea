"""Routing a dropped file to the resume or the dataset import, by name and content."""

from __future__ import annotations

import gzip
import lzma
import zipfile

import pytest

from careerplanner.errors import UserError
from careerplanner.importers.datasets.detect import detect
from careerplanner.importers.file_kind import FileKind, classify_file
from tests.conftest import (
    ESCO_FOLDER,
    FIXTURES,
    RESUMES,
    WAGES_2023,
    WAGES_2024,
    onet_release,
    shared_path,
)
from tests.importers.datasets.onet_slices import make_release_zip

NYC_SLICE = FIXTURES / "postings" / "nyc_jobs_postings_slice.csv"


# Each file is located when its test runs (a missing shared file skips that case only).
@pytest.mark.parametrize(
    ("locate", "kind"),
    [
        (lambda: RESUMES / "sb2nov_sourabh_bajaj_resume.pdf", FileKind.RESUME),
        (lambda: RESUMES / "jsonresume_sample.resume.json", FileKind.RESUME),
        (lambda: onet_release("29.2"), FileKind.DATASET),
        (lambda: onet_release("29.2") / "Technology Skills.txt", FileKind.DATASET),
        (lambda: onet_release("29.3"), FileKind.DATASET),
        (lambda: WAGES_2024, FileKind.DATASET),
        (
            lambda: shared_path("data", "postings", "glassdoor_data_science_2020.csv"),
            FileKind.DATASET,
        ),
    ],
)
def test_real_files_are_routed_by_content(locate, kind):
    assert classify_file(locate()) is kind


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


def test_the_window_routes_to_the_dataset_import_what_that_import_recognises(tmp_path):
    # One detector: every path the dataset import accepts (whatever its name) is a dataset here,
    # and a file it refuses is not sent there.
    pack = tmp_path / "skills.bin"
    with zipfile.ZipFile(pack, "w") as archive:
        archive.writestr("manifest.json", "{}")
    renamed_wages = tmp_path / "wages.txt"
    renamed_wages.write_bytes(WAGES_2023.read_bytes())
    for path in (pack, renamed_wages, ESCO_FOLDER, make_release_zip(tmp_path / "o.zip", "29.3")):
        assert detect(path)
        assert classify_file(path) is FileKind.DATASET, path.name
    mystery = tmp_path / "mystery.csv"
    mystery.write_text("alpha,beta,gamma\n1,2,3\n", encoding="utf-8")
    workbook = tmp_path / "national_M2024_dl.xlsx"
    with zipfile.ZipFile(workbook, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    for path in (mystery, workbook, tmp_path / "missing.csv"):
        with pytest.raises(UserError):
            detect(path)
        assert classify_file(path) is FileKind.UNKNOWN, path.name


def test_any_linkedin_export_member_marks_a_resume(tmp_path):
    # The same member names the resume reader accepts as a LinkedIn export.
    export = tmp_path / "export.zip"
    with zipfile.ZipFile(export, "w") as archive:
        archive.writestr("Education.csv", "School Name,Degree Name\nMIT,BSc\n")
    assert classify_file(export) is FileKind.RESUME


@pytest.mark.parametrize("suffix", [".csv.xz", ".csv.gz"])
def test_a_compressed_postings_csv_dropped_on_the_window_is_a_dataset(tmp_path, suffix):
    # The City's postings as a user may keep them: compressed, as the bundled copy is.
    compress = lzma.compress if suffix.endswith(".xz") else gzip.compress
    path = tmp_path / f"nyc_jobs{suffix}"
    path.write_bytes(compress(NYC_SLICE.read_bytes()))
    assert detect(path).kind == "postings"
    assert classify_file(path) is FileKind.DATASET
    # A compressed file whose content is no dataset stays unknown.
    other = tmp_path / f"notes{suffix}"
    other.write_bytes(compress(b"just some notes\nnothing tabular\n"))
    assert classify_file(other) is FileKind.UNKNOWN

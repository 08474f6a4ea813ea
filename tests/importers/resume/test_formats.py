"""DOCX, LinkedIn export, TXT/Markdown, and every kind of bad input: one clear sentence each."""

from __future__ import annotations

import io
import zipfile

import pytest

from careerplanner.errors import UserError
from careerplanner.importers.resume.formats import read_resume
from careerplanner.importers.resume.parse import parse_resume
from careerplanner.importers.resume.pdf_reader import PdfWorker
from tests.conftest import RESUMES
from tests.importers.resume.conftest import make_cid_pdf, make_pdf


def make_docx(path, paragraphs):
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Tools"
    table.rows[0].cells[1].text = "Terraform, Ansible"
    document.save(path)


def test_docx_resume(tmp_path, finder, worker):
    path = tmp_path / "cv.docx"
    make_docx(
        path,
        [
            "Ada Lovelace",
            "Experience",
            "Backend Engineer | Acme",
            "Jan 2019 - Present",
            "• Led the migration to Kubernetes and Go services",
            "Skills",
            "Python, PostgreSQL, Docker",
        ],
    )
    resume = parse_resume(path, finder, worker=worker)
    assert resume.format == "docx"
    [job] = resume.positions
    assert job.title == "Backend Engineer" and job.employer == "Acme" and job.current
    skills = {s.name: s.level for s in resume.skills}
    assert skills["Kubernetes"] == 4 and skills["Go"] == 4
    assert {"Python", "PostgreSQL", "Docker", "Terraform", "Ansible"} <= set(skills)


def linkedin_zip(path, with_skills=True):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "Profile.csv",
            "\ufeffFirst Name,Last Name,Headline,Summary\nGrace,Hopper,Engineer,Compiler pioneer\n",
        )
        archive.writestr(
            "Positions.csv",
            "Notes:\nThis file lists your positions\n\n"
            "Company Name,Title,Description,Location,Started On,Finished On\n"
            "Navy,Senior Engineer,Built COBOL compilers and mentored teams,,"
            "Jan 2010,Dec 2016\n",
        )
        if with_skills:
            archive.writestr("Skills.csv", "\ufeffName\nCOBOL\nFORTRAN\nTeam Leadership\n")
        archive.writestr(
            "Certifications.csv",
            "Name,Url,Authority,Started On,Finished On\nAWS Certified Developer,,Amazon,,\n",
        )


def test_linkedin_export_with_preamble_and_bom(tmp_path, finder, worker):
    path = tmp_path / "Basic_LinkedInDataExport.zip"
    linkedin_zip(path)
    resume = parse_resume(path, finder, worker=worker)
    assert resume.format == "linkedin"
    [job] = resume.positions
    assert (job.title, job.employer) == ("Senior Engineer", "Navy")
    skills = {s.name: s for s in resume.skills}
    assert skills["COBOL"].level == 4  # mentored, six years
    assert "Fortran" in skills or "FORTRAN" in skills


def test_linkedin_export_with_no_records(tmp_path):
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Skills.csv", "Notes:\nnothing here\n")
    with pytest.raises(UserError, match="0 records"):
        read_resume(path)


def test_text_and_markdown(tmp_path, finder, worker):
    path = tmp_path / "cv.md"
    path.write_text("# Jo\n## Skills\n- Rust, Go, Kubernetes\n", encoding="utf-8")
    names = {s.name for s in parse_resume(path, finder, worker=worker).skills}
    assert {"Rust", "Go", "Kubernetes"} <= names


def test_unknown_items_of_a_skills_list_are_kept_and_marked(tmp_path, finder, worker):
    path = tmp_path / "cv.txt"
    path.write_text("Skills\nPython, Zorblax Engine, XXX\n", encoding="utf-8")
    skills = {s.name: s for s in parse_resume(path, finder, worker=worker).skills}
    assert skills["Python"].in_taxonomy
    assert skills["Zorblax Engine"].in_taxonomy is False
    assert "XXX" not in skills


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("cv.pdf", b"", "is empty"),
        ("cv.pdf", b"just some text pretending", "is named .pdf but is plain text"),
        (
            "cv.docx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
            "is named .docx but is an old Word",
        ),
        ("cv.json", b'{"basics": ', "is not valid JSON"),
        ("cv.json", b"[" * 5000 + b"]" * 5000, "is not valid JSON|nested|JSON Resume"),
        ("cv.zip", b"PK\x03\x04garbage", "damaged ZIP"),
        ("cv.bin", b"\x00\x01\x02\x03" * 100, "not a resume format"),
    ],
)
def test_bad_files_get_one_sentence(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UserError, match=message):
        read_resume(path)


def test_bad_pdfs_get_one_sentence(tmp_path, worker):
    cases = {
        "locked.pdf": (make_pdf(["Secret"], encrypt=True), "password-protected"),
        "scan.pdf": (make_pdf([], draw_only=True), "no text layer"),
        "cid.pdf": (make_cid_pdf(), r"\(cid:N\) codes"),
    }
    real = (RESUMES / "sb2nov_sourabh_bajaj_resume.pdf").read_bytes()
    cases["cut.pdf"] = (real[: len(real) // 2], "truncated")
    for name, (data, message) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(UserError, match=message):
            read_resume(path, worker=worker)


def test_a_readable_handmade_pdf(tmp_path, finder, worker):
    path = tmp_path / "plain.pdf"
    path.write_bytes(make_pdf(["Skills", "Python, Docker, Kubernetes, Terraform"]))
    names = {s.name for s in parse_resume(path, finder, worker=worker).skills}
    assert {"Python", "Docker", "Kubernetes", "Terraform"} <= names


def test_huge_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.pdf"
    with open(path, "wb") as handle:
        handle.write(b"%PDF-1.4\n")
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(UserError, match="too large for a resume"):
        read_resume(path)


def test_a_pdf_that_takes_too_long_is_abandoned(tmp_path):
    slow = PdfWorker(time_limit=0.01)
    try:
        path = RESUMES / "awesome-cv_resume.pdf"
        with pytest.raises(UserError, match="took longer than"):
            read_resume(path, worker=slow)
    finally:
        slow.close()


def test_a_pdf_reader_that_runs_out_of_memory_gives_a_sentence():
    starved = PdfWorker(memory_limit=40 * 1024 * 1024)
    try:
        path = RESUMES / "awesome-cv_resume.pdf"
        with pytest.raises(UserError, match="memory"):
            read_resume(path, worker=starved)
    finally:
        starved.close()


def test_docx_entity_bomb_is_refused_before_parsing(tmp_path):
    path = tmp_path / "bomb.docx"
    make_docx(path, ["Hello"])
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(
                    b"?>", b'?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>', 1
                )
            target.writestr(item, data)
    path.write_bytes(buffer.getvalue())
    with pytest.raises(UserError, match="entity definitions"):
        read_resume(path)


def test_a_resume_without_known_headings_still_yields_skills(tmp_path, finder, worker):
    path = tmp_path / "cv.txt"
    lines = ["Sam Poe", "Engineer", "sam@example.com", "Berlin", "", "What I do", "Things", ""]
    lines += ["I build data pipelines with Apache Airflow and dbt.", "I deploy them on Kubernetes."]
    path.write_text("\n".join(lines), encoding="utf-8")
    names = {s.name for s in parse_resume(path, finder, worker=worker).skills}
    assert {"Apache Airflow", "dbt", "Kubernetes"} <= names

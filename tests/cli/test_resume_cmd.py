"""`careerplanner resume ...` end to end: parse, import, skills, override."""

from __future__ import annotations

import json

import pytest

from careerplanner.cli import main
from tests.conftest import RESUMES


@pytest.fixture
def resume_file(tmp_path):
    path = tmp_path / "cv.txt"
    path.write_text(
        "Ada Lovelace\nExperience\nBackend Engineer | Acme\nJan 2019 - Present\n"
        "• Led the move to Kubernetes\nSkills\nPython, PostgreSQL, Go\n",
        encoding="utf-8",
    )
    return path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_json_prints_skills_sections_and_positions(data_home, capsys, resume_file):
    code, out, _ = run(capsys, "resume", "parse", str(resume_file), "--json")
    assert code == 0
    data = json.loads(out)
    skills = {s["name"]: s for s in data["skills"]}
    assert skills["Kubernetes"]["depth"] == 4 and skills["Kubernetes"]["evidence"]
    assert {"Python", "PostgreSQL", "Go"} <= set(skills)
    assert data["positions"][0]["employer"] == "Acme"
    assert [s["kind"] for s in data["sections"]][-2:] == ["experience", "skills"]
    assert not (data_home / "user.db").exists()  # parse stores nothing


def test_import_skills_and_override(data_home, capsys, resume_file):
    assert run(capsys, "resume", "import", str(resume_file))[0] == 0
    code, out, _ = run(capsys, "resume", "import", str(resume_file))
    assert code == 0 and "already imported" in out
    code, out, _ = run(capsys, "resume", "override", "python", "L4", "--reason", "5 years")
    assert code == 0 and "L4" in out
    code, out, _ = run(capsys, "resume", "skills", "--json")
    python = next(s for s in json.loads(out) if s["name"] == "Python")
    assert (python["level"], python["override_reason"]) == (4, "5 years")


def test_a_bad_file_is_one_sentence_and_nothing_is_stored(data_home, capsys, tmp_path):
    path = tmp_path / "cv.pdf"
    path.write_bytes(b"")
    code, _, err = run(capsys, "resume", "import", str(path))
    assert code == 1 and err.strip() == "cv.pdf is empty."
    assert not (data_home / "user.db").exists()


def test_parse_a_real_pdf(data_home, capsys):
    pdf = RESUMES / "sb2nov_sourabh_bajaj_resume.pdf"
    code, out, _ = run(capsys, "resume", "parse", str(pdf), "--json")
    assert code == 0
    names = {s["name"] for s in json.loads(out)["skills"]}
    assert {"Python", "Apache Hadoop"} <= names

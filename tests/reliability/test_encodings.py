"""Issue 16, class 8: a resume's text encoding is decided by its byte-order mark, then strict
UTF-8, then a real detector (charset-normalizer), never by its byte count; and a resume in which
no skill is found is reported as a problem, with the user's data unchanged."""

from __future__ import annotations

import codecs

import pytest

from careerplanner.importers.resume.formats import read_resume
from tests.reliability.conftest import copy_home, run_cli, user_state

GERMAN = """Jürgen Müller
Erfahrung
Softwareentwickler, Müller & Söhne GmbH, München
2018 - heute
- Entwicklung von Anwendungen mit Python, Java und PostgreSQL
- Einführung von Docker und Kubernetes für größere Systeme
Ausbildung
Technische Universität München, Informatik
Fähigkeiten: Python, Java, SQL, Linux, Git
"""

FRENCH = (
    "Experience\nIngénieur logiciel, Société Générale — Paris\n2019 – Present\n"
    "• Python, SQL, Docker and Kubernetes every day; “résumé” naïve café\n"
    "Skills: Python, Java, PostgreSQL\n"
)


def _even(data: bytes) -> bytes:
    """An even byte count: the length that made the old reader take it for UTF-16."""
    return data if len(data) % 2 == 0 else data + b"\n"


@pytest.mark.parametrize("text", [GERMAN, FRENCH], ids=["german", "french"])
@pytest.mark.parametrize(
    "encode",
    [
        lambda t: _even(t.encode("cp1252")),
        lambda t: _even(t.encode("utf-8")),
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),  # with its byte-order mark
        lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    ],
    ids=["cp1252-even", "utf8-even", "utf8-bom", "utf16-bom", "utf16be-bom"],
)
def test_each_encoding_reads_back_the_same_text(tmp_path, text, encode):
    path = tmp_path / "cv.txt"
    path.write_bytes(encode(text))
    assert read_resume(path).text.strip() == text.strip()


def test_a_latin1_resume_reads_right(tmp_path):
    path = tmp_path / "cv.txt"
    path.write_bytes(_even(GERMAN.encode("latin-1")))
    assert read_resume(path).text.strip() == GERMAN.strip()


def test_a_windows_1252_resume_of_even_length_imports_its_skills(dataset_home, tmp_path):
    home = copy_home(dataset_home, tmp_path / "home")
    path = tmp_path / "cv.txt"
    path.write_bytes(_even(FRENCH.encode("cp1252")))
    result = run_cli(home, "resume", "import", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Imported cv.txt: ")
    assert "Imported cv.txt: 0 new skills" not in result.stdout
    skills = run_cli(home, "resume", "skills")
    assert "Python" in skills.stdout and "Kubernetes" in skills.stdout


def test_a_resume_with_no_skill_found_is_a_problem_and_changes_nothing(dataset_home, tmp_path):
    home = copy_home(dataset_home, tmp_path / "home")
    before = user_state(home / "user.db")
    path = tmp_path / "letter.txt"
    path.write_text("Dear neighbour,\nthe garden party is on Sunday at four.\nBest wishes\n")
    result = run_cli(home, "resume", "import", str(path))
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "No skills were found in letter.txt, so nothing was imported; check that it is your "
        "resume with its skills written out, or add them by hand (the Profile screen, or "
        "`careerplanner resume skill add`)."
    )
    assert user_state(home / "user.db") == before

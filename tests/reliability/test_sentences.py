"""Issue 16, class 10: cases someone can meet get a sentence, never "Something went wrong
(…)"; and escape sequences in data are shown, never obeyed by the terminal."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import docx
import pytest

from careerplanner.errors import UserError
from careerplanner.importers.resume.formats import read_resume
from careerplanner.importers.tabular import decode_text, header_of
from tests.reliability.conftest import run_cli, tmpfs

GENERIC = "Something went wrong"


def _damaged_docx(tmp_path: Path) -> Path:
    good = tmp_path / "good.docx"
    document = docx.Document()
    document.add_paragraph("Engineer at Acme, 2020 - Present. Python and SQL.")
    document.save(good)
    data = bytearray(good.read_bytes())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    data[info.header_offset + 30 + len(info.filename) + len(info.extra) + 10] ^= 0xFF
    path = tmp_path / "cv.docx"
    path.write_bytes(bytes(data))
    return path


def test_a_damaged_docx_is_a_sentence(tmp_path):
    with pytest.raises(UserError) as refused:
        read_resume(_damaged_docx(tmp_path))
    assert str(refused.value) == (
        "cv.docx is damaged (a part of it does not unpack or fails its checksum, as after a "
        "broken download); download or export it again."
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("cv.txt", "Experience\nEngineer, Acme\n0000-01 - 0000-05\n- Python and SQL\n"),
        (
            "cv.json",
            json.dumps(
                {
                    "work": [{"name": "Acme", "position": "Engineer", "startDate": "0000-01-01"}],
                    "skills": [{"name": "Python"}],
                }
            ),
        ),
        ("cv.json", '{"basics": {"name": "\\ud800"}, "skills": [{"name": "Python"}]}'),
    ],
    ids=["year-0000-txt", "year-0000-json", "lone-surrogate"],
)
def test_odd_values_in_resumes_read_or_get_a_sentence(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    raw = read_resume(path)
    raw.text.encode("utf-8")  # storable text: no lone surrogate left


def test_a_number_of_100000_digits_is_a_sentence(tmp_path):
    path = tmp_path / "cv.json"
    path.write_text('{"basics": {"name": "A"}, "x": ' + "9" * 100_000 + "}")
    with pytest.raises(UserError, match=r"cv.json is not a JSON Resume .* a number far too long"):
        read_resume(path)


def test_cr_only_line_endings_read_as_lines():
    data = b"O*NET-SOC Code\tTitle\tDescription\r15-1252.00\tSoftware Developers\tCode.\r"
    assert decode_text(data, "x.txt").splitlines()[1].startswith("15-1252.00")
    assert header_of(data, "x.txt") == ("O*NET-SOC Code", "Title", "Description")


def test_user_db_being_a_folder_is_a_sentence(tmp_path):
    home = tmp_path / "home"
    (home / "user.db").mkdir(parents=True)
    result = run_cli(home, "roadmap", "list")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"{home / 'user.db'} is a folder, but Career Planner keeps its data in a file of that "
        "name; move it elsewhere or rename it, then start again. Nothing was changed."
    )


def test_an_id_above_2_to_the_63_is_a_sentence(tmp_path):
    result = run_cli(tmp_path / "home", "roadmap", "remove", str(2**64))
    assert result.returncode == 1
    assert GENERIC not in result.stderr
    assert "too large" in result.stderr


def test_escape_sequences_in_data_are_shown_not_obeyed(tmp_path):
    home = tmp_path / "home"
    name = "\x1b]0;owned\x07Rust\x1b[2J"
    assert run_cli(home, "roadmap", "add", name, "--level", "2").returncode == 0
    listed = run_cli(home, "roadmap", "list")
    assert listed.returncode == 0
    assert "\x1b" not in listed.stdout and "\x07" not in listed.stdout
    assert "\\x1b]0;owned\\x07Rust" in listed.stdout


def test_a_full_disk_is_not_called_already_running(tmp_path):
    with tmpfs(tmp_path / "disk", "256k") as mount:
        home = mount / "home"
        home.mkdir(mode=0o700)
        fd = os.open(mount / "filler", os.O_CREAT | os.O_WRONLY, 0o600)
        try:
            while os.write(fd, b"\0" * 4096):
                pass
        except OSError:
            pass  # the disk is full
        finally:
            os.close(fd)
        result = run_cli(home, "--smoke")
        assert result.returncode == 1
        assert "already running" not in result.stderr
        assert result.stderr.strip() == (
            f"Career Planner can't create its lock file in {home} (the disk may be full or "
            "read-only); free some space or make the folder writable, then start again."
        )

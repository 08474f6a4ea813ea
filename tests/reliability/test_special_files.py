"""Issue 16, class 5: only regular files are read, with the size cap enforced while reading.

A resume that is a symbolic link to /dev/zero has a size of 0 and never ends; a FIFO blocks the
open and the read forever. Each command refuses them with a sentence, quickly, and reads nothing.
The children run with a 2 GB address-space limit so that a regression fails here instead of
eating the machine.
"""

from __future__ import annotations

import os
import resource
import subprocess

import pytest

from careerplanner.core.regular_file import read_capped
from careerplanner.errors import UserError
from careerplanner.exports.backup_json import read_backup_file
from careerplanner.importers.datasets.detect import detect
from careerplanner.importers.resume.formats import read_resume
from tests.reliability.conftest import cli_command

PROFILE_LIMIT = 2 * 1024**3


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (PROFILE_LIMIT, PROFILE_LIMIT))


def run_limited(home, *args):
    argv, env = cli_command(home, *args)
    return subprocess.run(
        argv, env=env, capture_output=True, text=True, timeout=60, preexec_fn=_limited
    )


def _special(tmp_path, kind: str, name: str):
    path = tmp_path / name
    if kind == "zero":
        path.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/null")
    return path


SPECIAL = [("zero", "a device"), ("fifo", "a named pipe (FIFO)"), ("null", "a device")]


def _sentence(name: str, what: str) -> str:
    return (
        f"{name} is {what}, not a regular file, so it was not read; choose the file itself "
        "(a symbolic link is fine when it points to a regular file)."
    )


@pytest.mark.parametrize(("kind", "what"), SPECIAL)
@pytest.mark.parametrize("reader", ["resume", "backup", "dataset"])
def test_every_reader_refuses_special_files(tmp_path, reader, kind, what):
    name = {"resume": "cv.pdf", "backup": "backup.json", "dataset": "Skills.txt"}[reader]
    special = _special(tmp_path, kind, name)
    read = {"resume": read_resume, "backup": read_backup_file, "dataset": detect}[reader]
    with pytest.raises(UserError) as refused:
        read(special)
    assert str(refused.value) == _sentence(name, what)


@pytest.mark.parametrize(
    ("command", "name", "kind", "what"),
    [
        (("resume", "import"), "cv.pdf", "zero", "a device"),
        (("resume", "import"), "cv.txt", "fifo", "a named pipe (FIFO)"),
        (("roadmap", "import"), "backup.json", "fifo", "a named pipe (FIFO)"),
        (("dataset", "import"), "Skills.txt", "zero", "a device"),
    ],
)
def test_commands_refuse_special_files_with_a_sentence(tmp_path, command, name, kind, what):
    special = _special(tmp_path, kind, name)
    result = run_limited(tmp_path / "home", *command, str(special))
    assert result.returncode == 1, result.stderr
    assert result.stderr.strip() == _sentence(name, what)


def test_the_cap_holds_while_reading_whatever_the_size_said(tmp_path):
    grows = tmp_path / "cv.txt"
    grows.write_bytes(b"x" * 2048)
    with pytest.raises(UserError, match="too large"):
        read_capped(grows, 1024, "cv.txt is too large")
    assert read_capped(grows, 2048, "never") == b"x" * 2048


@pytest.mark.parametrize("kind", ["zero", "fifo"])
def test_a_dataset_folder_holding_a_special_file_is_refused(tmp_path, kind):
    folder = tmp_path / "onet"
    folder.mkdir()
    (folder / "Occupation Data.txt").write_text(
        "O*NET-SOC Code\tTitle\tDescription\n15-1252.00\tSoftware Developers\tWrite code.\n"
    )
    _special(folder, kind, "Skills.txt")
    with pytest.raises(UserError) as refused:
        detect(folder)
    assert str(refused.value).startswith("onet holds Skills.txt, which is ")
    assert "not a regular file, so it was not read" in str(refused.value)


def test_a_link_to_a_regular_resume_still_reads(tmp_path):
    text = tmp_path / "real.txt"
    text.write_text("Experience\nEngineer, Acme\n2020 - Present\n- Python, SQL and Docker daily\n")
    link = tmp_path / "cv.txt"
    link.symlink_to(text)
    assert "Python, SQL" in read_resume(link).text

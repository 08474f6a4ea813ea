"""The finder may load while the file is read; the result is the same, and a bad file's own
error is the one reported."""

from __future__ import annotations

from datetime import date

import pytest

from careerplanner.errors import UserError
from careerplanner.importers.resume.parse import parse_resume
from tests.conftest import FIXTURES


def _resume():
    return next(p for p in sorted((FIXTURES / "resumes").iterdir()) if p.suffix == ".pdf")


def test_a_finder_loaded_alongside_gives_the_same_skills(finder, worker):
    path = _resume()
    direct = parse_resume(path, finder, worker=worker, today=date(2026, 2, 10))
    loaded = parse_resume(path, lambda: finder, worker=worker, today=date(2026, 2, 10))
    assert [(s.name, s.level) for s in loaded.skills] == [(s.name, s.level) for s in direct.skills]
    assert direct.skills


def test_a_damaged_file_reports_itself_while_the_finder_loads(tmp_path, finder, worker):
    broken = tmp_path / "resume.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog")

    def failing_finder():
        raise RuntimeError("the finder's error must not hide the file's")

    with pytest.raises(UserError):
        parse_resume(broken, failing_finder, worker=worker)

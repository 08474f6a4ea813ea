"""Issue 13: the command line has the PDF worker read the file it was given while the rest
loads. The text a command gets must be that of the file it asks for, read ahead or not."""

from __future__ import annotations

import time

from careerplanner.importers.resume.pdf_reader import PdfWorker
from tests.importers.resume.conftest import make_pdf


def _pdf(tmp_path, name: str, lines: list[str]):
    path = tmp_path / name
    path.write_bytes(make_pdf(lines))
    return path


def test_a_file_read_ahead_gives_the_same_text_as_one_read_when_asked(tmp_path):
    path = _pdf(tmp_path, "cv.pdf", ["Skills", "Python, Docker, Terraform"])
    worker = PdfWorker(time_limit=30)
    try:
        asked = worker.extract(path)
        worker.read_ahead(path)
        assert worker.extract(path) == asked
        assert "Terraform" in asked[0]
    finally:
        worker.close()


def test_asking_for_another_file_than_the_one_read_ahead_gives_the_file_asked_for(tmp_path):
    ahead = _pdf(tmp_path, "first.pdf", ["Skills", "Kubernetes"])
    other = _pdf(tmp_path, "second.pdf", ["Skills", "Tableau"])
    worker = PdfWorker(time_limit=30)
    try:
        worker.start()
        worker.read_ahead(ahead)
        text, _pages = worker.extract(other)
        assert "Tableau" in text and "Kubernetes" not in text
        assert "Kubernetes" in worker.extract(ahead)[0]  # the worker still serves
    finally:
        worker.close()


def test_a_file_read_ahead_but_never_asked_for_does_not_hold_up_closing(tmp_path):
    path = _pdf(tmp_path, "cv.pdf", ["Skills", "Python"])
    worker = PdfWorker(time_limit=30)
    worker.start()
    worker.read_ahead(path)
    started = time.monotonic()
    worker.close()
    assert time.monotonic() - started < 2  # the polite close waits up to 2 s; this kills


def test_a_file_changed_after_it_was_read_ahead_is_read_again(tmp_path):
    path = _pdf(tmp_path, "cv.pdf", ["Skills", "Kubernetes"])
    worker = PdfWorker(time_limit=30)
    try:
        worker.start()
        worker.read_ahead(path)
        time.sleep(0.01)
        path.write_bytes(make_pdf(["Skills", "Tableau, Excel"]))
        text, _pages = worker.extract(path)
        assert "Tableau" in text and "Kubernetes" not in text
    finally:
        worker.close()

"""pdfminer's warnings come back from the PDF worker once per distinct message, with a count."""

from __future__ import annotations

import logging

from tests.conftest import RESUMES


def test_the_worker_sends_pdfminers_warnings_back_collapsed(worker, caplog):
    caplog.set_level(logging.WARNING)
    text, _pages = worker.extract(RESUMES / "resume-matcher_single-column.pdf")
    assert text
    font = [r for r in caplog.records if "Could not get FontBBox" in r.getMessage()]
    assert len(font) == 1 and font[0].name.startswith("pdfminer")
    assert font[0].getMessage().endswith("(resume-matcher_single-column.pdf, 25 times)")
    caplog.clear()
    worker.extract(RESUMES / "altacv_sample.pdf")  # the next file starts with none
    assert not [r for r in caplog.records if r.name.startswith("pdfminer")]

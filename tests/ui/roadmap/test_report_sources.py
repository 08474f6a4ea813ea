"""The PDF report names the datasets in use, their attribution, and says what is an estimate."""

from __future__ import annotations

from datetime import date
from io import BytesIO

from pdfminer.high_level import extract_text

from careerplanner.exports.pdf_report import report_pdf_bytes
from careerplanner.services.export_snapshot import load_snapshot_with_dataset


def test_the_report_names_the_active_datasets_and_the_estimate_caveat(market_home, ctx_factory):
    ctx = ctx_factory()
    snapshot = load_snapshot_with_dataset(ctx.user_db, ctx.market_db, date(2026, 12, 7))
    text = " ".join(extract_text(BytesIO(report_pdf_bytes(snapshot))).split())
    assert "O*NET 29.2" in text
    assert "USDOL/ETA" in text and "CC BY 4.0" in text  # the licence's attribution
    assert "Bureau of Labor Statistics" in text
    assert "estimates" in text

"""The Job ads screen's dialogs, filled in as a user would (the screen's tests replace them)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QGuiApplication

from careerplanner.ui.ads.dialogs import AddAdDialog, AdInput, split_tags


def test_add_ad_starts_from_the_clipboard_and_returns_what_was_typed(qapp):
    QGuiApplication.clipboard().setText("Data Analyst\n\nAdvanced SQL required.")
    dialog = AddAdDialog()
    assert dialog.text.toPlainText() == "Data Analyst\n\nAdvanced SQL required."
    assert not dialog.problem.isVisibleTo(dialog)
    dialog.title.setText("  Data Analyst ")
    dialog.company.setText("Northwind")
    dialog.link.setText("https://example.org/jobs/1")
    dialog.salary.setText("$70,000 a year")
    dialog.tags.setText("data, spring 2027, , Data")
    dialog.seen.enabled.setChecked(True)
    dialog.seen.edit.setDate(QDate(2026, 11, 30))
    assert dialog.value() == AdInput(
        "Data Analyst\n\nAdvanced SQL required.",
        title="Data Analyst",
        company="Northwind",
        link="https://example.org/jobs/1",
        salary="$70,000 a year",
        seen=date(2026, 11, 30),
        tags=("data", "spring 2027"),
    )


def test_add_ad_opens_again_with_what_was_typed_and_why_it_was_refused(qapp):
    QGuiApplication.clipboard().setText("something else")
    typed = AdInput("   ", title="<b>not html</b>")
    dialog = AddAdDialog(None, typed, "The pasted text is empty; paste the ad's text.")
    assert dialog.text.toPlainText() == "   "  # the clipboard does not replace it
    assert dialog.title.text() == "<b>not html</b>"
    assert dialog.problem.isVisibleTo(dialog)
    assert dialog.problem.text() == "The pasted text is empty; paste the ad's text."


def test_tags_are_split_on_commas_once_each():
    assert split_tags(" backend-berlin ,spring  2027,,Backend-Berlin") == (
        "backend-berlin",
        "spring 2027",
    )

"""The Job ads screen driven as a user would: paste an ad, drop a folder of ads, filter by tag,
open an ad (its requirements marked in its text), fix a requirement and see the fit follow; on a
real market database (a slice of O*NET 29.2) in a private data folder."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence
from PySide6.QtWidgets import QPushButton

from careerplanner.services import job_ads
from careerplanner.services.skill_fixes import add_missed_skill
from careerplanner.ui.ads import dialogs as ad_dialogs
from careerplanner.ui.ads.dialogs import AdInput, RequirementInput
from careerplanner.ui.ads.highlight import marked_spans
from careerplanner.ui.common import dialogs

BACKEND_AD = """Backend Engineer

Acme Logistics is hiring a backend engineer in Berlin.

Requirements:
- 5+ years of experience with Python
- Strong SQL skills and experience with PostgreSQL
- Experience with Git

Nice to have:
- Familiarity with Kubernetes
"""

DATA_AD = """Data Analyst

Northwind Traders is looking for a data analyst.

Requirements:
- Advanced SQL
- Experience with Tableau and Microsoft Excel
"""


@pytest.fixture
def ads_window(market_home, window):
    window.show_screen("ads")
    return window


def test_add_job_ad_is_ctrl_shift_v_and_opens_the_screen(ads_window):
    assert ads_window.add_job_ad_action.shortcut() == QKeySequence("Ctrl+Shift+V")
    ads_window.show_screen("start")
    assert ads_window.ads_screen() is ads_window.screen_widget("ads")
    assert ads_window.current_screen() == "ads"


def _paste(monkeypatch, qtbot, window, ad: AdInput):
    """Ctrl+Shift+V with the dialog answered by `ad`; returns the screen once the ad is read."""
    view = window.screen_widget("ads")
    answers = iter([ad])
    monkeypatch.setattr(ad_dialogs, "ask_job_ad", lambda *_a, **_k: next(answers, None))
    with qtbot.waitSignal(view.ads_added, timeout=60_000):
        window.add_job_ad_action.trigger()
    return view


def _drop(window, path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    window.dropEvent(
        QDropEvent(
            QPointF(50, 50),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
    )


def _wait_fit(qtbot, view):
    view.ctx.runner.wait_for_done()
    qtbot.waitUntil(lambda: view.fit_panel.fit is not None, timeout=30_000)
    return view.fit_panel.fit


def test_a_pasted_ad_shows_in_the_table_with_its_requirements_marked(
    ads_window, qtbot, monkeypatch
):
    view = _paste(
        monkeypatch,
        qtbot,
        ads_window,
        AdInput(BACKEND_AD, title="Backend Engineer", company="Acme", tags=("backend",)),
    )
    assert view.model.rowCount() == 1
    ad = view.model.row_at(0)
    assert (ad.title, ad.company, ad.tags) == ("Backend Engineer", "Acme", ("backend",))
    # The ad opens: its text as plain text, each requirement marked, the requirements listed.
    panel = view.ad_panel
    assert panel.text.toPlainText() == panel.detail.text == BACKEND_AD.strip()
    names = {r.skill_name for r in panel.requirement_model.rows()}
    assert any("Python" in name for name in names)
    marked = marked_spans(panel.text)
    assert ("Python", "must") in marked
    assert any(kind == "nice" for _text, kind in marked) == any(
        r.required == "nice" for r in panel.requirement_model.rows()
    )


def test_ad_text_is_never_read_as_html(ads_window, qtbot, monkeypatch):
    text = BACKEND_AD + '\n<img src="/dev/zero"> <b>bold</b> &amp;\n'
    view = _paste(monkeypatch, qtbot, ads_window, AdInput(text, title="<b>Title</b>"))
    assert view.ad_panel.text.toPlainText() == text.strip()
    assert view.ad_panel.heading.text().endswith("<b>Title</b>")


def test_bad_input_shows_the_sentence_and_adds_nothing(ads_window, qtbot, monkeypatch):
    view = ads_window.screen_widget("ads")
    asked: list[str] = []

    def ask(_parent, initial=None, problem=""):
        asked.append(problem)
        return AdInput("   \n  ") if len(asked) == 1 else None

    monkeypatch.setattr(ad_dialogs, "ask_job_ad", ask)
    with qtbot.waitSignal(view.add_failed, timeout=30_000) as failed:
        ads_window.add_job_ad_action.trigger()
    sentence = failed.args[0]
    assert sentence and sentence.endswith(".")
    # The dialog opens again with the service's sentence, so nothing typed is lost.
    qtbot.waitUntil(lambda: len(asked) == 2)
    assert asked[1] == sentence
    assert view.model.rowCount() == 0
    assert job_ads.list_ads(ads_window.ctx.user_db) == []


def test_filtering_by_tag_and_words(ads_window, qtbot, monkeypatch):
    _paste(monkeypatch, qtbot, ads_window, AdInput(BACKEND_AD, tags=("backend-berlin",)))
    view = _paste(monkeypatch, qtbot, ads_window, AdInput(DATA_AD, tags=("data",)))
    assert view.model.rowCount() == 2
    view.tag_filter.setCurrentIndex(view.tag_filter.findData("data"))
    assert view.proxy.rowCount() == 1
    assert view.proxy.data(view.proxy.index(0, 0)) == view.model.row_at(0).title
    assert "Data Analyst" in view.proxy.data(view.proxy.index(0, 0))
    assert view.count_label.text() == "1 of 2 ads"
    view.tag_filter.setCurrentIndex(0)  # all tags
    qtbot.keyClicks(view.search, "backend")
    assert view.proxy.rowCount() == 1
    assert "Backend" in view.proxy.data(view.proxy.index(0, 0))
    view.search.clear()
    view.status_filter.setCurrentIndex(view.status_filter.findData("applied"))
    assert view.proxy.rowCount() == 0


def test_removing_a_requirement_changes_the_table_and_the_fit(ads_window, qtbot, monkeypatch):
    ctx = ads_window.ctx
    add_missed_skill(ctx.user_db, ctx.market_db, "Python", 5, "ten years of it")
    ctx.events.profile_changed.emit()
    view = _paste(monkeypatch, qtbot, ads_window, AdInput(BACKEND_AD, title="Backend Engineer"))
    before = _wait_fit(qtbot, view)
    assert 0 < before.fit < 1
    unmet = next(row for row in before.rows if not row.met)
    panel = view.ad_panel
    panel.select_skill(unmet.skill_key)
    assert panel.selected_skill() == unmet.skill_key
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    keys = [r.skill_key for r in panel.requirement_model.rows()]
    assert unmet.skill_key not in keys
    assert [r.skill_key for r in panel.detail.removed] == [unmet.skill_key]
    qtbot.waitUntil(
        lambda: view.fit_panel.fit is not None and view.fit_panel.fit.fit > before.fit,
        timeout=30_000,
    )
    # The what-if answers in the ad's own terms.
    if view.fit_panel.whatif_skill.count():
        assert "fit for Backend Engineer" in view.fit_panel.update_what_if()


def test_dropping_a_folder_on_the_screen_adds_its_ads_through_the_worker(
    ads_window, qtbot, tmp_path
):
    folder = tmp_path / "saved ads"
    folder.mkdir()
    (folder / "backend.txt").write_text(BACKEND_AD, encoding="utf-8")
    (folder / "analyst.md").write_text(DATA_AD, encoding="utf-8")
    view = ads_window.screen_widget("ads")
    with qtbot.waitSignal(view.ads_added, timeout=60_000) as added:
        _drop(ads_window, folder)
    report = added.args[0]
    assert len(report.added) == 2
    assert view.model.rowCount() == 2
    assert ads_window.shown_errors == []


def test_the_group_tab_counts_the_listed_ads(ads_window, qtbot, monkeypatch):
    _paste(monkeypatch, qtbot, ads_window, AdInput(BACKEND_AD, tags=("mine",)))
    view = _paste(monkeypatch, qtbot, ads_window, AdInput(DATA_AD, tags=("mine",)))
    view.tag_filter.setCurrentIndex(view.tag_filter.findData("mine"))
    view.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: view.group_panel.group is not None, timeout=30_000)
    group = view.group_panel.group
    assert group.n == 2 and group.small_sample
    assert "small sample" in view.group_panel.summary.text()
    sql = next(s for s in group.skills if "SQL" in s.skill_name)
    assert sql.asked_n == 2


def test_cancel_while_reading_a_folder_keeps_the_ads_read_before_it(ads_window, qtbot, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(8):
        text = BACKEND_AD.replace("Berlin", f"office {number}")
        (folder / f"ad-{number}.txt").write_text(text, encoding="utf-8")
    view = ads_window.screen_widget("ads")
    with qtbot.waitSignal(view.add_failed, timeout=60_000) as failed:
        task = view.add_paths([folder])
        # The user presses Cancel in the progress dialog as soon as the first ad is read.
        cancel_button = task.progress_dialog.findChild(QPushButton)
        task.progressed.connect(lambda *_: cancel_button.click())
    assert "cancel" in failed.args[0].casefold()
    stored = job_ads.list_ads(ads_window.ctx.user_db)
    assert len(stored) < 8
    assert view.model.rowCount() == len(stored)
    for ad in stored:  # never half an ad: each kept one has its requirements
        assert job_ads.get_ad(ads_window.ctx.user_db, ad.id).requirements


def test_status_and_tags_change_from_the_ad(ads_window, qtbot, monkeypatch):
    view = _paste(monkeypatch, qtbot, ads_window, AdInput(BACKEND_AD, tags=("backend",)))
    panel = view.ad_panel
    panel.status.setCurrentIndex(panel.status.findData("applied"))
    panel.status.activated.emit(panel.status.currentIndex())  # as a user's choice does
    ad = view.model.row_at(0)
    assert ad.status == "applied"
    detail = job_ads.get_ad(ads_window.ctx.user_db, ad.id)
    assert [status for status, _at in detail.history] == ["saved", "applied"]
    assert "applied" in panel.facts.text()

    monkeypatch.setattr(ad_dialogs, "ask_tags", lambda *_a: ("backend", "spring 2027"))
    qtbot.mouseClick(panel.tags_button, Qt.MouseButton.LeftButton)
    assert view.model.row_at(0).tags == ("backend", "spring 2027")
    assert view.tag_filter.findData("spring 2027") > 0


def test_an_ad_dropped_elsewhere_is_never_taken_for_one_silently(ads_window, tmp_path):
    page = tmp_path / "backend-engineer.html"
    page.write_text(f"<html><body><pre>{BACKEND_AD}</pre></body></html>", encoding="utf-8")
    ads_window.show_screen("start")
    _drop(ads_window, page)
    assert "drop them on the Job ads screen" in ads_window.shown_errors[0]
    assert job_ads.list_ads(ads_window.ctx.user_db) == []


def test_adding_and_changing_a_requirement_by_hand_and_back(ads_window, qtbot, monkeypatch):
    view = _paste(monkeypatch, qtbot, ads_window, AdInput(BACKEND_AD, title="Backend Engineer"))
    panel = view.ad_panel
    first = panel.requirement_model.row_at(0)
    answers = iter(
        [
            RequirementInput("Technical writing", 2, "nice"),
            RequirementInput(first.skill_name, 5, "nice"),
        ]
    )
    monkeypatch.setattr(ad_dialogs, "ask_requirement", lambda *_a: next(answers))
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    added = next(r for r in panel.requirement_model.rows() if r.skill_name == "Technical writing")
    assert (added.level, added.required, added.fix) == (2, "nice", "added")

    panel.select_skill(first.skill_key)
    qtbot.mouseClick(panel.change_button, Qt.MouseButton.LeftButton)
    changed = next(r for r in panel.requirement_model.rows() if r.skill_key == first.skill_key)
    assert (changed.level, changed.required, changed.fix) == (5, "nice", "changed")
    assert panel.undo_button.isEnabled()
    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    back = next(r for r in panel.requirement_model.rows() if r.skill_key == first.skill_key)
    assert (back.level, back.required, back.fix) == (first.level, first.required, "")


def test_an_ad_with_no_requirement_found_can_be_kept_to_fill_in_by_hand(
    ads_window, qtbot, monkeypatch
):
    text = (
        "Friendly person wanted\n\nWe are a small team in a sunny office and we are looking for "
        "a friendly person to join us. You will talk to people every day and help them with "
        "whatever they need. We offer lunch and a good mood."
    )
    view = ads_window.screen_widget("ads")
    questions: list[str] = []

    def confirm(_parent, question, title=""):
        questions.append(question)
        return True

    monkeypatch.setattr(dialogs, "confirm", confirm)
    monkeypatch.setattr(ad_dialogs, "ask_job_ad", lambda *_a, **_k: AdInput(text))
    with qtbot.waitSignal(view.ads_added, timeout=60_000):
        ads_window.add_job_ad_action.trigger()
    assert "No requirement recognised" in questions[0]
    assert view.model.rowCount() == 1
    assert view.ad_panel.requirement_model.rowCount() == 0


def test_the_details_the_reader_found_can_be_corrected(ads_window, qtbot, monkeypatch):
    view = _paste(monkeypatch, qtbot, ads_window, AdInput(BACKEND_AD))
    seen: list[AdInput] = []

    def ask(_parent, current):
        seen.append(current)
        return replace(current, title="Senior Backend Engineer", salary="$120,000 a year")

    monkeypatch.setattr(ad_dialogs, "ask_ad_details", ask)
    qtbot.mouseClick(view.ad_panel.details_button, Qt.MouseButton.LeftButton)
    assert seen[0].text == view.ad_panel.detail.text
    ad = view.model.row_at(0)
    assert (ad.title, ad.salary_text, ad.salary_annual) == (
        "Senior Backend Engineer",
        "$120,000 a year",
        120_000,
    )
    assert view.ad_panel.heading.text().endswith("Senior Backend Engineer")

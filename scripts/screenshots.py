"""Render every screen of Career Planner to PNG in docs/screenshots/ (offscreen, no display).

    .venv/bin/python scripts/screenshots.py --size 1024x640 [--theme light|dark|both]
        [--out docs/screenshots]

Uses a throw-away data folder: the bundled default dataset when it exists (else the O*NET 29.2
release and BLS wages from ../shared/data), a sample resume when resume import is available, and
two target roles; then shows each screen at the given window size, in the light and the dark
theme (View > Theme), and saves it to `<out>/<W>x<H>/<theme>/`.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from careerplanner.core.progress import NEVER_CANCELLED, no_progress  # noqa: E402
from careerplanner.errors import UserError  # noqa: E402

TARGET_ROLES = (("15-1252.00", "Software Developers"), ("15-1243.00", "Database Architects"))
SAMPLE_RESUME = SHARED / "resumes" / "files" / "sb2nov_sourabh_bajaj_resume.pdf"
SAMPLE_ADS = SHARED / "ads" / "files"
# The sample ads' tags and a few applications under way (the Job ads screen's tracker).
AD_TAGS = (("gd-", "data-roles"), ("nyc-", "nyc-public-sector"))
AD_STATUSES = (("applied", 2), ("interviewing", 1), ("rejected", 1))


def install_market(ctx) -> None:
    from careerplanner.services.dataset_import import ensure_default_dataset, import_path

    try:
        ensure_default_dataset(ctx.market_db)
        return
    except UserError as error:
        print(f"bundled dataset unavailable ({error}); importing ../shared/data instead")
    for path in (SHARED / "data/onet/29.2", SHARED / "data/wages/oews_national_M2024.csv"):
        print(import_path(ctx.market_db, path).sentence)


def install_profile(ctx) -> None:
    from careerplanner.ui.common.context import WorkerDatabases
    from careerplanner.ui.shell.import_tasks import import_resume

    dbs = WorkerDatabases(ctx.data_dir)
    try:
        import_resume(dbs, SAMPLE_RESUME, no_progress, NEVER_CANCELLED)
        print(f"profile read from {SAMPLE_RESUME.name}")
    except UserError as error:
        print(f"no sample profile: {error}")
    finally:
        dbs.close()


def install_ads(ctx) -> None:
    """The labelled sample ads, tagged by where they come from, a few applied for."""
    from careerplanner.services import job_ads

    files = sorted(SAMPLE_ADS.glob("*.txt")) if SAMPLE_ADS.is_dir() else []
    added = []
    for path in files:
        tags = [tag for prefix, tag in AD_TAGS if path.name.startswith(prefix)]
        try:
            report = job_ads.add_ad_files(ctx.user_db, ctx.market_db, [path], tags=tags)
        except UserError as error:
            print(f"{path.name}: {error}")
            continue
        added.extend(outcome.ad_id for outcome in report.added)
    chosen = iter(added[1::3])
    for status, count in AD_STATUSES:
        for ad_id in [next(chosen, None) for _ in range(count)]:
            if ad_id is not None:
                job_ads.set_status(ctx.user_db, ad_id, status)
    print(f"{len(added)} sample ads added")


def render_ads(window, widget, out: Path, number: int) -> None:
    """The list, one ad, the fit for it, and a group (a tag) of the Job ads screen."""
    from PySide6.QtWidgets import QApplication

    def settle() -> None:
        for _ in range(3):
            QApplication.processEvents()
            window.ctx.runner.wait_for_done()
        QApplication.processEvents()

    rows = widget.model.rows()
    # An ad with must-haves and nice-to-haves both, so both marks show.
    richest = max(rows, key=lambda ad: (min(ad.must_count, ad.nice_count), ad.must_count))
    widget.select_ad(richest.id)
    sizes = widget.splitter.sizes()
    total = sum(sizes)
    widget.splitter.setSizes([total * 3 // 4, total - total * 3 // 4])
    widget.tabs.setCurrentIndex(0)
    settle()
    grab(window, out, f"{number:02d}-ads-list")
    widget.splitter.setSizes(sizes)
    for tab, suffix in ((0, "one-ad"), (1, "fit")):
        widget.tabs.setCurrentIndex(tab)
        settle()
        grab(window, out, f"{number:02d}-ads-{suffix}")
    tag = widget.tag_filter.findData(AD_TAGS[0][1])
    widget.tag_filter.setCurrentIndex(max(tag, 0))
    widget.tabs.setCurrentIndex(2)
    widget.refresh_group()
    settle()
    grab(window, out, f"{number:02d}-ads-group")
    widget.tag_filter.setCurrentIndex(0)
    widget.tabs.setCurrentIndex(0)


def render_gap_for_ads(window, widget, out: Path, number: int) -> None:
    """The Gap screen with a tag of the sample ads as a target beside the roles."""
    from PySide6.QtCore import Qt

    code = f"ads:{AD_TAGS[0][1]}"
    items = [widget.role_list.item(row) for row in range(widget.role_list.count())]
    item = next((i for i in items if i.data(Qt.ItemDataRole.UserRole) == code), None)
    if item is None:
        return
    item.setCheckState(Qt.CheckState.Checked)
    widget.role_combo.setCurrentIndex(widget.role_combo.findData(code))
    settle_charts()
    grab(window, out, f"{number:02d}-gap-ads")
    item.setCheckState(Qt.CheckState.Unchecked)


def add_targets(ctx) -> None:
    from careerplanner.store.user.targets import add_target_role

    for code, title in TARGET_ROLES:
        add_target_role(ctx.user_db, code, title)


@contextmanager
def simulated_days(first: date):
    """Stamp roadmap writes with a simulated day instead of now, so the progress charts show a
    few months of use; yields `set_day(day)`. Screenshots only."""
    from careerplanner.store import stamps

    today = [first]
    saved = stamps.now_stamp

    def stamp() -> str:
        return f"{today[0].isoformat()}T09:30:00Z"

    def set_day(day: date) -> None:
        today[0] = day

    stamps.now_stamp = stamp
    try:
        yield set_day
    finally:
        stamps.now_stamp = saved


def install_roadmap(ctx, set_day, start: date) -> None:
    """About four months of a roadmap: goals from the top gaps of the first target role, steps
    learnt and done, evidence logged, a note, a review, and a skill outside the dataset."""
    from careerplanner.store.user.evidence import add_evidence
    from careerplanner.store.user.goals import add_goal, add_goals, get_goal, mark_reviewed
    from careerplanner.store.user.steps import add_note, update_step
    from careerplanner.ui.roadmap.models import record_fit_now, role_gap, top_gap_goals

    db, market = ctx.user_db, ctx.market_db

    def on(days: int) -> date:
        day = start + timedelta(days=days)
        set_day(day)
        return day

    record_fit_now(db, market, "profile read")
    on(3)
    gap = role_gap(db, market, TARGET_ROLES[0][0])
    goals = add_goals(db, top_gap_goals(gap, 5), date.today() + timedelta(days=120))
    custom = add_goal(db, "custom:technical writing", "Technical writing", 3)
    first, second, third = goals[0], goals[1], goals[2]

    def finish(goal, level: int, day: int, evidence: dict) -> None:
        for step in get_goal(db, goal.id).steps:
            if step.to_level == level:
                update_step(db, step.id, state="learning", today=on(day - 6))
                update_step(db, step.id, state="done", today=on(day))
        add_evidence(db, goal.skill_key, goal.skill_name, level, **evidence)
        record_fit_now(db, market, "roadmap changed")

    start_level = first.start_level
    finish(
        first,
        start_level + 1,
        20,
        {"url": "https://example.org/certificates/8842", "title": "Course certificate"},
    )
    add_note(db, first.id, "Mentor suggested the automation workshop.")
    mark_reviewed(db, first.id, today=on(24))
    finish(
        second,
        second.start_level + 1,
        45,
        {"text": "Fixed the build scripts at work.", "title": "Work log"},
    )
    finish(
        first,
        start_level + 2,
        70,
        {"url": "https://github.com/example/team-tools", "title": "Side project"},
    )
    finish(
        first,
        start_level + 3,
        95,
        {"text": "Ran the team's move to the new workflow.", "title": "Led at work"},
    )
    later = get_goal(db, second.id).steps
    update_step(db, later[-1].id, state="learning", today=on(85))
    for offset, step in enumerate(s for s in later if s.state == "pending"):
        due = date.today() + timedelta(weeks=3 * (offset + 1))
        update_step(db, step.id, due_date=due, today=on(86))
    update_step(db, later[1].id, note="The evening course at the library", today=on(86))
    update_step(db, third.steps[0].id, state="learning", today=on(100))
    update_step(db, custom.steps[0].id, state="done", today=on(104))
    certificate = ctx.data_dir.root / "Documents" / "c-course-certificate.pdf"
    certificate.parent.mkdir(exist_ok=True)
    certificate.write_bytes(b"%PDF-1.4 certificate of completion")
    add_evidence(db, second.skill_key, second.skill_name, 1, path=certificate, title="Certificate")
    on(110)
    record_fit_now(db, market, "roadmap changed")


def settle_charts() -> None:
    """Let renders started while a tab was being laid out finish and arrive before `grab`
    draws the final ones, so a late, smaller image never replaces them."""
    from PySide6.QtWidgets import QApplication

    from careerplanner.ui.common.chart_panel import chart_runner

    for _ in range(3):
        QApplication.processEvents()
        chart_runner().wait_for_done()
    QApplication.processEvents()


def grab(window, out: Path, name: str) -> None:
    from PySide6.QtWidgets import QApplication

    from careerplanner.ui.common.chart_panel import ChartCanvas

    for _ in range(3):  # what the screen computes on a worker (fits, the ranking) arrives
        QApplication.processEvents()
        window.ctx.runner.wait_for_done()
    QApplication.processEvents()
    # Charts render in the background; draw the visible ones now, at their final size.
    for canvas in window.findChildren(ChartCanvas):
        if canvas.isVisible() and canvas.has_data:
            canvas.draw_now()
    QApplication.processEvents()
    path = out / f"{name}.png"
    window.grab().save(str(path))
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def render_all(window, out: Path, only: frozenset[str] = frozenset()) -> None:
    for number, screen in enumerate(window.screens, start=1):
        if only and screen.key not in only:
            continue
        window.show_screen(screen.key)
        widget = window.screen_widget(screen.key)
        if hasattr(widget, "exercise"):
            widget.exercise()
        if screen.key == "market":
            widget.tabs.setCurrentWidget(widget.skill_page)
            grab(window, out, f"{number:02d}-market-skill")
            widget.tabs.setCurrentWidget(widget.career_page)
            grab(window, out, f"{number:02d}-market-career")
            continue
        if screen.key == "roadmap":
            widget.goal_table.selectRow(1)  # a goal under way, with steps still to do
            for tab, suffix in ((0, "goals"), (1, "evidence"), (2, "progress"), (3, "reviews")):
                widget.tabs.setCurrentIndex(tab)
                window.ctx.runner.wait_for_done()  # the evidence file check
                settle_charts()
                grab(window, out, f"{number:02d}-roadmap-{suffix}")
            widget.tabs.setCurrentIndex(0)
            continue
        if screen.key == "ads":
            render_ads(window, widget, out, number)
            continue
        if screen.key == "gap":
            grab(window, out, f"{number:02d}-gap")
            widget.tabs.setCurrentIndex(1)
            grab(window, out, f"{number:02d}-gap-side-by-side")
            widget.tabs.setCurrentIndex(0)
            render_gap_for_ads(window, widget, out, number)
            continue
        grab(window, out, f"{number:02d}-{screen.key}")


def render_explanation(window, out: Path) -> None:
    """The Gap screen's "How is this computed?" dialog, over the window."""
    from PySide6.QtWidgets import QApplication

    from careerplanner.ui.gap.explain import ExplainDialog

    dialog = ExplainDialog(window)
    dialog.resize(min(620, window.width() - 40), min(560, window.height() - 40))
    dialog.show()
    QApplication.processEvents()
    path = out / "04-gap-how-computed.png"
    dialog.grab().save(str(path))
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    dialog.close()


ONET_UPDATE = ROOT / "tests" / "fixtures" / "onet" / "db_29_3_text.zip"


def render_update(app, ctx, themes, size, out_root: Path) -> None:
    """Datasets > What changed after the O*NET 29.3 update, and About naming 29.3 as in use."""
    from careerplanner.services.dataset_import import import_path
    from careerplanner.store.market.datasets import list_datasets
    from careerplanner.store.market.diff import diff_datasets
    from careerplanner.ui.common.appearance import apply_theme
    from careerplanner.ui.datasets.view import previous_version
    from careerplanner.ui.shell.main_window import MainWindow

    if not ONET_UPDATE.is_file():
        print(f"no {ONET_UPDATE.name}: no What changed screenshot")
        return
    print(import_path(ctx.market_db, ONET_UPDATE).sentence)
    ctx.events.dataset_changed.emit()
    datasets = list_datasets(ctx.market_db)
    newest = next(d for d in reversed(datasets) if d.kind == "onet" and d.active)
    before = previous_version(datasets, newest)
    diff = diff_datasets(ctx.market_db, before.id, newest.id)
    for theme in themes:
        out = out_root / f"{size[0]}x{size[1]}" / theme
        apply_theme(app, theme)
        window = MainWindow(ctx)
        window.resize(*size)
        window.show()
        window.show_screen("datasets")
        view = window.screen_widget("datasets")
        view._select(newest.id)
        view._show_diff_result(diff)
        view.changes.tabs.setCurrentIndex(2)  # renamed: the rows that name your goals
        number = {screen.key: n for n, screen in enumerate(window.screens, start=1)}
        grab(window, out, f"{number['datasets']:02d}-datasets-what-changed")
        window.show_screen("about")
        grab(window, out, f"{number['about']:02d}-about-onet-29-3")
        window.close()


def window_size(text: str) -> tuple[int, int]:
    width, _x, height = text.lower().partition("x")
    return int(width), int(height)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--size", default="1280x800", help="the window size, WxH")
    parser.add_argument("--theme", choices=("light", "dark", "both"), default="both")
    parser.add_argument(
        "--screens",
        default="",
        metavar="KEY,KEY",
        help="only these screens (e.g. market); the others' files are left as they are",
    )
    args = parser.parse_args()
    only = frozenset(key for key in args.screens.split(",") if key)
    width, height = window_size(args.size)
    themes = ("light", "dark") if args.theme == "both" else (args.theme,)
    with tempfile.TemporaryDirectory(prefix="careerplanner-shots-") as home:
        os.environ["CAREERPLANNER_HOME"] = home
        from careerplanner.app import build_context, create_application
        from careerplanner.store.data_dir import DataDir
        from careerplanner.ui.common.appearance import apply_theme
        from careerplanner.ui.shell.main_window import MainWindow

        app = create_application()
        ctx = build_context(DataDir(Path(home)))
        try:
            install_market(ctx)
            start = date.today() - timedelta(days=120)
            with simulated_days(start) as set_day:
                install_profile(ctx)
                add_targets(ctx)
                install_roadmap(ctx, set_day, start)
                install_ads(ctx)
            for theme in themes:
                out = args.out / f"{width}x{height}" / theme
                out.mkdir(parents=True, exist_ok=True)
                apply_theme(app, theme)
                window = MainWindow(ctx)
                window.resize(width, height)
                window.show()
                render_all(window, out, only)
                if not only or "gap" in only:
                    render_explanation(window, out)
                window.close()
            if not only or "datasets" in only:
                render_update(app, ctx, themes, (width, height), args.out)
        finally:
            ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

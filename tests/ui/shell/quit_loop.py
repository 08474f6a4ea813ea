"""Quit the window N times with work in flight, in one process (run by test_quit.py).

Each round opens the main window on the data folder, starts tasks that run until cancelled on
the app's pool, a chart render on the charts' pool, a change that sets the plain copy's writer
thread going and, every so often, a real resume import, a dataset import and a PDF report, then
quits as the application does (state saved, window closed, `AppContext.close`). The last
round's work is still in flight when the interpreter exits. A crash shows as a non-zero exit
and faulthandler's traceback.
"""

from __future__ import annotations

import faulthandler
import os
import sys
import time
from pathlib import Path

faulthandler.enable()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from careerplanner.app import build_context, create_application  # noqa: E402
from careerplanner.charts.gap import draw_gap_dumbbell  # noqa: E402
from careerplanner.charts.render import render_rgba  # noqa: E402
from careerplanner.charts.theme import LIGHT  # noqa: E402
from careerplanner.core.gap import Requirement, compute_gap  # noqa: E402
from careerplanner.services.plain_copy import flush_plain_copy, note_change  # noqa: E402
from careerplanner.store.data_dir import DataDir  # noqa: E402
from careerplanner.ui.common import dialogs  # noqa: E402
from careerplanner.ui.common.chart_panel import chart_runner  # noqa: E402
from careerplanner.ui.common.context import with_databases  # noqa: E402
from careerplanner.ui.roadmap.tasks import export_task  # noqa: E402
from careerplanner.ui.shell.main_window import MainWindow  # noqa: E402

GAP = compute_gap("x", "X", [Requirement(f"k{i}", f"Skill {i}", i % 6, 0.5) for i in range(40)], {})
ONET_RELEASE = Path(__file__).resolve().parents[2] / "fixtures" / "onet" / "24.2"


def until_cancelled(_progress, cancel) -> None:
    while True:
        cancel.check()
        time.sleep(0.001)


def one_round(resume: Path | None, number: int) -> None:
    ctx = build_context(DataDir.default())
    window = MainWindow(ctx)
    window.show()
    for key in ("a", "b", "c"):
        ctx.runner.start(f"busy-{key}", until_cancelled)
    chart_runner().start(
        f"chart-{number}",
        lambda _p, _c: render_rgba(draw_gap_dumbbell, GAP.rows, LIGHT, 900, 700),
    )
    if resume is not None and number % 20 == 0:
        window.files.import_resume(resume)
    if number % 20 == 10:
        window.files.import_dataset_path(ONET_RELEASE)
    if number % 20 == 5:
        report = ctx.data_dir.root / "report.pdf"
        ctx.runner.start(
            "export",
            with_databases(ctx.data_dir, lambda dbs, p, c: export_task(dbs, "pdf", report, p, c)),
        )
    note_change(ctx.user_db, at_once=number % 2 == 0)  # the plain copy's thread writes
    QApplication.processEvents()
    window.save_state()
    window.close()
    ctx.close()
    window.deleteLater()
    QApplication.processEvents()


def main() -> int:
    rounds = int(sys.argv[1])
    resume = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    create_application()
    # A refusal would open a modal message box that nobody closes: said on stderr instead.
    dialogs.show_error = lambda _parent, sentence, *_args: print(sentence, file=sys.stderr)
    for number in range(rounds):
        one_round(resume, number)
    flush_plain_copy()  # as the command line does before the process exits
    print(f"quit {rounds} times")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Issue 16, class 11: the PDF reader's child exits with its parent. Killed with SIGKILL while
the reader is busy on a stalling PDF, the parent's time limit dies with it; the child must not
keep running at 100% CPU."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from tests.reliability.conftest import CHILD_ENV
from tests.reliability.test_hostile_resumes import layout_bomb

PARENT = """
import sys
from pathlib import Path
from careerplanner.importers.resume.pdf_reader import PdfWorker

worker = PdfWorker(time_limit=600)
worker.start()
print(worker._process.pid, flush=True)
worker.extract(Path(sys.argv[1]))  # busy for minutes on the bomb
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split(") ", 1)[1][0] != "Z"
    except FileNotFoundError:
        return False


def test_the_reader_exits_when_its_parent_is_killed(tmp_path):
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(layout_bomb())
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT, str(bomb)],
        env={**os.environ, **CHILD_ENV},
        stdout=subprocess.PIPE,
        text=True,
    )
    child = int(parent.stdout.readline())
    time.sleep(1.0)  # the child is now busy laying out the bomb
    assert _alive(child)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    gone = not _alive(child)
    if not gone:
        os.kill(child, signal.SIGKILL)
    assert gone, "the PDF reader kept running after its parent was killed"

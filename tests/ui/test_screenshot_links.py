"""The README links a screenshot of every screen at 1024x640 and 1920x1080, light and dark, and
every linked file is there (scripts/screenshots.py --size WxH makes them)."""

from __future__ import annotations

import re
from pathlib import Path

from careerplanner.ui.shell.main_window import SCREENS

ROOT = Path(__file__).resolve().parents[2]


def test_every_screen_is_linked_at_both_sizes_and_both_themes():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"\((docs/screenshots/[^)]+\.png)\)", readme)
    assert links
    missing = [link for link in links if not (ROOT / link).is_file()]
    assert missing == []
    for size in ("1024x640", "1920x1080"):
        for theme in ("light", "dark"):
            folder = f"docs/screenshots/{size}/{theme}/"
            shown = {Path(link).name for link in links if link.startswith(folder)}
            for number, _screen in enumerate(SCREENS, start=1):
                assert any(name.startswith(f"{number:02d}-") for name in shown), (folder, number)

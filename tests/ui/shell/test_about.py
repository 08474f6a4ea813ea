"""About names the datasets in use, from the active versions (O*NET 29.3 once it is active)."""

from __future__ import annotations

import zipfile

from careerplanner.services.dataset_import import import_path
from tests.conftest import onet_release
from tests.ui.conftest import ONET_FILES, SLICE_CODES


def _onet_29_3_slice(folder):
    """The 29.3 update's files for the test occupations (same layout, real rows)."""
    folder.mkdir()
    with zipfile.ZipFile(onet_release("29.3")) as release:
        for name in ONET_FILES:
            lines = release.read(f"db_29_3_text/{name}").decode("utf-8").splitlines(True)
            if name != "Read Me.txt":
                lines = lines[:1] + [line for line in lines[1:] if line[:10] in SLICE_CODES]
            (folder / name).write_text("".join(lines), encoding="utf-8")
    return folder


def test_about_credits_the_active_onet_version(market_home, window, tmp_path):
    about = window.screen_widget("about")
    assert "O*NET 29.2" in about.sources.text()
    import_path(window.ctx.market_db, _onet_29_3_slice(tmp_path / "onet-29.3"))
    window.ctx.events.dataset_changed.emit()
    shown = about.sources.text()
    assert "O*NET 29.3" in shown
    assert "O*NET 29.2" not in shown  # kept as an inactive version, not credited as in use
    assert "USDOL/ETA" in shown and "CC BY 4.0" in shown
    assert "Bureau of Labor Statistics" in shown  # the wages in use too

"""The settings file is private like the rest of the data folder, whatever the umask."""

from __future__ import annotations

import os
import stat

from careerplanner.store.data_dir import DataDir
from careerplanner.ui.common.context import SETTINGS_FILE, open_settings


def test_settings_are_written_0600_under_a_permissive_umask(tmp_path):
    root = tmp_path / "home"
    root.mkdir(mode=0o700)
    previous = os.umask(0)
    try:
        settings = open_settings(DataDir(root))
        settings.setValue("appearance/theme", "dark")
        settings.sync()
    finally:
        os.umask(previous)
    mode = stat.S_IMODE((root / SETTINGS_FILE).stat().st_mode)
    assert mode == 0o600, oct(mode)
    assert open_settings(DataDir(root)).value("appearance/theme") == "dark"

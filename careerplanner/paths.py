"""Where things are: bundled resources and data, and the user's data directory.

Resources (`resources/`) and the bundled dataset (`data/`) sit outside the package, so they are
found in one of three places: a PyInstaller bundle (`sys._MEIPASS`), the source tree (running from
a checkout or an editable install), or `<prefix>/share/careerplanner` (a plain wheel install).
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

APP_NAME = "CareerPlanner"
HOME_ENV = "CAREERPLANNER_HOME"


def _candidate_roots() -> list[Path]:
    roots = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        roots.append(Path(bundle))
    roots.append(Path(__file__).resolve().parent.parent)
    roots.append(Path(sys.prefix) / "share" / "careerplanner")
    return roots


@cache
def install_root() -> Path:
    """The folder holding `resources/` and `data/`."""
    for root in _candidate_roots():
        if (root / "resources").is_dir():
            return root
    raise FileNotFoundError(
        "Career Planner's resources folder is missing; reinstall the application."
    )


def resource_path(*parts: str) -> Path:
    return install_root().joinpath("resources", *parts)


def bundled_data_path(*parts: str) -> Path:
    return install_root().joinpath("data", *parts)


def user_data_dir() -> Path:
    """The user's data directory: $CAREERPLANNER_HOME when set, else the platform's own place."""
    override = os.environ.get(HOME_ENV)
    if override:
        try:
            return Path(override).expanduser().resolve()
        except RuntimeError:  # a symbolic link that leads back to itself: opening it says so
            return Path(override).expanduser().absolute()
    import platformdirs  # only here: ~8 ms that CAREERPLANNER_HOME users never need

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_file_path() -> Path:
    """Where library warnings are written: `<data dir>/logs/careerplanner.log`."""
    return user_data_dir() / "logs" / "careerplanner.log"


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (mode 0700) if needed; tighten it if we created it or own it."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        if path.stat().st_mode & 0o077:
            path.chmod(0o700)
    except PermissionError:
        pass
    return path


def file_version(path: Path) -> tuple[int, ...]:
    """What tells a file apart from what it was a moment ago (empty when it is gone): its inode,
    size, and modification and change times. A write that keeps the size, with the modification
    time set back afterwards, still moves the change time, which no user tool can set back."""
    try:
        info = os.stat(path)
    except OSError:
        return ()
    return info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns

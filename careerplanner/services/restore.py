"""Putting damaged data right: a backup restored (and the plain copy with it), market data rebuilt.

After a restore the plain JSON copy (`user-data.json`) must hold the restored data: left as it
was, a later `data rebuild` would bring back the state the user just restored away from. The
market data holds only datasets, so a damaged market.db is rebuilt from the bundled ones.
"""

from __future__ import annotations

from pathlib import Path

from careerplanner.services.dataset_import import rebuild_market_data
from careerplanner.services.plain_copy import write_plain_copy
from careerplanner.store.data_dir import DataDir


def restore_user_data(data_dir: DataDir, backup: Path | None = None) -> Path:
    """Restore `backup` (default: the newest good one) and rewrite the plain copy from it.

    Returns the backup used. The previous file is kept in `damaged/`.
    """
    used = data_dir.restore_user_db(backup)
    db = data_dir.open_user_db()
    try:
        write_plain_copy(db, data_dir.root)
    finally:
        db.close()
    return used


__all__ = ["rebuild_market_data", "restore_user_data"]

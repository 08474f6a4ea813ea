"""The market database as every headless command needs it: with a dataset installed.

On the very first run nothing is installed yet; the bundled default (O*NET, BLS wages, ESCO) is
installed then, so that skills found in a resume get the same stable keys the gap and the
roadmap use.
"""

from __future__ import annotations

from careerplanner.cli.output import print_progress
from careerplanner.store.connection import Database
from careerplanner.store.data_dir import DataDir


def open_market() -> Database:
    """The market database of the default data folder, installing the bundled default once."""
    db = DataDir.default().open_market_db()
    try:
        if db.execute("SELECT count(*) FROM dataset").fetchone()[0] == 0:
            # Once per data folder: every importer (~65 ms of imports) would otherwise load on
            # each command, where `resume parse` of a PDF takes about 0.3 s in all.
            from careerplanner.services.dataset_import import ensure_default_dataset

            ensure_default_dataset(db, print_progress)
    except BaseException:
        db.close()
        raise
    return db

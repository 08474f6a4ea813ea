"""The user's data directory and the two databases in it."""

from __future__ import annotations

import sqlite_utils
from dataclasses import dataclass
from pathlib import Path

from careerplanner.errors import UserError
from careerplanner.paths import ensure_private_dir, user_data_dir
from careerplanner.store.database import open_database
from careerplanner.store.market_schema import MARKET_DB
from careerplanner.store.user_schema import USER_DB


@dataclass(frozen=True)
class DataDir:
    root: Path

    @classmethod
    def default(cls) -> DataDir:
        return cls(user_data_dir())

    @property
    def user_db_path(self) -> Path:
        return self.root / "user.db"

    @property
    def market_db_path(self) -> Path:
        return self.root / "market.db"

    @property
    def backup_dir(self) -> Path:
        return self.root / "backups"

    def prepare(self) -> None:
        try:
            ensure_private_dir(self.root)
        except PermissionError as error:
            raise UserError(f"Can't write to {self.root}; check its permissions.") from error
        except OSError as error:
            raise UserError(f"Can't create the data folder {self.root} ({error.strerror}).") from error

    def open_user_db(self) -> sqlite_utils.Database:
        self.prepare()
        return open_database(self.user_db_path, USER_DB, self.backup_dir)

    def open_market_db(self) -> sqlite_utils.Database:
        self.prepare()
        return open_database(self.market_db_path, MARKET_DB, self.backup_dir)

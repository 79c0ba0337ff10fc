"""Where a station's data lives: the per-user data directory, or ``--data-dir``."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DATA_DIR_ENV = "ANTQ_DATA_DIR"
DB_URL_ENV = "ANTQ_DATABASE_URL"


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("ANTQ Desktop", appauthor=False, roaming=False))


@dataclass(frozen=True)
class DataDir:
    root: Path

    @classmethod
    def resolve(cls, explicit: str | os.PathLike[str] | None = None) -> DataDir:
        chosen = explicit or os.environ.get(DATA_DIR_ENV)
        return cls(Path(chosen).expanduser().resolve() if chosen else default_data_dir())

    @property
    def database(self) -> Path:
        return self.root / "antq.sqlite3"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def lock_file(self) -> Path:
        return self.root / "antq.lock"

    @property
    def settings_file(self) -> Path:
        return self.root / "window.ini"

    def database_url(self) -> str:
        """The engine URL: ``ANTQ_DATABASE_URL`` (e.g. PostgreSQL for a hub) or the SQLite file."""
        return os.environ.get(DB_URL_ENV) or f"sqlite:///{self.database}"

    def ensure(self) -> None:
        """Create the folder, readable by this user only: it holds the database, the station's keys
        (in the database's settings) and the backups. On Windows the per-user AppData folder is
        already private; a folder that refuses chmod (a FAT USB stick) is used as it is."""
        self.root.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            try:
                os.chmod(self.root, 0o700)
            except OSError:
                pass

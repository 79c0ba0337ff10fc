"""Backups of the station database and the integrity check (``antq backup`` / ``antq check``)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ..storage.backup import backup_to, integrity_check, timestamped_name
from ..storage.database import DatabaseError
from . import settings
from .errors import UserError
from .station import Station

LAST_BACKUP_KEY = "last_backup"


def backup(station: Station, target: Path | None = None) -> Path:
    """Write a verified backup (default: the data directory's backups folder) and remember it."""
    if station.db.path is None:
        raise UserError(
            "Chỉ sao lưu được cơ sở dữ liệu dạng tệp SQLite bằng lệnh này.",
            "Only a SQLite database file can be backed up with this command.",
        )
    target = target or station.data_dir.backups / timestamped_name("antq")
    if target.exists() and target.is_dir():
        target = target / timestamped_name("antq")
    try:
        written = backup_to(station.db, target)
    except OSError as exc:
        raise UserError(
            f"Không ghi được bản sao lưu vào {target.parent} ({exc.strerror or exc}): hãy kiểm tra ổ đĩa hoặc USB rồi thử lại.",
            f"Cannot write the backup to {target.parent} ({exc.strerror or exc}): check the disk or USB stick and try again.",
        ) from exc
    except DatabaseError as exc:
        raise UserError(f"Sao lưu thất bại: {exc}", f"Backup failed: {exc}") from exc
    settings.write(
        station.db,
        LAST_BACKUP_KEY,
        {"path": str(written), "at": datetime.now().isoformat(timespec="seconds")},
    )
    return written


def last_backup(station: Station) -> dict[str, str] | None:
    return settings.read(station.db, LAST_BACKUP_KEY)


def check(station: Station) -> list[str]:
    """Problems found by SQLite's integrity and foreign-key checks; empty when sound."""
    path = station.db.path
    problems = integrity_check(path) if path else []
    with station.db.connect() as conn:
        if station.db.is_sqlite:
            for row in conn.exec_driver_sql("PRAGMA foreign_key_check"):
                problems.append(f"foreign key: {tuple(row)}")
    return problems

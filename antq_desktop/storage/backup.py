"""Backups through SQLite's online backup API (never a copy of a live file), verified after writing."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from .database import Database, DatabaseError


def integrity_check(path: Path) -> list[str]:
    """``PRAGMA integrity_check`` on a database file; an empty list means sound."""
    if not path.exists():
        return [f"{path} does not exist"]
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = [r[0] for r in con.execute("PRAGMA integrity_check")]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def backup_to(db: Database, target: Path) -> Path:
    """Write a consistent copy of the live database to ``target`` and verify it."""
    source = db.path
    if source is None:
        raise DatabaseError("only a SQLite database file can be backed up this way")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    if partial.exists():
        partial.unlink()
    src = sqlite3.connect(str(source), timeout=30)
    try:
        dst = sqlite3.connect(str(partial))
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    with open(partial, "rb+") as fh:
        os.fsync(fh.fileno())
    problems = integrity_check(partial)
    if problems:
        partial.unlink(missing_ok=True)
        raise DatabaseError(f"the backup failed its integrity check: {problems[0]}")
    os.replace(partial, target)
    return target


def timestamped_name(prefix: str, when: datetime | None = None) -> str:
    when = when or datetime.now()
    return f"{prefix}-{when:%Y%m%d-%H%M%S}.sqlite3"


def latest_backup(folder: Path) -> Path | None:
    files = sorted(folder.glob("*.sqlite3"), key=lambda p: p.stat().st_mtime) if folder.exists() else []
    return files[-1] if files else None

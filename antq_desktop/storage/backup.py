"""Backups through SQLite's online backup API (never a copy of a live file), verified after writing;
the rotation rule; and swapping a verified file in for the station's database (restore)."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from ..domain.files import fsync_file, fsync_folder
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


def copy_database(source: Path, target: Path, *, read_only: bool = False) -> Path:
    """Copy the SQLite database ``source`` (live or not) to ``target`` with the backup API, verified.

    Writes ``target.part`` first and renames it only once it passed ``integrity_check``: a full disk
    or a pulled USB stick leaves no half-written file under the final name.  Raises ``OSError`` for
    the file system, :class:`DatabaseError` for a failed copy or check.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    try:
        if read_only:  # a file brought in (a backup on a USB stick): leave it exactly as it is
            src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
        else:
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
        fsync_file(partial)
        problems = integrity_check(partial)
        if problems:
            raise DatabaseError(f"the copy failed its integrity check: {problems[0]}")
        os.replace(partial, target)
    except sqlite3.Error as exc:
        _discard(partial)
        raise DatabaseError(str(exc)) from exc
    except BaseException:
        _discard(partial)
        raise
    fsync_folder(target.parent)
    return target


def _discard(path: Path) -> None:
    for p in (path, Path(f"{path}-journal")):
        with contextlib.suppress(OSError):
            p.unlink(missing_ok=True)


def backup_to(db: Database, target: Path) -> Path:
    """Write a consistent copy of the live database to ``target`` and verify it."""
    source = db.path
    if source is None:
        raise DatabaseError("only a SQLite database file can be backed up this way")
    return copy_database(source, target)


def timestamped_name(prefix: str, when: datetime | None = None) -> str:
    when = when or datetime.now()
    return f"{prefix}-{when:%Y%m%d-%H%M%S}.sqlite3"


def free_stamped_path(folder: Path, prefix: str, when: datetime | None = None) -> Path:
    """``folder``/:func:`timestamped_name`, or — when a copy of that second is already there — the same
    name with ``-2``, ``-3``…: a second backup in the same second never replaces the first."""
    first = folder / timestamped_name(prefix, when)
    path, n = first, 1
    while path.exists():
        n += 1
        path = first.with_name(f"{first.stem}-{n}{first.suffix}")
    return path


# -- rotation -------------------------------------------------------------------------------------

_STAMPED = re.compile(r"^(?P<prefix>.+?)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d{1,6}))?\.sqlite3$")


def stamp_of(name: str, prefix: str) -> datetime | None:
    """The time in a name made by :func:`timestamped_name` or :func:`free_stamped_path` with ``prefix``
    (the ``-n`` of a second copy in the same second counts as n microseconds, so it sorts after the
    first); None for other files."""
    m = _STAMPED.match(name)
    if not m or m["prefix"] != prefix:
        return None
    try:
        return datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S") + timedelta(microseconds=int(m["n"] or 0))
    except ValueError:
        return None


def rotation_keep(
    stamps: dict[str, datetime],
    daily: int = 7,
    weekly: int = 4,
    monthly: int = 12,
    *,
    now: datetime | None = None,
    recent_hours: int = 24,
) -> set[str]:
    """Which backups to keep: everything from the last ``recent_hours`` (a backup made by hand an
    hour ago is never thinned away), then the newest of each of the last ``daily`` days that have
    one, of the last ``weekly`` ISO weeks and of the last ``monthly`` months (a file may count for
    all three)."""
    newest_first = sorted(stamps.items(), key=lambda kv: kv[1], reverse=True)
    keep: set[str] = set()
    if now is not None:
        keep |= {name for name, when in newest_first if now - when < timedelta(hours=recent_hours)}
    for limit, bucket in (
        (daily, lambda t: t.date()),
        (weekly, lambda t: t.isocalendar()[:2]),
        (monthly, lambda t: (t.year, t.month)),
    ):
        seen: set[object] = set()
        for name, when in newest_first:
            key = bucket(when)
            if key in seen:
                continue
            if len(seen) >= limit:
                break
            seen.add(key)
            keep.add(name)
    return keep


def rotate(
    folder: Path, prefix: str, daily: int = 7, weekly: int = 4, monthly: int = 12, now: datetime | None = None
) -> list[Path]:
    """Delete the ``prefix`` backups in ``folder`` that :func:`rotation_keep` does not keep."""
    if not folder.is_dir():
        return []
    stamps = {p.name: t for p in folder.iterdir() if (t := stamp_of(p.name, prefix)) is not None}
    keep = rotation_keep(stamps, daily, weekly, monthly, now=now or datetime.now())
    removed = []
    for name in sorted(set(stamps) - keep):
        with contextlib.suppress(OSError):
            (folder / name).unlink()
            removed.append(folder / name)
    return removed


# -- what a file holds, and swapping one in -------------------------------------------------------


@dataclass(frozen=True)
class DatabaseFacts:
    revision: str | None
    site_id: str | None
    tables: frozenset[str]


ANTQ_TABLES = frozenset({"alembic_version", "sync_clock", "setting", "app_user", "audit_entry", "person"})


def database_facts(path: Path) -> DatabaseFacts:
    """The schema revision, site id and tables of a SQLite file (read-only)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = frozenset(r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))
        revision = site = None
        if "alembic_version" in tables:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        if "sync_clock" in tables:
            row = con.execute("SELECT site_id FROM sync_clock WHERE id = 1").fetchone()
            site = row[0] if row else None
    finally:
        con.close()
    return DatabaseFacts(revision, site, tables)


def replace_database(db_path: Path, verified_copy: Path) -> None:
    """Put ``verified_copy`` (in the same folder) in place of the closed database ``db_path``.

    The current file is first checkpointed and switched out of WAL, so no ``-wal`` file is left to be
    replayed over the new one; the swap itself is one ``os.replace``.
    """
    if db_path.exists():
        con = sqlite3.connect(str(db_path), timeout=30)
        try:
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            mode = con.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        finally:
            con.close()
        if str(mode).lower() != "delete":
            raise DatabaseError("the database is still open elsewhere; close the program first")
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    os.replace(verified_copy, db_path)
    fsync_folder(db_path.parent)


def seal_database(path: Path) -> None:
    """Make a database file that was just written through an engine ready to be swapped in: its WAL
    folded in (journal mode DELETE, no ``-wal`` left), integrity checked, on disk (fsync)."""
    con = sqlite3.connect(str(path), timeout=30)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        mode = con.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.Error as exc:
        raise DatabaseError(str(exc)) from exc
    finally:
        con.close()
    if str(mode).lower() != "delete":
        raise DatabaseError(f"{path.name} is still open elsewhere")
    problems = integrity_check(path)
    if problems:
        raise DatabaseError(f"the prepared copy failed its integrity check: {problems[0]}")
    fsync_file(path)
    fsync_folder(path.parent)


def discard_database(path: Path) -> None:
    """Remove a prepared copy that will not be used (and its journal files)."""
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        with contextlib.suppress(OSError):
            p.unlink(missing_ok=True)

"""What a restore carries over from the database it replaces (services/backups.restore).

* each peer's bundle numbers out and in — bundle numbers are never reused;
* the upper level's newer approval rows — an approval is never undone by a restore.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import text

from ..storage.database import Database


def bundle_counters(path: Path) -> dict[str, tuple[int, int]]:
    """Each peer's last bundle numbers out and in, in the database being replaced."""
    if not path.exists():
        return {}
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
        try:
            rows = con.execute(
                "SELECT id, COALESCE(last_bundle_out, 0), COALESCE(last_bundle_in, 0) FROM site WHERE is_self = 0"
            ).fetchall()
        finally:
            con.close()
    except sqlite3.Error:  # the replaced database may be the damaged one
        return {}
    return {str(r[0]): (int(r[1]), int(r[2])) for r in rows}


def carry_counters(db: Database, counters: dict[str, tuple[int, int]]) -> None:
    """Bundle numbers are never reused: the restored data goes on from the numbers already used."""
    if not counters:
        return
    with db.session() as s:
        conn = s.connection()
        for site, (out, in_) in counters.items():
            conn.execute(
                text(
                    "UPDATE site SET last_bundle_out = CASE WHEN COALESCE(last_bundle_out, 0) < :o "
                    "THEN :o ELSE last_bundle_out END, last_bundle_in = CASE WHEN "
                    "COALESCE(last_bundle_in, 0) < :i THEN :i ELSE last_bundle_in END WHERE id = :id"
                ),
                {"o": out, "i": in_, "id": site},
            )


def upper_level_approvals(path: Path) -> list[dict[str, Any]]:
    """The report submissions the upper level last wrote (its approvals, locks, reopenings), as
    stored in the database being replaced."""
    if not path.exists():
        return []
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
        con.row_factory = sqlite3.Row
        try:
            me = con.execute("SELECT site_id FROM sync_clock WHERE id = 1").fetchone()
            rows = con.execute(
                "SELECT * FROM report_submission WHERE modified_by_site IS NOT ?", (me[0] if me else "",)
            ).fetchall()
        finally:
            con.close()
    except sqlite3.Error:  # the replaced database may be the damaged one
        return []
    return [dict(r) for r in rows]


def carry_approvals(db: Database, rows: list[dict[str, Any]]) -> None:
    """An approval is never undone by a restore: the upper level's newer approval rows (a lock made
    after the backup) are kept as received, so the approved period stays locked until the upper
    level's next bundle brings everything else back. Same versions: they merge as unchanged."""
    from ..storage.stamping import advance_clock

    if not rows:
        return
    with db.session() as s:
        conn = s.connection()
        cols = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(report_submission)")]
        newer = []
        for row in rows:
            have = conn.execute(
                text("SELECT version FROM report_submission WHERE id = :id"), {"id": row["id"]}
            ).scalar()
            if have is None or str(have) < str(row["version"]):
                newer.append(row)
        for row, stamp in zip(newer, advance_clock(conn, len(newer)), strict=True):
            values = {c: row.get(c) for c in cols}
            values["change_seq"] = stamp.change_seq  # a local change number: it travels again
            names = ", ".join(f'"{c}"' for c in cols)
            binds = ", ".join(f":{c}" for c in cols)
            conn.execute(text(f"INSERT OR REPLACE INTO report_submission ({names}) VALUES ({binds})"), values)

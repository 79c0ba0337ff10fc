"""Seeding and reading the catalogues (group types, meeting types).

Built-in entries are shared reference data: every station writes the *same* rows
(:func:`domain.catalogues.builtin_rows` — an id made from the code, origin ``builtin``, the
clock's epoch as version), so two stations' copies are one record (docs/sync.md, "Shared
reference data"). Only ``change_seq`` is the station's own: it comes from the clock like any
write, and the trail records the entries as created.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import catalogues as builtin
from ..storage import audit_log
from ..storage.models import GroupType, MeetingType
from ..storage.stamping import advance_clock

_MODELS: dict[str, Any] = {"group_type": GroupType, "meeting_type": MeetingType}
_STAMPS = frozenset({"id", "origin_site", "version", "modified_by_site", "field_versions", "deleted"})


def seed(session: Session) -> None:
    """Add the built-in entries this database lacks (by id); never overwrite local edits."""
    session.flush()
    conn = session.connection()
    for table in builtin.BUILTIN_TABLES:
        model = _MODELS[table]
        rows = builtin.builtin_rows(table)
        have = set(session.scalars(select(model.id).where(model.id.in_([r["id"] for r in rows]))))
        missing = [dict(r) for r in rows if r["id"] not in have]
        if not missing:
            continue
        for row, stamp in zip(missing, advance_clock(conn, len(missing)), strict=True):
            row["change_seq"] = stamp.change_seq
        conn.execute(model.__table__.insert(), missing)
        audit_log.append(
            conn,
            [
                {
                    "action": "create",
                    "table_name": table,
                    "record_id": row["id"],
                    "details": {
                        "changes": {
                            k: [None, v]
                            for k, v in row.items()
                            if k not in _STAMPS and k != "change_seq" and v not in (None, "", [], {})
                        }
                    },
                }
                for row in missing
            ],
        )

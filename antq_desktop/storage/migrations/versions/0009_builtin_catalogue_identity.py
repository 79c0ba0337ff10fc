"""one identity for the built-in catalogue entries: merge the copies every station seeded for itself

Until now each station seeded the built-in group types and meeting types with random ids, so an
upper level held one copy per commune and a commune recovered from the upper level held two. From
this revision a built-in entry has the same id at every station (``domain.catalogues.builtin_id``:
UUIDv5 of its code) and the same creation stamps (origin ``builtin``, the clock's epoch).

For each built-in code with an old copy (``source = 'builtin'``, another id) this revision:

* inserts the shared row (as ``services.catalogues.seed`` writes it) when it is missing;
* carries onto it what this station changed on its own old copy — switched off, extra attributes
  of a group type, its own minutes template — as a change of this station (it travels);
* re-points every reference to the old copies (``antq_group.type_id``, ``meeting.type_id``: the
  only foreign keys to these tables) to the shared row, tombstones included;
* tombstones the old copies that are still live.

Every row it writes is stamped like any change (a new version of this station's clock, a new
``change_seq``, the field's version), so re-pointed records and tombstones travel: an upper level
that migrated first sends the commune's own old copies back deleted, and the commune's own
migration makes the same change (the merge sees equal values). The trail gets one entry per
catalogue row created, changed or deleted, and one per re-pointed reference set (table, old id, new
id, how many records), as the importer records a bundle once rather than per row.

Plain UPDATE/INSERT, no batch mode: no table is rebuilt, so the audit triggers stay (STACK-NOTES).
``downgrade`` keeps the merged rows (an old program reads them as ordinary rows).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 04:40:00
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

from antq_desktop.domain import catalogues as builtin
from antq_desktop.storage import audit_log, hlc

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# Catalogue table → (the table whose ``type_id`` refers to it, the fields a station may change on a
# built-in entry and that are carried onto the shared row).
REFERENCES = {"group_type": "antq_group", "meeting_type": "meeting"}
CARRIED = {"group_type": ("active", "attributes_schema"), "meeting_type": ("active", "minutes_template")}
JSON_COLUMNS = frozenset({"field_versions", "attributes_schema", "roles"})
BOOL_COLUMNS = frozenset({"deleted", "active"})
SYNC = ("id", "origin_site", "version", "modified_by_site", "deleted", "change_seq", "field_versions")
COLUMNS = {
    "group_type": (
        *SYNC,
        "code",
        "name",
        "category",
        "attributes_schema",
        "roles",
        "source",
        "sort_order",
        "active",
    ),
    "meeting_type": (*SYNC, "code", "name", "minutes_template", "source", "sort_order", "active"),
    "antq_group": ("id", "type_id", "version", "modified_by_site", "change_seq", "field_versions"),
    "meeting": ("id", "type_id", "version", "modified_by_site", "change_seq", "field_versions"),
}
NOTE = "Gộp các bản sao danh mục có sẵn thành một (phiên bản dữ liệu 0009)."


def _table(name: str) -> sa.TableClause:
    def col(c: str) -> sa.ColumnClause[Any]:
        if c in JSON_COLUMNS:
            return sa.column(c, sa.JSON)
        if c in BOOL_COLUMNS:
            return sa.column(c, sa.Boolean)
        return sa.column(c)

    return sa.table(name, *(col(c) for c in COLUMNS[name]))


class _Clock:
    """This station's clock, advanced in memory and written back once (same transaction)."""

    def __init__(self, conn: sa.Connection) -> None:
        row = conn.execute(sa.text("SELECT seq, hlc, site_id FROM sync_clock WHERE id = 1")).first()
        self.present = row is not None
        self.seq = int(row[0]) if row else 0
        self.current = hlc.Timestamp.decode(row[1]) if row and row[1] else hlc.ZERO
        self.site_id = row[2] if row else ""
        self.used = False

    def next_seq(self) -> int:
        self.used = True
        self.seq += 1
        return self.seq

    def stamp(self) -> tuple[str, int]:
        self.current = hlc.tick(self.current)
        return self.current.encode(), self.next_seq()

    def save(self, conn: sa.Connection) -> None:
        if self.used:
            conn.execute(
                sa.text("UPDATE sync_clock SET seq = :s, hlc = :h WHERE id = 1"),
                {"s": self.seq, "h": self.current.encode()},
            )


def _changes(row: dict[str, Any]) -> dict[str, Any]:
    skip = set(SYNC)
    return {k: [None, v] for k, v in row.items() if k not in skip and v not in (None, "", [], {})}


def _merge_catalogue(conn: sa.Connection, table: str, clock: _Clock, audit: list[dict[str, Any]]) -> None:
    t = _table(table)
    shipped = {r["code"]: r for r in builtin.builtin_rows(table)}
    canonical = {r["id"] for r in shipped.values()}
    old = [
        dict(r)
        for r in conn.execute(
            sa.select(t).where(
                t.c.source == "builtin", t.c.code.in_(sorted(shipped)), t.c.id.not_in(sorted(canonical))
            )
        ).mappings()
    ]
    if not old:
        return
    have = {
        r["id"]: dict(r) for r in conn.execute(sa.select(t).where(t.c.id.in_(sorted(canonical)))).mappings()
    }
    # The shared rows, where missing.
    for code in sorted({r["code"] for r in old}):
        row = dict(shipped[code])
        if row["id"] in have:
            continue
        row["change_seq"] = clock.next_seq()
        conn.execute(t.insert().values(**row))
        have[row["id"]] = row
        audit.append(
            {
                "action": "create",
                "table_name": table,
                "record_id": row["id"],
                "details": {"changes": _changes(row)},
                "note": NOTE,
            }
        )
    # What this station changed on its own old copy, carried onto a shared row it has not changed.
    for copy in old:
        if copy["origin_site"] != clock.site_id or copy["deleted"]:
            continue
        target = have[builtin.builtin_id(table, copy["code"])]
        versions = dict(target["field_versions"] or {})
        changes: dict[str, Any] = {}
        for f in CARRIED[table]:
            if f not in (copy["field_versions"] or {}) or f in versions:
                continue
            value = copy[f]
            if f == "attributes_schema":
                keys = {a.get("key") for a in target[f] or []}
                value = list(target[f] or []) + [a for a in value or [] if a.get("key") not in keys]
            if value != target[f]:
                changes[f] = value
        if not changes:
            continue
        version, seq = clock.stamp()
        versions.update(dict.fromkeys(changes, version))
        conn.execute(
            t.update()
            .where(t.c.id == target["id"])
            .values(
                **changes,
                version=version,
                modified_by_site=clock.site_id,
                change_seq=seq,
                field_versions=versions,
            )
        )
        audit.append(
            {
                "action": "update",
                "table_name": table,
                "record_id": target["id"],
                "details": {"changes": {f: [target[f], v] for f, v in changes.items()}},
                "note": NOTE,
            }
        )
        target.update(changes, field_versions=versions)
    # Every reference to an old copy, to the shared row.
    ref_name = REFERENCES[table]
    ref = _table(ref_name)
    to = {r["id"]: builtin.builtin_id(table, r["code"]) for r in old}
    rows = conn.execute(
        sa.select(ref.c.id, ref.c.type_id, ref.c.field_versions).where(ref.c.type_id.in_(sorted(to)))
    ).all()
    params = []
    moved: dict[tuple[str, str], int] = {}
    for rid, type_id, fv in rows:
        version, seq = clock.stamp()
        params.append(
            {
                "b_id": rid,
                "type_id": to[type_id],
                "version": version,
                "modified_by_site": clock.site_id,
                "change_seq": seq,
                "field_versions": {**(fv or {}), "type_id": version},
            }
        )
        moved[(type_id, to[type_id])] = moved.get((type_id, to[type_id]), 0) + 1
    if params:
        conn.execute(ref.update().where(ref.c.id == sa.bindparam("b_id")), params)
    for (was, now), n in sorted(moved.items()):
        audit.append(
            {
                "action": "update",
                "table_name": ref_name,
                "details": {"changes": {"type_id": [was, now]}, "records": n},
                "note": NOTE,
            }
        )
    # The old copies, tombstoned.
    for copy in old:
        if copy["deleted"]:
            continue
        version, seq = clock.stamp()
        conn.execute(
            t.update()
            .where(t.c.id == copy["id"])
            .values(
                deleted=True,
                version=version,
                modified_by_site=clock.site_id,
                change_seq=seq,
                field_versions={**(copy["field_versions"] or {}), "deleted": version},
            )
        )
        audit.append(
            {
                "action": "delete",
                "table_name": table,
                "record_id": copy["id"],
                "details": {"changes": {}},
                "note": NOTE,
            }
        )


def upgrade() -> None:
    conn = op.get_bind()
    clock = _Clock(conn)
    if not clock.present:
        return  # a database not set up yet holds no catalogue
    audit: list[dict[str, Any]] = []
    for table in builtin.BUILTIN_TABLES:
        _merge_catalogue(conn, table, clock, audit)
    clock.save(conn)
    if audit:
        audit_log.append(conn, audit)


def downgrade() -> None:
    pass

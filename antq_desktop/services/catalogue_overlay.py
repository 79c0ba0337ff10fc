"""A commune's own preferences about a shared catalogue entry, kept at the commune (docs/sync.md).

A built-in group or meeting kind is one record for the whole province, and a kind the upper level
made is the upper level's: a commune's bundle that changes one is refused ("Scope on import"), and
a change that did get through would reach every commune. So at a commune, what it wants different
about such an entry — switched off, its own minutes template, extra attributes on a group kind — is
an **overlay** kept in the ``setting`` table (settings never travel), one key per entry id. The
readers (``services.groups``, ``services.meetings``) lay it over the shared row; the upper level's
later edits of the row still reach the commune and combine with it.

At the upper level (``Site.role == 'hub'``) and for the commune's own kinds the row itself is
edited, as before: that is how the province changes its catalogue for everyone.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.catalogues import BUILTIN_ORIGIN, builtin_rows
from ..storage import audit_log
from ..storage.models import GroupType, MeetingType, Setting, Site
from ..storage.stamping import advance_clock

PREFIX = "catalogue_overlay."
# Sources of entries a commune never edits in the row (besides anything the upper level made).
SHARED_SOURCES = frozenset({"builtin", "province"})


@dataclass(frozen=True)
class Overlay:
    """What this station wants different about one shared entry (``None``/empty: as shared)."""

    active: bool | None = None
    minutes_template: str | None = None  # meeting kinds: the commune's own text
    attributes: tuple[dict[str, str], ...] = ()  # group kinds: attributes added by the commune

    @property
    def empty(self) -> bool:
        return self.active is None and self.minutes_template is None and not self.attributes

    def to_value(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.active is not None:
            out["active"] = self.active
        if self.minutes_template is not None:
            out["minutes_template"] = self.minutes_template
        if self.attributes:
            out["attributes"] = [dict(a) for a in self.attributes]
        return out

    @classmethod
    def from_value(cls, value: Any) -> Overlay:
        if not isinstance(value, dict):
            return cls()
        active = value.get("active")
        template = value.get("minutes_template")
        attributes = value.get("attributes")
        return cls(
            active=active if isinstance(active, bool) else None,
            minutes_template=template if isinstance(template, str) else None,
            attributes=tuple(
                {str(k): str(v) for k, v in a.items()}
                for a in (attributes if isinstance(attributes, list) else [])
                if isinstance(a, dict) and a.get("key")
            ),
        )


def _key(table: str, entry_id: str) -> str:
    return f"{PREFIX}{table}.{entry_id}"


def get(s: Session, table: str, entry_id: str) -> Overlay:
    row = s.get(Setting, _key(table, entry_id))
    return Overlay.from_value(row.value if row is not None else None)


def all_of(s: Session, table: str) -> dict[str, Overlay]:
    """Every overlay of ``table`` at this station, by entry id."""
    prefix = _key(table, "")
    rows = s.scalars(select(Setting).where(Setting.key.like(f"{prefix}%"))).all()
    return {r.key[len(prefix) :]: Overlay.from_value(r.value) for r in rows if r.key.startswith(prefix)}


def put(s: Session, table: str, entry_id: str, overlay: Overlay) -> None:
    """Store the overlay (an empty one removes the setting)."""
    key = _key(table, entry_id)
    row = s.get(Setting, key)
    if overlay.empty:
        if row is not None:
            s.delete(row)
    elif row is None:
        s.add(Setting(key=key, value=overlay.to_value()))
    else:
        row.value = overlay.to_value()


def is_upper_level(s: Session) -> bool:
    return s.scalar(select(Site.role).where(Site.is_self.is_(True))) == "hub"


def is_shared(s: Session, row: Any) -> bool:
    """Whether a commune holds ``row`` (a GroupType or MeetingType) as the province's, not its own:
    built-in, a province kind, or made by the upper level."""
    if row.source in SHARED_SOURCES or row.origin_site == BUILTIN_ORIGIN:
        return True
    if not row.origin_site:
        return False
    return s.scalar(select(Site.role).where(Site.id == row.origin_site)) == "hub"


def edits_row(s: Session, row: Any) -> bool:
    """Whether an edit of ``row`` here goes to the row itself (and travels) rather than an overlay:
    at the upper level always; at a commune only for its own kinds."""
    return is_upper_level(s) or not is_shared(s, row)


# -- changes a commune once made to a shared row -------------------------------------------------

_DATA_COLUMNS = {
    "group_type": (
        "code",
        "name",
        "category",
        "attributes_schema",
        "roles",
        "source",
        "sort_order",
        "active",
    ),
    "meeting_type": ("code", "name", "minutes_template", "source", "sort_order", "active"),
}
_STAMPS = ("version", "modified_by_site", "field_versions", "deleted")


def adopt_row_changes(s: Session) -> int:
    """At a commune, move its own changes of built-in rows into its overlay; returns how many rows.

    Migration 0009 carried what a station had changed on its old copy of a built-in entry (switched
    off, its minutes template, added attributes) onto the shared row as the station's change — which
    the upper level refuses, as any commune's change of a built-in entry. Here that change becomes
    the commune's overlay (it sees the same) and the row is again exactly as shipped (stamps too), so
    it merges everywhere as unchanged. Idempotent; nothing to do at the upper level.
    """
    me = s.scalar(select(Site).where(Site.is_self.is_(True)))
    if me is None or me.role == "hub":
        return 0
    conn = s.connection()
    moved = 0
    for table, columns in _DATA_COLUMNS.items():
        t = {"group_type": GroupType, "meeting_type": MeetingType}[table].__table__
        shipped = {r["id"]: r for r in builtin_rows(table)}
        rows = [
            dict(r)
            for r in conn.execute(
                select(t).where(t.c.id.in_(sorted(shipped)), t.c.modified_by_site == me.id)
            ).mappings()
        ]
        if not rows:
            continue
        for row, stamp in zip(rows, advance_clock(conn, len(rows)), strict=True):
            ship = shipped[row["id"]]
            ov = get(s, table, row["id"])
            if ov.active is None and bool(row["active"]) != ship["active"]:
                ov = replace(ov, active=bool(row["active"]))
            if (
                table == "meeting_type"
                and ov.minutes_template is None
                and (row["minutes_template"] or "").strip()
            ):
                ov = replace(ov, minutes_template=str(row["minutes_template"]).strip())
            if table == "group_type":
                have = {a["key"] for a in ship["attributes_schema"]} | {a["key"] for a in ov.attributes}
                added = [
                    {
                        "key": str(a["key"]),
                        "label": str(a.get("label") or a["key"]),
                        "type": str(a.get("type") or a.get("kind") or "text"),
                    }
                    for a in row["attributes_schema"] or []
                    if isinstance(a, dict) and a.get("key") and a["key"] not in have
                ]
                ov = replace(ov, attributes=(*ov.attributes, *added))
            put(s, table, row["id"], ov)
            values = {c: ship[c] for c in (*columns, *_STAMPS)}
            conn.execute(t.update().where(t.c.id == row["id"]).values(**values, change_seq=stamp.change_seq))
            audit_log.append(
                conn,
                [
                    {
                        "action": "update",
                        "table_name": table,
                        "record_id": row["id"],
                        "details": {"overlay": ov.to_value()},
                        "note": "Chuyển thay đổi của xã đối với danh mục dùng chung sang phần riêng của xã.",
                    }
                ],
            )
            moved += 1
    s.flush()
    return moved

"""The conflict list: both values of a field two sites changed at once, and what a person decides.

Each entry names its record as a person knows it (a household by its head and
village, a person by name: :func:`.labels.record_label`), not by an id.

A decision travels, so a conflict closes on both sides. *Keep* writes the
kept value again and *restore* writes the losing value back, both as ordinary
edits through the ORM: stamping gives the field a new version, newer than both
values of the conflict, and that version wins everywhere once it has
travelled. A station that imports a row whose field version is newer than both
versions of one of its open conflicts on that record and field closes it as
``superseded`` (:func:`close_superseded`, inside the import's transaction): the
question was answered elsewhere (or the field was edited again since).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from ..services.errors import UserError
from ..storage import hlc
from ..storage.database import Database
from ..storage.models import Site, SyncConflict
from .labels import record_label
from .rows import BY_NAME, TravellingTable


@dataclass
class ConflictView:
    id: int
    table: str
    record_id: str
    field: str
    loser_side: str
    winner_value: Any
    winner_site: str
    winner_changed_at: str
    loser_value: Any
    loser_site: str
    loser_changed_at: str
    detected_at: str
    resolution: str
    # The record as a person knows it: "hộ Nguyễn Văn An, Thôn Một", a person's name, a decision number.
    record_label: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _when(version: str) -> str:
    try:
        ms = hlc.Timestamp.decode(version).ms
        return datetime.fromtimestamp(ms / 1000).isoformat(timespec="seconds")
    except (ValueError, OverflowError, OSError):
        return ""


def _label(s: Session, table: str, record_id: str) -> str:
    t = BY_NAME.get(table)
    if t is None:
        return record_id[:8]
    row = s.execute(select(t.table).where(t.table.c.id == record_id)).mappings().first()
    return record_label(s, table, dict(row) if row is not None else None, record_id)


def list_conflicts(db: Database, open_only: bool = True) -> list[ConflictView]:
    with db.session() as s:
        names = {site.id: site.unit_name for site in s.scalars(select(Site))}
        stmt = select(SyncConflict).order_by(SyncConflict.id)
        if open_only:
            stmt = stmt.where(SyncConflict.resolution == "")
        labels: dict[tuple[str, str], str] = {}
        out = []
        for c in s.scalars(stmt).all():
            key = (c.table_name, c.record_id)
            if key not in labels:
                labels[key] = _label(s, c.table_name, c.record_id)
            out.append(_view(c, names, labels[key]))
        return out


def _view(c: SyncConflict, names: dict[str, str], label: str) -> ConflictView:
    return ConflictView(
        c.id,
        c.table_name,
        c.record_id,
        c.field,
        c.loser_side,
        c.winner_value,
        names.get(c.winner_site, c.winner_site),
        _when(c.winner_version),
        c.loser_value,
        names.get(c.loser_site, c.loser_site),
        _when(c.loser_version),
        c.detected_at.isoformat(timespec="seconds"),
        c.resolution,
        label,
    )


def resolve(db: Database, conflict_id: int, action: str, now: datetime | None = None) -> None:
    """``keep`` the winner or ``restore`` the loser (a new change that travels)."""
    if action not in ("keep", "restore"):
        raise UserError("Chỉ chọn 'giữ' (keep) hoặc 'khôi phục' (restore).", "Choose keep or restore.")
    with db.session() as s:
        c = s.get(SyncConflict, conflict_id)
        if c is None:
            raise UserError(f"Không có xung đột số {conflict_id}.", f"No conflict number {conflict_id}.")
        t = BY_NAME[c.table_name]
        obj = s.get(t.model, c.record_id)
        if obj is None and action == "restore":
            raise UserError("Bản ghi của xung đột này không còn.", "The record of this conflict is gone.")
        if obj is not None:
            if action == "restore":
                value = c.loser_value
                if value is not None and c.field in t.datetimes:
                    value = datetime.fromisoformat(value)
                elif value is not None and c.field in t.dates:
                    value = date.fromisoformat(value)
                setattr(obj, c.field, value)
            # Keep writes the value it keeps again: a new version of the field travels, and the
            # other side closes its own entry for it when that version arrives (close_superseded).
            flag_modified(obj, c.field)
        when = now or datetime.now()
        resolution = "kept" if action == "keep" else "restored"
        others = s.scalars(
            select(SyncConflict).where(
                SyncConflict.table_name == c.table_name,
                SyncConflict.record_id == c.record_id,
                SyncConflict.field == c.field,
                SyncConflict.resolution == "",
            )
        )
        for entry in {c, *others}:  # the same field's older entries are answered by the same decision
            entry.resolution = resolution
            entry.resolved_at = when


def _version_of(row: dict[str, Any], f: str) -> str:
    fv = row.get("field_versions") or {}
    return str(fv.get(f) or fv.get("*") or row.get("version") or "")


def close_superseded(
    s: Session, written: Iterable[tuple[TravellingTable, dict[str, Any]]], now: datetime
) -> int:
    """Close open conflicts whose field an imported row carries in a version newer than both of theirs.

    ``written``: the merged rows an import changed. Returns the number closed (``superseded``).
    """
    open_entries: dict[tuple[str, str], list[SyncConflict]] = {}
    for c in s.scalars(select(SyncConflict).where(SyncConflict.resolution == "")):
        open_entries.setdefault((c.table_name, c.record_id), []).append(c)
    if not open_entries:
        return 0
    closed = 0
    for t, row in written:
        for c in open_entries.get((t.name, str(row["id"])), ()):
            if c.resolution == "" and _version_of(row, c.field) > max(c.winner_version, c.loser_version):
                c.resolution = "superseded"
                c.resolved_at = now
                closed += 1
    return closed

"""The conflict list: both values of a field two sites changed at once, and what a person decides.

*Keep* closes the entry (the merged value stays). *Restore* writes the losing
value back as an ordinary edit through the ORM, so stamping gives it a new
version: it wins everywhere once it has travelled.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from ..services.errors import UserError
from ..storage import hlc
from ..storage.database import Database
from ..storage.models import Site, SyncConflict
from .rows import BY_NAME


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

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _when(version: str) -> str:
    try:
        ms = hlc.Timestamp.decode(version).ms
        return datetime.fromtimestamp(ms / 1000).isoformat(timespec="seconds")
    except (ValueError, OverflowError, OSError):
        return ""


def list_conflicts(db: Database, open_only: bool = True) -> list[ConflictView]:
    with db.session() as s:
        names = {site.id: site.unit_name for site in s.scalars(select(Site))}
        stmt = select(SyncConflict).order_by(SyncConflict.id)
        if open_only:
            stmt = stmt.where(SyncConflict.resolution == "")
        return [
            ConflictView(
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
            )
            for c in s.scalars(stmt)
        ]


def resolve(db: Database, conflict_id: int, action: str, now: datetime | None = None) -> None:
    """``keep`` the winner or ``restore`` the loser (a new change that travels)."""
    if action not in ("keep", "restore"):
        raise UserError("Chỉ chọn 'giữ' (keep) hoặc 'khôi phục' (restore).", "Choose keep or restore.")
    with db.session() as s:
        c = s.get(SyncConflict, conflict_id)
        if c is None:
            raise UserError(f"Không có xung đột số {conflict_id}.", f"No conflict number {conflict_id}.")
        if action == "restore":
            t = BY_NAME[c.table_name]
            obj = s.get(t.model, c.record_id)
            if obj is None:
                raise UserError("Bản ghi của xung đột này không còn.", "The record of this conflict is gone.")
            value = c.loser_value
            if value is not None and c.field in t.datetimes:
                value = datetime.fromisoformat(value)
            elif value is not None and c.field in t.dates:
                value = date.fromisoformat(value)
            setattr(obj, c.field, value)
        c.resolution = "kept" if action == "keep" else "restored"
        c.resolved_at = now or datetime.now()

"""What bundle exchange remembers locally: conflicts to review, and the log of bundles sent and received.

Both tables are station-local (no sync columns): a conflict is this station's
view of two edits it had to choose between, and the log is this station's
history of files.  Neither travels.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from ..base import Base


class SyncConflict(Base):
    """One field where two sites changed the same record concurrently; the loser is kept for review.

    ``loser_side`` says whose value lost here: ``local`` (this station's edit was
    overridden by the bundle) or ``incoming`` (the bundle's edit lost to ours).
    Restoring the loser writes it as a new change, which then travels.
    """

    __tablename__ = "sync_conflict"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    detected_at: Mapped[datetime] = mapped_column(index=True)
    peer_site: Mapped[str] = mapped_column(String(36))
    bundle_no: Mapped[int] = mapped_column(default=0)
    table_name: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(64))
    # local | incoming
    loser_side: Mapped[str] = mapped_column(String(16))
    winner_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    winner_version: Mapped[str] = mapped_column(String(24))
    winner_site: Mapped[str] = mapped_column(String(36), default="")
    loser_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    loser_version: Mapped[str] = mapped_column(String(24))
    loser_site: Mapped[str] = mapped_column(String(36), default="")
    # "" (open) | kept | restored
    resolution: Mapped[str] = mapped_column(String(16), default="")
    resolved_at: Mapped[datetime | None]


class SyncLog(Base):
    """A bundle written for, or applied from, a peer (what the status screen reads)."""

    __tablename__ = "sync_log"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    peer_site: Mapped[str] = mapped_column(String(36), index=True)
    # out | in
    direction: Mapped[str] = mapped_column(String(3))
    # normal | recovery
    kind: Mapped[str] = mapped_column(String(16), default="normal")
    bundle_no: Mapped[int] = mapped_column(default=0)
    at: Mapped[datetime]
    rows: Mapped[int] = mapped_column(default=0)
    file_name: Mapped[str] = mapped_column(String(500), default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)

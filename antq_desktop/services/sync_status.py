"""Sync as the rest of the program sees it: per-peer status, and a new incarnation after a restore.

This lives in ``services`` (not ``sync``) so the overview page and the backup /
restore code, which sit below ``sync`` in the layers, can use it.

**Incarnation** (ARCHITECTURE §3). A database restored from an older backup
has forgotten changes its peers already acknowledged, and its change counter
starts again from the backup's value — so new changes would get numbers the
peers believe they already hold. :func:`start_new_incarnation` therefore gives
the station a new, random incarnation (never reused, even when the same backup
is restored twice) and forgets what it believed each peer had received
(``peer_acked_seq = 0``): the next bundle to every peer is a full re-send.
Peers see an incarnation they have not seen before in that bundle, drop what they had counted as
received from the old one, and take its acknowledgement as it is, so they send
back everything the restored station lost. The restore (services/backups.py)
calls it on the verified copy before that copy is swapped in, so restored data is
never opened under its old identity; an import that finds a peer acknowledging
more than this database holds calls :func:`start_new_incarnation_in` itself.
"""

from __future__ import annotations

import secrets
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, text

from ..storage.base import Base, SyncMixin
from ..storage.database import Database
from ..storage.models import Site, SyncLog
from . import settings

WARN_DAYS_SETTING = "sync.warn_after_days"
DEFAULT_WARN_DAYS = 14


def start_new_incarnation(db: Database) -> int:
    """After restoring a backup: a new incarnation, and a full re-send to every peer. Returns the new number."""
    with db.session() as s:
        return start_new_incarnation_in(s.connection())


def start_new_incarnation_in(conn: Any) -> int:
    """:func:`start_new_incarnation` inside the caller's transaction (``conn``: a SQLAlchemy connection).

    Also used by the restore (on the verified copy, before it is swapped in) and by an import that
    finds a peer acknowledging more than this database holds.
    """
    current = conn.execute(text("SELECT incarnation FROM sync_clock WHERE id = 1")).scalar()
    if current is None:
        return 0
    # Random, not current + 1: two restores of the same backup would otherwise both become
    # "incarnation 2", and peers could not tell the second from the first (the test found it).
    incarnation = int(current)
    while incarnation == int(current) or incarnation < 2:
        incarnation = secrets.randbelow(2**31 - 1)
    conn.execute(text("UPDATE sync_clock SET incarnation = :i WHERE id = 1"), {"i": incarnation})
    conn.execute(text("UPDATE site SET incarnation = :i WHERE is_self = :t"), {"i": incarnation, "t": True})
    conn.execute(text("UPDATE site SET peer_acked_seq = 0 WHERE is_self = :f"), {"f": False})
    return incarnation


@dataclass
class PeerStatus:
    site_id: str
    unit_name: str
    unit_code: str
    role: str
    paired: bool
    revoked: bool
    fingerprint_known: bool
    last_bundle_out: int
    last_bundle_in: int
    last_sent_at: str | None
    last_received_at: str | None
    days_since_exchange: int | None
    unacknowledged: int
    overdue: bool
    # The peer's audit trail was rewritten after an earlier bundle (sync/audit_heads.py), or "".
    audit_warning: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


# Settings key prefix of the standing warning about a peer's rewritten audit trail.
AUDIT_WARNING_PREFIX = "sync.audit_warning."


def _travelling_models() -> list[type]:
    return [m.class_ for m in Base.registry.mappers if issubclass(m.class_, SyncMixin)]


def travelling_tables() -> list[str]:
    """Names of the tables whose rows travel between stations."""
    return sorted(m.__table__.name for m in _travelling_models())


def peer_status(db: Database, now: datetime | None = None) -> list[PeerStatus]:
    """Per paired peer: last bundle sent / received, rows still unacknowledged, days since the last exchange.

    "Unacknowledged" counts every travelling row changed here after the peer's
    acknowledgement — an upper bound for an upper level, which sends each
    commune only its share.
    """
    now = now or datetime.now()
    with db.session() as s:
        warn = int(settings.get(s, WARN_DAYS_SETTING, DEFAULT_WARN_DAYS) or DEFAULT_WARN_DAYS)
        peers = list(s.scalars(select(Site).where(Site.is_self.is_(False)).order_by(Site.unit_name)))
        out = []
        for p in peers:
            if p.paired_at is None:
                continue
            last = {
                d: s.scalar(
                    select(func.max(SyncLog.at)).where(SyncLog.peer_site == p.id, SyncLog.direction == d)
                )
                for d in ("out", "in")
            }
            unacked = 0
            for model in _travelling_models():
                unacked += int(
                    s.scalar(
                        select(func.count())
                        .select_from(model)
                        .where(model.change_seq > (p.peer_acked_seq or 0))
                    )
                    or 0
                )
            times = [t for t in last.values() if t is not None]
            since = (now - max(times)).days if times else (now - p.paired_at).days
            out.append(
                PeerStatus(
                    site_id=p.id,
                    unit_name=p.unit_name,
                    unit_code=p.unit_code,
                    role=p.role,
                    paired=True,
                    revoked=p.revoked_at is not None,
                    fingerprint_known=bool(p.signing_public_key),
                    last_bundle_out=int(p.last_bundle_out or 0),
                    last_bundle_in=int(p.last_bundle_in or 0),
                    last_sent_at=last["out"].isoformat(timespec="seconds") if last["out"] else None,
                    last_received_at=last["in"].isoformat(timespec="seconds") if last["in"] else None,
                    days_since_exchange=since,
                    unacknowledged=unacked,
                    overdue=p.revoked_at is None and since >= warn,
                    audit_warning=_warning_text(settings.get(s, AUDIT_WARNING_PREFIX + p.id)),
                )
            )
        return out


def _warning_text(value: Any) -> str:
    return str(value.get("text", "")) if isinstance(value, dict) else ""

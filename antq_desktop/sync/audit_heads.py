"""The audit chain head travels in every bundle, so the other side notices a rewritten past.

Each bundle's manifest carries ``audit``: the sender's newest entry (id and hash) and, for the
heads it put in earlier bundles to this peer, the hash the entry with that id has *now*.  The
receiver keeps the heads it was given; if a checkpoint no longer matches, or a newer bundle's head
is older than one already seen, someone rewrote the sender's trail (it is append-only and
triggers refuse changes, so only a hand-edited database file does that).  The bundle is still
imported (its records are signed and sound); the receiver records a warning that stays on the
peer until a person has looked at it, and an audit entry of its own.

A restored backup (a new incarnation) honestly goes back in time: the receiver starts over.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..services import audit, settings
from ..services.sync_status import AUDIT_WARNING_PREFIX
from ..storage import audit_log
from ..storage.models import AuditEntry, Site

KEEP = 50
SENT = "sync.audit_sent."
SEEN = "sync.audit_seen."
WARNING = AUDIT_WARNING_PREFIX


def manifest_part(s: Session, peer: Site) -> dict[str, Any]:
    """The ``audit`` part of a bundle for ``peer``; remembers this head as sent."""
    conn = s.connection()
    head_id, head_hash = audit_log.head(conn)
    sent = [int(i) for i in settings.get(s, SENT + peer.id, []) or []]
    hashes = dict(conn.execute(select(AuditEntry.id, AuditEntry.hash).where(AuditEntry.id.in_(sent))).all())
    checkpoints = [{"entry_id": i, "hash": hashes.get(i, "")} for i in sent]
    if head_id and head_id not in sent:
        settings.put(s, SENT + peer.id, [*sent, head_id][-KEEP:])
    return {"head": {"entry_id": int(head_id), "hash": head_hash}, "checkpoints": checkpoints}


def check_in(
    s: Session,
    peer: Site,
    part: dict[str, Any] | None,
    newer: bool,
    restarted: bool,
    bundle_no: int,
    now: datetime,
) -> str:
    """Compare a received ``audit`` part with the heads seen before; returns a warning or ``""``."""
    if not part:
        return ""
    seen: dict[str, str] = {} if restarted else dict(settings.get(s, SEEN + peer.id, {}) or {})
    head = part.get("head") or {}
    head_id, head_hash = int(head.get("entry_id") or 0), str(head.get("hash") or "")
    problem = ""
    for cp in part.get("checkpoints") or []:
        known = seen.get(str(int(cp.get("entry_id") or 0)))
        if known is not None and known != str(cp.get("hash") or ""):
            problem = f"mục số {cp.get('entry_id')} đã khác với lần gửi trước"
            break
    if not problem and str(head_id) in seen and seen[str(head_id)] != head_hash:
        problem = f"mục số {head_id} đã khác với lần gửi trước"
    if not problem and newer and seen and head_id < max(int(k) for k in seen):
        problem = f"nhật ký ngắn lại (mục cuối số {head_id}, trước đã có mục số {max(int(k) for k in seen)})"
    if head_id:
        seen[str(head_id)] = head_hash
        kept = sorted(seen, key=int)[-KEEP:]
        settings.put(s, SEEN + peer.id, {k: seen[k] for k in kept})
    if not problem:
        return ""
    text = (
        f"Nhật ký thao tác của {peer.unit_name} đã bị sửa sau khi gửi ({problem}): "
        "hãy liên hệ đơn vị đó và kiểm tra máy của họ bằng lệnh antq audit verify."
    )
    settings.put(
        s, WARNING + peer.id, {"text": text, "bundle_no": bundle_no, "at": now.isoformat(timespec="seconds")}
    )
    audit.record(
        s, "audit_mismatch", table="site", record_id=peer.id, details={"bundle_no": bundle_no}, note=text
    )
    return text


def warning_of(s: Session, peer_id: str) -> str:
    """The standing warning about a peer's audit trail, if any."""
    w = settings.get(s, WARNING + peer_id)
    return str(w.get("text", "")) if isinstance(w, dict) else ""

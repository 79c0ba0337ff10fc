"""The audit chain head travels in every bundle, so the other side notices a rewritten past.

Each bundle's manifest carries ``audit``: the sender's newest entry (id and hash) and, for the
heads it put in earlier bundles to this peer, the hash the entry with that id has *now*.  The
receiver keeps the heads it was given; if a checkpoint no longer matches, or a newer bundle's head
is older than one already seen, someone rewrote the sender's trail (it is append-only and
triggers refuse changes, so only a hand-edited database file does that).  The bundle is still
imported (its records are signed and sound); the receiver records a warning that stays on the
peer until a person has looked at it, and an audit entry of its own.

A restored backup (a new incarnation) honestly goes back in time: the receiver starts over.

**Acknowledgement.**  The receiver also sends back, in every bundle to that peer, the newest head of
the peer it received and accepted (``audit_ack``: the peer's incarnation, entry id and hash, inside
the signed manifest; :func:`ack_part`).  A head that came with a warning is not accepted: the
acknowledgement stays at the last sound one.  The peer keeps the newest acknowledgement of its own
current incarnation (:func:`keep_ack`, setting :data:`ACKED_HERE`), and ``antq audit verify``
(services/audit_anchors.py) compares its trail with it: a cut tail is named even when the anchor
file, the backups and the heads-sent setting are gone — and a deleted acknowledgement comes back
with the peer's next bundle.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..services import audit, settings
from ..services.sync_status import AUDIT_WARNING_PREFIX
from ..storage import audit_log
from ..storage.models import AuditEntry, Setting, Site, SyncClock

KEEP = 50
SENT = "sync.audit_sent."
SEEN = "sync.audit_seen."
WARNING = AUDIT_WARNING_PREFIX
ACCEPTED = "sync.audit_accepted."  # the newest head of a peer accepted here (sent back as audit_ack)
ACKED_HERE = "sync.audit_ack."  # this station's own head as a peer acknowledged it (read by verify)
_HASH = re.compile(r"[0-9a-f]{64}")


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
    _accept(s, peer, head_id, head_hash, restarted, bool(problem))
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


# -- the acknowledgement sent back -----------------------------------------------------------------


def _accept(s: Session, peer: Site, head_id: int, head_hash: str, restarted: bool, problem: bool) -> None:
    """Remember ``peer``'s head as accepted: the newest sound one (a restart starts over)."""
    if restarted:
        settings.put(s, ACCEPTED + peer.id, None)
    if problem or not head_id or not _HASH.fullmatch(head_hash):
        return
    old = settings.get(s, ACCEPTED + peer.id)
    if isinstance(old, dict) and int(old.get("entry_id") or 0) >= head_id:
        return
    settings.put(s, ACCEPTED + peer.id, {"entry_id": head_id, "hash": head_hash})


def ack_part(s: Session, peer: Site) -> dict[str, Any] | None:
    """The ``audit_ack`` of a bundle for ``peer``: its newest head accepted here, or None."""
    accepted = settings.get(s, ACCEPTED + peer.id)
    if not isinstance(accepted, dict) or not int(accepted.get("entry_id") or 0):
        return None
    return {
        "incarnation": int(peer.incarnation or 1),
        "entry_id": int(accepted["entry_id"]),
        "hash": str(accepted.get("hash") or ""),
    }


def keep_ack(s: Session, sender: Site, part: object, bundle_no: int) -> bool:
    """Keep a received acknowledgement of this station's head (newest of its current incarnation).

    An acknowledgement of another incarnation (written before the sender heard of a restore here)
    or one older than the one kept is left aside.  True when it was kept."""
    if not isinstance(part, dict):
        return False
    inc, entry_id, head_hash = part.get("incarnation"), part.get("entry_id"), part.get("hash")
    well_formed = type(inc) is int and type(entry_id) is int and 0 < entry_id < 2**62
    if not well_formed or not isinstance(head_hash, str) or not _HASH.fullmatch(head_hash):
        return False
    mine = int(s.scalar(select(SyncClock.incarnation).where(SyncClock.id == 1)) or 1)
    if inc != mine:
        return False
    old = settings.get(s, ACKED_HERE + sender.id)
    if isinstance(old, dict) and int(old.get("incarnation") or 0) == mine:
        if int(old.get("entry_id") or 0) > entry_id or (old.get("entry_id"), old.get("hash")) == (
            entry_id,
            head_hash,
        ):
            return False  # an older bundle, or the same acknowledgement again
    settings.put(
        s,
        ACKED_HERE + sender.id,
        {"incarnation": mine, "entry_id": entry_id, "hash": head_hash, "bundle_no": int(bundle_no)},
    )
    return True


def acknowledged(s: Session) -> dict[str, dict[str, Any]]:
    """Peer id → the acknowledgement of this station's head it sent back (as kept)."""
    rows = s.execute(select(Setting.key, Setting.value).where(Setting.key.like(ACKED_HERE + "%"))).all()
    return {k[len(ACKED_HERE) :]: v for k, v in rows if isinstance(v, dict)}

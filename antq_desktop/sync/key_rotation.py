"""A station's signing key replaced (rotation) or revoked at the upper level (docs/security.md).

**Rotation** (``antq keys rotate``): a new Ed25519 key pair becomes the station's key at once —
certificates and cards are signed with it from now on, and the old public key stays in the
station's history so certificates printed before keep verifying.  A new X25519 bundle encryption
key pair is made with it (sync/crypto.py); the old private half stays sealed as a retired key, so a
bundle already on its way, encrypted to it, still opens.  Peers still trust only the old
key, so the *next* bundle to each peer is signed with the old key and carries, in its manifest,
``key_rotation``: the new public keys (signing and encryption) endorsed by the old signing key.  The
peer checks that endorsement with the key it trusts, takes the new keys — its bundles to this
station are encrypted to the new one from then on — and keeps the old signing key as that station's
history (for certificates).  Once the peer acknowledges a bundle sent after the rotation (its ``ack.seq`` reaches
the rotation's point: the rotation moves this station's change counter on by one), bundles to it are
signed with the new key.  A new rotation waits until every peer took the last one.

**Revocation** (``antq keys revoke`` at the upper level): the commune station is revoked (no bundle
to or from it any more, :mod:`.cards`), and a record ``{site_id, unit_name, keys, revoked_at,
reason}`` of every signing key it had is kept in :data:`station_keys.REVOCATIONS_SETTING`.  The
upper level's bundles carry the whole list (``revoked_keys``) down to its communes, which keep it:
they refuse a bundle signed by a listed key, and every station reports a certificate signed by a
listed key and dated after the revocation as not valid (``antq awards verify``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ..services import audit, key_seal, settings, station_keys
from ..services.errors import UserError
from ..services.station_keys import StationKey
from ..storage.database import Database
from ..storage.models import Site
from . import audit_heads, cards
from .crypto import encryption_key_id, load_x25519_public, rotate_encryption_in, signing_key_id

ROTATION_SETTING = "station_keys.previous"  # the replaced key (sealed) until every peer took the new one
_CONTEXT = b"antq-key-rotation-v1\x00"
MAX_REASON = 300


def _message(body: dict[str, Any]) -> bytes:
    return _CONTEXT + cards.canonical_json(body)


def _body(site_id: str, old: str, new: str, rotated_at: str, new_encryption: str = "") -> dict[str, str]:
    body = {"site_id": site_id, "old_signing_key": old, "new_signing_key": new, "rotated_at": rotated_at}
    if new_encryption:  # a rotation also replaces the X25519 key (none made before it did)
        body["new_encryption_key"] = new_encryption
    return body


def _pending_peers(s: Session, previous: dict[str, Any]) -> list[Site]:
    """Active peers that have not yet acknowledged a bundle sent after the last rotation."""
    rotated_at = str(previous.get("rotated_at", ""))
    return [
        p
        for p in s.scalars(
            select(Site).where(
                Site.is_self.is_(False), Site.paired_at.is_not(None), Site.revoked_at.is_(None)
            )
        )
        if int(p.peer_acked_seq or 0) < int(previous.get("at_seq", 0)) and not _paired_since(p, rotated_at)
    ]


def _paired_since(peer: Site, rotated_at: str) -> bool:
    """Whether ``peer`` was paired at or after the rotation (it took the new card, never knew the old key).

    ``rotated_at`` has microseconds (it had seconds before 2026-12: a pairing in the same second as the
    rotation then counted as after it, and the peer was never told of the new key)."""
    if peer.paired_at is None:
        return False
    try:
        return peer.paired_at >= datetime.fromisoformat(rotated_at)
    except ValueError:
        return False


@dataclass(frozen=True)
class Rotation:
    old_key_id: str
    new_key_id: str
    rotated_at: str
    peers: tuple[str, ...]  # the peers that take the new key with their next bundle
    old_encryption_key_id: str = ""
    new_encryption_key_id: str = ""


def rotate(db: Database, now: datetime | None = None) -> Rotation:
    """Replace this station's signing key (the data key must be open: a signed-in session)."""
    now = now or datetime.now()
    with db.session() as s:
        me = cards.self_site_in(s)
        old = station_keys.ensure_in(s, now)
        previous = settings.get(s, ROTATION_SETTING)
        if isinstance(previous, dict):
            waiting = _pending_peers(s, previous)
            if waiting:
                names = ", ".join(p.unit_name for p in waiting)
                raise UserError(
                    f"Khóa mới lần trước chưa được {names} nhận: hãy trao đổi gói dữ liệu với đơn vị đó trước rồi mới đổi khóa lần nữa.",
                    f"{names} has not yet taken the previous new key: exchange bundles with it before rotating again.",
                )
        new = Ed25519PrivateKey.generate()
        new_public = station_keys.public_key_text(new.public_key())
        rotated_at = now.isoformat(timespec="microseconds")
        old_enc, new_enc = rotate_encryption_in(s, now)  # the old X25519 key stays, sealed, as retired
        # Any bundle written from now on is past this point; a peer acknowledging it has the new key.
        at_seq = s.execute(
            text("UPDATE sync_clock SET seq = seq + 1 WHERE id = 1 RETURNING seq")
        ).scalar_one()
        row = station_keys.sealed_row(s, ROTATION_SETTING, old.private, old.created_at)
        body = _body(me.id, old.public_text, new_public, rotated_at, new_enc.public_text)
        row.update(
            {
                "new_public": new_public,
                "new_encryption_public": new_enc.public_text,
                "rotated_at": rotated_at,
                "at_seq": int(at_seq),
                "signature": station_keys.b64url(old.sign(_message(body))),
            }
        )
        settings.put(s, ROTATION_SETTING, row)
        settings.put(
            s,
            station_keys.PRIVATE_KEY_SETTING,
            station_keys.sealed_row(s, station_keys.PRIVATE_KEY_SETTING, new, rotated_at),
        )
        key = station_keys.ensure_in(s, now)  # publishes the new key; the old one joins the history
        peers = _pending_peers(s, row)
        audit.record(
            s,
            "settings",
            table="site",
            record_id=me.id,
            details={
                "signing_key": [old.key_id, key.key_id],
                "encryption_key": [_enc_id(old_enc.public_text), _enc_id(new_enc.public_text)],
            },
            note="đổi khóa ký và khóa mã hóa của đơn vị",
        )
        return Rotation(
            old.key_id,
            key.key_id,
            now.isoformat(timespec="seconds"),
            tuple(p.unit_name for p in peers),
            _enc_id(old_enc.public_text),
            _enc_id(new_enc.public_text),
        )


def _enc_id(public: str) -> str:
    return station_keys.b64url(encryption_key_id(public))


def signing_for(s: Session, peer: Site, current: StationKey) -> tuple[StationKey, dict[str, Any] | None]:
    """The key that signs the next bundle to ``peer``, and the ``key_rotation`` part it carries.

    The old key while ``peer`` has not acknowledged a bundle sent after the rotation; else the
    current key and nothing.
    """
    previous = settings.get(s, ROTATION_SETTING)
    if not isinstance(previous, dict) or previous.get("new_public") != current.public_text:
        return current, None
    if int(peer.peer_acked_seq or 0) >= int(previous.get("at_seq", 0)):
        return current, None
    if _paired_since(peer, str(previous.get("rotated_at", ""))):
        return current, None  # paired with the new card: it never knew the old key
    raw = key_seal.open_raw(s, ROTATION_SETTING, previous["sealed"])
    old = StationKey(Ed25519PrivateKey.from_private_bytes(raw), str(previous.get("created_at", "")))
    me = cards.self_site_in(s)
    body = _body(
        me.id,
        str(previous["public"]),
        str(previous["new_public"]),
        str(previous["rotated_at"]),
        str(previous.get("new_encryption_public") or ""),
    )
    part = {**body, "signature": str(previous["signature"])}
    return old, part


def revocations_for(s: Session, peer: Site) -> list[dict[str, Any]] | None:
    """What an upper level's bundle carries down: every revocation it made or received."""
    me = cards.self_site_in(s)
    if me.role != "hub" or peer.role != "commune":
        return None
    return list(settings.get(s, station_keys.REVOCATIONS_SETTING, []) or [])


def _bad_rotation(sender: Site) -> UserError:
    return UserError(
        f"Gói của {sender.unit_name} báo đổi khóa ký nhưng lời xác nhận không khớp khóa đang tin cậy: "
        "gói không được nhập; hãy gọi điện cho đơn vị đó và ghép nối lại bằng thẻ mới.",
        f"The bundle from {sender.unit_name} announces a new signing key but the endorsement does not "
        "match the trusted key: not imported; call that unit and pair again with its new card.",
    )


def _accept_rotation(s: Session, sender: Site, part: object) -> bool:
    if not isinstance(part, dict):
        return False
    new = part.get("new_signing_key")
    if not isinstance(new, str) or new == sender.signing_public_key:
        return False
    new_encryption = part.get("new_encryption_key", "")
    body = _body(
        str(part.get("site_id", "")),
        str(part.get("old_signing_key", "")),
        new,
        str(part.get("rotated_at", "")),
        new_encryption if isinstance(new_encryption, str) else "",
    )
    try:
        station_keys.load_public_key(new)
        if new_encryption:
            load_x25519_public(str(new_encryption))
        signature = station_keys.unb64url(str(part.get("signature", "")))
    except (UserError, ValueError) as exc:
        raise _bad_rotation(sender) from exc
    if (
        body["site_id"] != sender.id
        or body["old_signing_key"] != sender.signing_public_key
        or not station_keys.verify(_message(body), signature, sender.signing_public_key)
    ):
        raise _bad_rotation(sender)
    history = dict(settings.get(s, station_keys.PEER_HISTORY_SETTING, {}) or {})
    kept = list(history.get(sender.id, []))
    if sender.signing_public_key not in kept:
        kept.append(sender.signing_public_key)
    history[sender.id] = kept
    settings.put(s, station_keys.PEER_HISTORY_SETTING, history)
    sender.signing_public_key = new
    if body.get("new_encryption_key"):  # bundles to it are encrypted to its new key from now on
        sender.encryption_public_key = body["new_encryption_key"]
    return True


def _valid_record(rec: object) -> bool:
    if not isinstance(rec, dict) or not isinstance(rec.get("keys"), list):
        return False
    if not all(isinstance(rec.get(k), str) for k in ("site_id", "unit_name", "revoked_at", "reason")):
        return False
    try:
        datetime.fromisoformat(rec["revoked_at"])
        for k in rec["keys"]:
            station_keys.load_public_key(str(k))
    except (UserError, ValueError, TypeError):
        return False
    return True


def _keep_revocations(s: Session, sender: Site, part: object) -> int:
    """A commune keeps the revocations its upper level sends (never from a commune)."""
    me = cards.self_site_in(s)
    if sender.role != "hub" or me.role != "commune" or not isinstance(part, list):
        return 0
    have = list(settings.get(s, station_keys.REVOCATIONS_SETTING, []) or [])
    known = {(r.get("site_id"), tuple(r.get("keys", []))) for r in have if isinstance(r, dict)}
    added = 0
    for rec in part:
        if not _valid_record(rec):
            continue
        slim = {k: rec[k] for k in ("site_id", "unit_name", "keys", "revoked_at", "reason")}
        if (slim["site_id"], tuple(slim["keys"])) in known:
            continue
        have.append(slim)
        known.add((slim["site_id"], tuple(slim["keys"])))
        added += 1
    if added:
        settings.put(s, station_keys.REVOCATIONS_SETTING, have)
    return added


def apply_from_bundle(s: Session, sender: Site, manifest: dict[str, Any]) -> None:
    """After a verified bundle is merged: its sender's new key, its upper level's revocations, and
    its acknowledgement of this station's audit head (:func:`audit_heads.keep_ack`)."""
    _accept_rotation(s, sender, manifest.get("key_rotation"))
    _keep_revocations(s, sender, manifest.get("revoked_keys"))
    audit_heads.keep_ack(s, sender, manifest.get("audit_ack"), int(manifest.get("bundle_no") or 0))


def refuse_revoked_signer(s: Session, sender: Site, sender_key_id: bytes) -> None:
    """Refuse (one sentence) a bundle signed by a key the upper level revoked."""
    for rec in settings.get(s, station_keys.REVOCATIONS_SETTING, []) or []:
        if not isinstance(rec, dict):
            continue
        for public in rec.get("keys", []):
            try:
                hit = signing_key_id(str(public)) == sender_key_id
            except UserError:
                continue
            if hit:
                day = str(rec.get("revoked_at", ""))[:10]
                raise UserError(
                    f"Khóa ký của {sender.unit_name} đã bị cấp trên thu hồi ngày {day} "
                    f"({rec.get('reason', '')}): gói không được nhập.",
                    f"{sender.unit_name}'s signing key was revoked by the upper level on {day} "
                    f"({rec.get('reason', '')}): the bundle is not imported.",
                )


def revoke_station(db: Database, key: str, reason: str, now: datetime | None = None) -> Site:
    """At the upper level: revoke a commune station and every signing key it had, with the reason."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise UserError(
            'Hãy ghi lý do thu hồi, ví dụ --reason "mất máy tính ngày 01/12".',
            'Give the reason for the revocation, e.g. --reason "laptop lost on 1 December".',
        )
    if len(reason) > MAX_REASON:
        raise UserError(
            f"Lý do thu hồi dài quá {MAX_REASON} ký tự: hãy ghi ngắn lại.",
            f"The reason is longer than {MAX_REASON} characters: shorten it.",
        )
    now = now or datetime.now()
    with db.session() as s:
        me = cards.self_site_in(s)
        if me.role != "hub":
            raise UserError(
                "Chỉ cấp trên mới thu hồi khóa của một trạm: ở máy xã hãy dùng 'antq sync revoke' để thôi ghép nối.",
                "Only the upper level revokes a station's keys: at a commune use 'antq sync revoke' to unpair.",
            )
        site = cards.find_peer_in(s, key)
        if site.role != "commune":
            raise UserError(
                f"{site.unit_name} không phải trạm của một xã: chỉ thu hồi được khóa của trạm xã.",
                f"{site.unit_name} is not a commune station: only a commune station's keys can be revoked.",
            )
        if site.revoked_at is None:
            site.revoked_at = now
        history = settings.get(s, station_keys.PEER_HISTORY_SETTING, {}) or {}
        keys = [k for k in [*history.get(site.id, []), site.signing_public_key] if k]
        record = {
            "site_id": site.id,
            "unit_name": site.unit_name,
            "keys": keys,
            "revoked_at": site.revoked_at.isoformat(timespec="seconds"),
            "reason": reason,
        }
        have = [
            r
            for r in settings.get(s, station_keys.REVOCATIONS_SETTING, []) or []
            if not (isinstance(r, dict) and r.get("site_id") == site.id)
        ]
        settings.put(s, station_keys.REVOCATIONS_SETTING, [*have, record])
        audit.record(
            s,
            "settings",
            table="site",
            record_id=site.id,
            details={"revoked_keys": [station_keys.key_id(k) for k in keys], "reason": reason},
            note="thu hồi khóa của trạm xã",
        )
        s.flush()
        s.expunge(site)
        return site

"""Site cards, pairing and revocation: whom this station trusts with bundles.

A *site card* is a small UTF-8 JSON file a station hands to its peer (USB,
e-mail, Zalo)::

    {"format": "antq-site-card", "version": 1, "site_id": …, "role": "commune" | "hub",
     "unit_kind": …, "unit_name": …, "unit_code": …, "province_code": …, "commune_code": …,
     "signing_public_key": "ed25519:…", "encryption_public_key": "x25519:…",
     "incarnation": 1, "created": "2026-…", "signature": "<base64url Ed25519>"}

The signature (by the card's own signing key, over the canonical JSON of the
other fields) only proves the card was not garbled in transit; trust comes
from the *fingerprint* — 16 hex digits of SHA-256 over site id and both public
keys — which the two officers read to each other by phone before pairing.

Pairing records the peer in ``site`` (keys, paired time, incarnation). A
commune pairs with its upper level only and an upper level with communes only:
a commune never receives another commune's records. Pairing a commune's
upper level replaces the placeholder row the setup made for it. A revoked peer
stays in ``site`` (its records keep their origin) but no bundle is written
for it or accepted from it again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import files
from ..services import station_keys
from ..services.errors import UserError
from ..storage.database import Database
from ..storage.models import Site, SyncClock
from .crypto import ensure_encryption_in, load_x25519_public

CARD_FORMAT = "antq-site-card"
CARD_VERSION = 1
CARD_FIELDS = (
    "site_id",
    "role",
    "unit_kind",
    "unit_name",
    "unit_code",
    "province_code",
    "commune_code",
    "signing_public_key",
    "encryption_public_key",
    "incarnation",
    "created",
)


def canonical_json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def card_fingerprint(site_id: str, signing_public_key: str, encryption_public_key: str) -> str:
    """16 hex digits in groups of four, read aloud by phone when pairing."""
    digest = hashlib.sha256(
        f"antq-card|{site_id}|{signing_public_key}|{encryption_public_key}".encode()
    ).hexdigest()
    text = digest[:16].upper()
    return " ".join(text[i : i + 4] for i in range(0, 16, 4))


def _normal_fp(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


@dataclass(frozen=True)
class SiteCard:
    site_id: str
    role: str
    unit_kind: str
    unit_name: str
    unit_code: str
    province_code: str
    commune_code: str
    signing_public_key: str
    encryption_public_key: str
    incarnation: int
    created: str

    @property
    def fingerprint(self) -> str:
        return card_fingerprint(self.site_id, self.signing_public_key, self.encryption_public_key)

    def fields(self) -> dict[str, Any]:
        return {f: getattr(self, f) for f in CARD_FIELDS}

    def as_dict(self) -> dict[str, Any]:
        return {**self.fields(), "fingerprint": self.fingerprint}


def self_site_in(s: Session) -> Site:
    me = s.scalar(select(Site).where(Site.is_self.is_(True)))
    if me is None:
        raise UserError(
            "Máy này chưa được thiết lập đơn vị: hãy chạy trình thiết lập trước.",
            "This station is not set up yet: run the setup first.",
        )
    return me


def own_card_in(s: Session, now: datetime | None = None) -> tuple[SiteCard, str]:
    """This station's card and its signature (keys made on first use)."""
    me = self_site_in(s)
    signing = station_keys.ensure_in(s, now)
    enc = ensure_encryption_in(s, now)
    incarnation = s.scalar(select(SyncClock.incarnation).where(SyncClock.id == 1)) or 1
    card = SiteCard(
        site_id=me.id,
        role=me.role,
        unit_kind=me.unit_kind,
        unit_name=me.unit_name,
        unit_code=me.unit_code,
        province_code=me.province_code,
        commune_code=me.commune_code,
        signing_public_key=signing.public_text,
        encryption_public_key=enc.public_text,
        incarnation=int(incarnation),
        created=(now or datetime.now()).isoformat(timespec="seconds"),
    )
    signature = station_keys.b64url(signing.sign(canonical_json(card.fields())))
    return card, signature


def own_card(db: Database) -> SiteCard:
    with db.session() as s:
        return own_card_in(s)[0]


def write_file_atomically(path: Path, data: bytes) -> None:
    """Temporary name, flush, fsync, rename, fsync the folder; a failure leaves no half file.

    Raises ``OSError``; callers turn it into one sentence.
    """
    files.write_bytes_atomically(path, data)


def write_error(path: Path, exc: OSError) -> UserError:
    reason = exc.strerror or str(exc)
    return UserError(
        f"Không ghi được tệp {path} ({reason}): hãy kiểm tra ổ đĩa hoặc USB rồi thử lại.",
        f"Cannot write {path} ({reason}): check the disk or USB stick and try again.",
    )


def export_card(db: Database, path: Path) -> SiteCard:
    """Write this station's card to ``path`` (keys made on first use)."""
    with db.session() as s:
        card, signature = own_card_in(s)
    payload = {"format": CARD_FORMAT, "version": CARD_VERSION, **card.fields(), "signature": signature}
    data = json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8") + b"\n"
    try:
        write_file_atomically(Path(path), data)
        if Path(path).read_bytes() != data:
            raise OSError(5, "nội dung đọc lại khác nội dung đã ghi")
    except OSError as exc:
        raise write_error(Path(path), exc) from exc
    return card


def _bad_card() -> UserError:
    return UserError(
        "Tệp này không phải thẻ đơn vị ANTQ hợp lệ (hỏng hoặc bị sửa): hãy đề nghị đơn vị kia xuất lại thẻ.",
        "This file is not a valid ANTQ site card (damaged or altered): ask the other unit for a new card.",
    )


def parse_card(data: bytes) -> SiteCard:
    """A card from its bytes, its self-signature checked."""
    try:
        payload = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _bad_card() from exc
    if not isinstance(payload, dict) or payload.get("format") != CARD_FORMAT:
        raise _bad_card()
    if payload.get("version") != CARD_VERSION:
        raise UserError(
            "Thẻ đơn vị được tạo bởi phiên bản chương trình khác: hãy cập nhật chương trình trên cả hai máy.",
            "The site card comes from another program version: update the program on both stations.",
        )
    try:
        fields = {f: payload[f] for f in CARD_FIELDS}
        card = SiteCard(**{**fields, "incarnation": int(fields["incarnation"])})
        load_x25519_public(card.encryption_public_key)
        signature = station_keys.unb64url(str(payload["signature"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise _bad_card() from exc
    if card.role not in ("commune", "hub") or not all(
        isinstance(getattr(card, f), str) for f in CARD_FIELDS if f != "incarnation"
    ):
        raise _bad_card()
    if not station_keys.verify(canonical_json(card.fields()), signature, card.signing_public_key):
        raise _bad_card()
    return card


def read_card(path: Path) -> SiteCard:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise UserError(
            f"Không đọc được tệp thẻ đơn vị {path} ({exc.strerror or exc}).",
            f"Cannot read the site card {path} ({exc.strerror or exc}).",
        ) from exc
    return parse_card(data)


@dataclass(frozen=True)
class PairResult:
    card: SiteCard
    replaced_placeholder: bool
    updated: bool


def pair(
    db: Database, card: SiteCard, fingerprint: str | None = None, now: datetime | None = None
) -> PairResult:
    """Trust ``card``'s station: after the officers compared the fingerprint (pass it to be checked here)."""
    if fingerprint is not None and _normal_fp(fingerprint) != _normal_fp(card.fingerprint):
        raise UserError(
            f"Mã nhận dạng không khớp (trên thẻ: {card.fingerprint}): không ghép nối; hãy kiểm tra lại với đơn vị kia qua điện thoại.",
            f"The fingerprint does not match (card: {card.fingerprint}): not paired; check again with the other unit by phone.",
        )
    now = now or datetime.now()
    with db.session() as s:
        me = self_site_in(s)
        station_keys.ensure_in(s, now)
        ensure_encryption_in(s, now)
        if card.site_id == me.id:
            raise UserError(
                "Đây là thẻ của chính máy này: hãy nhập thẻ của đơn vị kia.",
                "This is this station's own card: import the other unit's card.",
            )
        if card.role == me.role:
            raise UserError(
                "Chỉ ghép nối được giữa Công an xã và cấp trên: thẻ này cùng cấp với máy này.",
                "Pairing is only between a commune and its upper level: this card is of the same level.",
            )
        existing = s.get(Site, card.site_id)
        replaced = False
        updated = False
        if existing is not None:
            if existing.revoked_at is not None:
                raise UserError(
                    f"Đơn vị {existing.unit_name} đã bị thu hồi ghép nối: không thể ghép nối lại bằng thẻ cũ.",
                    f"{existing.unit_name} was revoked: it cannot be paired again with this card.",
                )
            if existing.signing_public_key and (
                existing.signing_public_key != card.signing_public_key
                or existing.encryption_public_key != card.encryption_public_key
            ):
                raise UserError(
                    f"Thẻ này mang khóa khác với khóa đã ghép nối của {existing.unit_name}: hãy thu hồi ghép nối cũ trước nếu đơn vị kia đã thay máy.",
                    f"This card carries other keys than the paired {existing.unit_name}: revoke the old pairing first if the unit replaced its PC.",
                )
            site = existing
            updated = True
        else:
            site = None
            if card.role == "hub":
                placeholder = s.scalar(
                    select(Site).where(
                        Site.is_upper_level.is_(True),
                        Site.is_self.is_(False),
                        Site.paired_at.is_(None),
                        Site.signing_public_key == "",
                    )
                )
                if placeholder is not None:
                    s.delete(placeholder)
                    s.flush()
                    replaced = True
            site = Site(id=card.site_id, is_self=False, role=card.role, unit_name=card.unit_name)
            s.add(site)
        site.role = card.role
        site.unit_kind = card.unit_kind
        site.unit_name = card.unit_name
        site.unit_code = card.unit_code
        site.province_code = card.province_code
        site.commune_code = card.commune_code
        site.is_upper_level = card.role == "hub"
        site.signing_public_key = card.signing_public_key
        site.encryption_public_key = card.encryption_public_key
        if site.paired_at is None:
            site.paired_at = now
            site.incarnation = card.incarnation
            site.peer_acked_seq = 0
            site.received_seq = 0
            site.last_bundle_in = 0
            site.last_bundle_out = 0
    return PairResult(card, replaced, updated)


def find_peer_in(s: Session, key: str) -> Site:
    """A peer by site id, unit code, commune code, or unit name (exact, case-insensitive)."""
    key = key.strip()
    peers = list(s.scalars(select(Site).where(Site.is_self.is_(False))))
    for test in (
        lambda p: p.id == key,
        lambda p: p.id.startswith(key) and len(key) >= 8,
        lambda p: key and p.unit_code == key,
        lambda p: key and p.commune_code == key,
        lambda p: p.unit_name.casefold() == key.casefold(),
    ):
        found = [p for p in peers if test(p)]
        paired = [p for p in found if p.paired_at is not None and p.revoked_at is None]
        if len(paired) == 1:
            return paired[0]
        if len(found) == 1:
            return found[0]
    raise UserError(
        f"Không tìm thấy đơn vị {key!r} trong các đơn vị đã ghép nối: xem danh sách bằng 'antq sync status'.",
        f"No paired unit {key!r}: list them with 'antq sync status'.",
    )


def revoke(db: Database, key: str, now: datetime | None = None) -> Site:
    """Stop trusting a peer: no bundle is written for it or accepted from it any more."""
    with db.session() as s:
        site = find_peer_in(s, key)
        if site.revoked_at is None:
            site.revoked_at = now or datetime.now()
        s.flush()
        s.expunge(site)
        return site

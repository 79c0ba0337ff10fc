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

Two checks need the officer's word: a card of another province is refused
unless ``other_province_ok`` (``--yes``); at the upper level, a commune card
whose commune code already has a paired station is refused unless it is
declared that station's replacement (``replaces``: the PC rebuilt after a
loss) — the old station is then revoked, its records stay the commune's (they
travel to the new one, which shares its commune code), and the new station
gets everything from the start. :func:`find_peer_in` answers "ambiguous" with
the candidates rather than picking one.
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

from ..domain import admin_units, files
from ..domain.text import nfc
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
        unit_code=me.unit_code if me.role == "commune" else me.province_code,
        province_code=me.province_code,
        commune_code=me.commune_code if me.role == "commune" else "",  # a hub has none (older set-ups did)
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
    replaced_station: str = ""  # the site id of the station this one replaces (now revoked)


class SameCommuneStation(UserError):
    """The commune code of the card already has a paired station (``old``): replace it, or do not pair."""

    def __init__(self, vi: str, en: str, old: Site) -> None:
        super().__init__(vi, en)
        self.old_id = old.id
        self.old_name = old.unit_name


def _province_name(code: str) -> str:
    p = admin_units.province(code)
    return p.name if p else f"tỉnh mã {code}"


def other_province(db: Database, card: SiteCard) -> str:
    """The province name of ``card`` when it differs from this station's province, else ``""``."""
    with db.session() as s:
        me = self_site_in(s)
        return _other_province_in(me, card)


def _other_province_in(me: Site, card: SiteCard) -> str:
    if card.province_code and me.province_code and card.province_code != me.province_code:
        return _province_name(card.province_code)
    return ""


def _label(site: Site) -> str:
    code = f", mã xã {site.commune_code}" if site.commune_code else ""
    return f"{site.unit_name} (mã trạm {site.id}{code})"


def pair(
    db: Database,
    card: SiteCard,
    fingerprint: str | None = None,
    now: datetime | None = None,
    *,
    other_province_ok: bool = False,
    replaces: str | None = None,
) -> PairResult:
    """Trust ``card``'s station: after the officers compared the fingerprint (pass it to be checked here).

    ``other_province_ok``: the officer confirmed pairing a station of another province.
    ``replaces``: at the upper level, the site id of the commune station this card's station
    replaces (a recovery on a new PC); the old one is revoked in the same transaction.
    """
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
        _refuse_unpairable(me, card, other_province_ok)
        existing = s.get(Site, card.site_id)
        replaced_station = _check_same_commune(s, card, existing, replaces, now)
        replaced = False
        if existing is not None:
            _refuse_other_keys(existing, card)
            site = existing
        else:
            replaced = _drop_upper_level_placeholder(s) if card.role == "hub" else False
            site = Site(id=card.site_id, is_self=False, role=card.role, unit_name=card.unit_name)
            s.add(site)
        _take_card(site, card, now)
    return PairResult(card, replaced, existing is not None, replaced_station)


def _refuse_unpairable(me: Site, card: SiteCard, other_province_ok: bool) -> None:
    """This station's own card, a card of the same level, or (unless confirmed) of another province."""
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
    foreign = _other_province_in(me, card)
    if foreign and not other_province_ok:
        raise UserError(
            f"Thẻ của {card.unit_name} thuộc {foreign}, khác tỉnh của máy này "
            f"({_province_name(me.province_code)}): chỉ ghép nối nếu đúng là cần, bằng cách chạy lại với --yes.",
            f"{card.unit_name}'s card belongs to {foreign}, not this station's province "
            f"({_province_name(me.province_code)}): pair only if that is intended, by running again with --yes.",
        )


def _refuse_other_keys(existing: Site, card: SiteCard) -> None:
    """A station paired before: not if revoked, nor with other keys than those it was paired with."""
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


def _drop_upper_level_placeholder(s: Session) -> bool:
    """The upper level named at setup but never paired gives way to the real one; True if there was one."""
    placeholder = s.scalar(
        select(Site).where(
            Site.is_upper_level.is_(True),
            Site.is_self.is_(False),
            Site.paired_at.is_(None),
            Site.signing_public_key == "",
        )
    )
    if placeholder is None:
        return False
    s.delete(placeholder)
    s.flush()
    return True


def _take_card(site: Site, card: SiteCard, now: datetime) -> None:
    """The card's unit and keys on the site; a first pairing starts its exchange counters at 0."""
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


def _check_same_commune(
    s: Session, card: SiteCard, existing: Site | None, replaces: str | None, now: datetime
) -> str:
    """At the upper level: one active station per commune code; ``replaces`` retires the old one.

    Returns the site id of the retired station (``""`` when none).
    """
    if card.role != "commune":
        if replaces:
            raise UserError(
                "--replaces chỉ dùng ở cấp trên, khi ghép nối máy mới của một xã thay cho máy cũ.",
                "--replaces is only for the upper level, pairing a commune's new PC in place of its old one.",
            )
        return ""
    same = [
        p
        for p in s.scalars(
            select(Site).where(
                Site.is_self.is_(False),
                Site.role == "commune",
                Site.commune_code == card.commune_code,
                Site.id != card.site_id,
                Site.paired_at.is_not(None),
                Site.revoked_at.is_(None),
            )
        )
    ]
    if not replaces:
        if same and (existing is None or existing.paired_at is None):
            old = same[0]
            raise SameCommuneStation(
                f"Xã mã {card.commune_code} đã có trạm được ghép nối: {_label(old)}; nếu {card.unit_name} "
                f"là máy mới thay cho máy đó, hãy chạy lại với --replaces {old.id}, còn không thì không ghép nối.",
                f"Commune {card.commune_code} already has a paired station: {_label(old)}; if {card.unit_name} "
                f"is the new PC replacing it, run again with --replaces {old.id}, otherwise do not pair.",
                old,
            )
        return ""
    old_site = s.get(Site, replaces.strip())
    if old_site is None:
        matches = [p for p in same if p.id.startswith(replaces.strip())] if len(replaces.strip()) >= 8 else []
        old_site = matches[0] if len(matches) == 1 else None
    if (
        old_site is None
        or old_site.is_self
        or old_site.role != "commune"
        or old_site.commune_code != card.commune_code
        or old_site.id == card.site_id
    ):
        raise UserError(
            f"Mã trạm {replaces!r} không phải một trạm của xã mã {card.commune_code} đã ghép nối: "
            "xem mã trạm cũ bằng 'antq sync status'.",
            f"Station {replaces!r} is not a paired station of commune {card.commune_code}: "
            "see the old station id with 'antq sync status'.",
        )
    if old_site.revoked_at is None:
        old_site.revoked_at = now
    return old_site.id


def _ambiguous(key: str, candidates: list[Site]) -> UserError:
    listed = "; ".join(_label(p) for p in candidates)
    return UserError(
        f"{key!r} ứng với nhiều đơn vị ({listed}): hãy ghi rõ mã trạm.",
        f"{key!r} is ambiguous ({listed}): give the station id.",
    )


def find_peer_in(s: Session, key: str) -> Site:
    """A peer by site id, id prefix (8+ characters), unit code, commune code, or unit name
    (case-insensitive). Active peers (paired, not revoked) come first; two candidates of the same
    kind are refused as ambiguous, naming them, rather than one being picked."""
    key = key.strip()
    name = nfc(key).casefold()
    peers = list(s.scalars(select(Site).where(Site.is_self.is_(False)).order_by(Site.unit_name, Site.id)))
    for test in (
        lambda p: p.id == key,
        lambda p: p.id.startswith(key) and len(key) >= 8,
        lambda p: key and key in (p.unit_code, p.commune_code),
        lambda p: key and nfc(p.unit_name).casefold() == name,
    ):
        found = [p for p in peers if test(p)]
        active = [p for p in found if p.paired_at is not None and p.revoked_at is None]
        if len(active) == 1:
            return active[0]
        if len(active) > 1:
            raise _ambiguous(key, active)
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise _ambiguous(key, found)
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

"""The station's Ed25519 signing key, and the short signed texts it makes (QR codes, later bundles).

**Where the private key lives: the station's ``setting`` table** (key
:data:`PRIVATE_KEY_SETTING`), created once on first use, inside the
transaction that first needs it. Why not a file in the data directory:

* services receive a :class:`Database` only, and a hub may run on PostgreSQL
  with no data directory at all — the table works for both;
* the key then travels with the database wherever the database goes: a
  backup restored on a new PC after a broken one still signs as the same
  station, so certificates printed before keep verifying and peers keep
  trusting its bundles. A key file forgotten beside a backup would silently
  give the station a new identity;
* ``setting`` rows are local: they are not travelling records and never go
  into a bundle (the sync code must keep it so).

The private half is never stored in clear: it is sealed under the station's
data key (:mod:`services.key_seal`), which only a signed-in account or the
recovery code opens — a copy of the database file or a backup cannot sign.
Replacing the key and revoking a lost station's keys: :mod:`sync.key_rotation`.

The public key is published in this station's ``site`` row
(``signing_public_key``, text ``ed25519:<base64url of the 32 raw bytes>``),
which is what pairing hands to peers. Keys replaced later stay verifiable:
their public halves are kept in :data:`RETIRED_KEYS_SETTING`.

**Signed text** (compact enough for a QR code; UTF-8, no newlines)::

    TAG|field 1|field 2|…|KEYID|SIGNATURE

* ``TAG`` says what the fields are (``KT1``: a certificate, see
  :mod:`domain.award_rules`);
* fields are NFC text; "|" and line breaks inside a field become "/" and " ";
* ``KEYID`` — 8 characters, base64url of the first 6 bytes of the SHA-256 of
  the raw public key: which station key signed it;
* ``SIGNATURE`` — base64url (no padding, 86 characters) of the Ed25519
  signature of the UTF-8 bytes of everything before the last "|".
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.text import nfc
from ..storage.database import Database
from ..storage.models import Site
from . import key_seal, settings
from .errors import UserError

PRIVATE_KEY_SETTING = "station_keys.signing"
RETIRED_KEYS_SETTING = "station_keys.retired"
# Peers' signing keys replaced by a rotation they announced: {site_id: ["ed25519:…", …]}.
PEER_HISTORY_SETTING = "station_keys.peer_history"
# Keys revoked at the upper level (travel down in its bundles):
# [{"site_id", "unit_name", "keys": ["ed25519:…"], "revoked_at": ISO, "reason"}].
REVOCATIONS_SETTING = "station_keys.revocations"
PUBLIC_PREFIX = "ed25519:"
SEP = "|"
KEY_ID_LENGTH = 8
SIGNATURE_LENGTH = 86


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64url(text: str) -> bytes:
    text = text.strip()
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _raw_public(public: Ed25519PublicKey) -> bytes:
    return public.public_bytes(Encoding.Raw, PublicFormat.Raw)


def public_key_text(public: Ed25519PublicKey) -> str:
    """``ed25519:<base64url>`` — how a public key is stored in ``site`` and written on a site card."""
    return PUBLIC_PREFIX + b64url(_raw_public(public))


def load_public_key(text: str | bytes | Ed25519PublicKey) -> Ed25519PublicKey:
    """A public key from its text (``ed25519:…``), its 32 raw bytes, or itself."""
    if isinstance(text, Ed25519PublicKey):
        return text
    try:
        raw = text if isinstance(text, bytes) else unb64url(text.strip().removeprefix(PUBLIC_PREFIX))
        return Ed25519PublicKey.from_public_bytes(raw)
    except (ValueError, TypeError) as exc:
        raise UserError(
            "Khóa công khai không đúng định dạng: hãy nhập lại thẻ đơn vị.",
            "The public key is not in the expected format: enter the site card again.",
        ) from exc


def key_id(public: str | bytes | Ed25519PublicKey) -> str:
    """8 characters naming a public key (first 6 bytes of its SHA-256, base64url)."""
    return b64url(hashlib.sha256(_raw_public(load_public_key(public))).digest()[:6])


def fingerprint(public: str | bytes | Ed25519PublicKey) -> str:
    """What two officers read out by phone when pairing: 16 hex digits in groups of four."""
    digest = hashlib.sha256(_raw_public(load_public_key(public))).hexdigest()[:16].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 16, 4))


@dataclass(frozen=True)
class StationKey:
    """This station's key pair; ``sign`` works offline and is deterministic (Ed25519)."""

    private: Ed25519PrivateKey
    created_at: str

    @property
    def public(self) -> Ed25519PublicKey:
        return self.private.public_key()

    @property
    def public_text(self) -> str:
        return public_key_text(self.public)

    @property
    def key_id(self) -> str:
        return key_id(self.public)

    def sign(self, data: bytes) -> bytes:
        return self.private.sign(data)

    def __repr__(self) -> str:  # never print the private half
        return f"StationKey(key_id={self.key_id!r}, created_at={self.created_at!r})"


def _from_setting(s: Session, name: str, value: object) -> StationKey | None:
    """The key of a setting row: sealed (opened with the data key, refused when it is not open) or,
    from an older version, still in clear (sealed at the next sign-in)."""
    if not isinstance(value, dict) or value.get("algorithm") != "ed25519":
        return None
    try:
        if key_seal.is_sealed(value):
            raw = key_seal.open_raw(s, name, value["sealed"])
        else:
            raw = unb64url(str(value["private"]))
        private = Ed25519PrivateKey.from_private_bytes(raw)
    except (KeyError, ValueError, TypeError):
        return None
    return StationKey(private, str(value.get("created_at") or ""))


def _self_site(s: Session) -> Site | None:
    return s.scalar(select(Site).where(Site.is_self.is_(True)))


def load_in(s: Session) -> StationKey | None:
    """The station's key inside the caller's transaction, or None when there is none yet.

    Refused in one sentence (:func:`key_seal.locked_error`) when it is sealed and no session of this
    process opened the data key."""
    return _from_setting(s, PRIVATE_KEY_SETTING, settings.get(s, PRIVATE_KEY_SETTING))


def public_in(s: Session) -> str | None:
    """The public half of the station's current key (``ed25519:…``) without opening anything."""
    value = settings.get(s, PRIVATE_KEY_SETTING)
    if not isinstance(value, dict):
        return None
    if value.get("public"):
        return str(value["public"])
    try:
        raw = unb64url(str(value["private"]))
        return public_key_text(Ed25519PrivateKey.from_private_bytes(raw).public_key())
    except (KeyError, ValueError, TypeError):
        return None


def sealed_row(s: Session, name: str, private: Ed25519PrivateKey, created: str) -> dict[str, object]:
    """The setting value of a private key: public half in clear, private half sealed."""
    raw = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return {
        "algorithm": "ed25519",
        "public": public_key_text(private.public_key()),
        "sealed": key_seal.seal_raw(s, name, raw),
        "created_at": created,
    }


def ensure_in(s: Session, now: datetime | None = None) -> StationKey:
    """The station's key, created (once, sealed) inside the caller's transaction when missing."""
    key = load_in(s)
    site = _self_site(s)
    if key is None:
        if site is None:
            raise UserError(
                "Máy này chưa được thiết lập đơn vị: hãy chạy trình thiết lập trước.",
                "This station is not set up yet: run the setup first.",
            )
        private = Ed25519PrivateKey.generate()
        created = (now or datetime.now()).isoformat(timespec="seconds")
        settings.put(s, PRIVATE_KEY_SETTING, sealed_row(s, PRIVATE_KEY_SETTING, private, created))
        key = StationKey(private, created)
        from . import audit_anchors  # it builds on this module

        s.flush()
        audit_anchors.refresh_in(s.connection())  # the anchor file, unsigned until now, signed
    elif key_seal.open_key_in(s) is not None:
        key_seal.migrate_in(s)  # an older version's clear row: sealed now that the key is open
    if site is not None and site.signing_public_key != key.public_text:
        if site.signing_public_key:
            retired = list(settings.get(s, RETIRED_KEYS_SETTING, []) or [])
            if site.signing_public_key not in retired:
                retired.append(site.signing_public_key)
                settings.put(s, RETIRED_KEYS_SETTING, retired)
        site.signing_public_key = key.public_text
    return key


def ensure_key(db: Database) -> StationKey:
    """The station's signing key, created on first use."""
    with db.session() as s:
        return ensure_in(s)


def load_key(db: Database) -> StationKey | None:
    with db.session() as s:
        return load_in(s)


def sign(db: Database, data: bytes) -> bytes:
    """Sign ``data`` with the station's key (created on first use); 64 bytes."""
    return ensure_key(db).sign(data)


def verify(data: bytes, signature: bytes, public_key: str | bytes | Ed25519PublicKey) -> bool:
    """True when ``signature`` is ``public_key``'s signature of ``data``."""
    try:
        load_public_key(public_key).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


# -- known keys -------------------------------------------------------------------------------


@dataclass(frozen=True)
class KnownKey:
    key_id: str
    public_text: str
    site_id: str
    unit_name: str
    is_self: bool
    retired: bool
    revoked: bool
    revoked_at: str = ""  # ISO time of the revocation at the upper level ("" when unknown or not revoked)


def known_keys_in(s: Session) -> dict[str, KnownKey]:
    """Every public key this station trusts, by key id: its own (current and retired) and its peers'."""
    out: dict[str, KnownKey] = {}
    me = _self_site(s)
    for text in settings.get(s, RETIRED_KEYS_SETTING, []) or []:
        try:
            out[key_id(str(text))] = KnownKey(
                key_id(str(text)),
                str(text),
                me.id if me else "",
                me.unit_name if me else "",
                True,
                True,
                False,
            )
        except UserError:
            continue
    sites = list(s.scalars(select(Site).where(Site.signing_public_key != "")))
    history = settings.get(s, PEER_HISTORY_SETTING, {}) or {}
    for site in sites:
        revoked_at = site.revoked_at.isoformat(timespec="seconds") if site.revoked_at else ""
        for text, retired in [(t, True) for t in history.get(site.id, [])] + [
            (site.signing_public_key, False)
        ]:
            try:
                kid = key_id(str(text))
            except UserError:
                continue
            out[kid] = KnownKey(
                kid,
                str(text),
                site.id,
                site.unit_name,
                bool(site.is_self),
                retired,
                site.revoked_at is not None,
                revoked_at,
            )
    for rec in settings.get(s, REVOCATIONS_SETTING, []) or []:
        for text in rec.get("keys", []) if isinstance(rec, dict) else []:
            try:
                kid = key_id(str(text))
            except UserError:
                continue
            known = out.get(kid)
            if known is not None and known.is_self:
                continue  # this station's own keys are never taken from a list
            out[kid] = KnownKey(
                kid,
                str(text),
                str(rec.get("site_id", "")),
                known.unit_name if known else str(rec.get("unit_name", "")),
                False,
                known.retired if known else False,
                True,
                str(rec.get("revoked_at", "")),
            )
    return out


def revoked_key_ids_in(s: Session) -> dict[str, dict[str, object]]:
    """Key id → the revocation record naming it (:data:`REVOCATIONS_SETTING`)."""
    out: dict[str, dict[str, object]] = {}
    for rec in settings.get(s, REVOCATIONS_SETTING, []) or []:
        for text in rec.get("keys", []) if isinstance(rec, dict) else []:
            try:
                out[key_id(str(text))] = rec
            except UserError:
                continue
    return out


def signed_after_revocation(signer: KnownKey, day_text: str) -> bool:
    """True when ``signer`` was revoked and the signed day (``dd/mm/yyyy``) is after the revocation's day.

    The day is the one written in the signed text: a key thief can backdate it, which is why a
    revoked station's certificates dated before the revocation still carry a note.
    """
    if not signer.revoked or not signer.revoked_at:
        return False
    try:
        day = datetime.strptime(day_text.strip(), "%d/%m/%Y").date()
        revoked = datetime.fromisoformat(signer.revoked_at).date()
    except ValueError:
        return True  # a revoked key's text without a readable day is not taken as valid
    return day > revoked


def known_keys(db: Database) -> dict[str, KnownKey]:
    with db.session() as s:
        return known_keys_in(s)


# -- signed text ------------------------------------------------------------------------------


def clean_field(value: object) -> str:
    """A field as it is signed: NFC, no separator, no line break, trimmed."""
    text = nfc(str(value) if value is not None else "")
    return " ".join(text.replace(SEP, "/").split())


def signed_text(key: StationKey, tag: str, fields: Sequence[object]) -> str:
    """``TAG|f1|…|KEYID|SIGNATURE`` (see the module docstring)."""
    message = SEP.join([clean_field(tag), *(clean_field(f) for f in fields), key.key_id])
    return message + SEP + b64url(key.sign(message.encode("utf-8")))


@dataclass(frozen=True)
class SignedText:
    tag: str
    fields: tuple[str, ...]
    key_id: str
    signature: bytes
    message: bytes  # what was signed


def parse_signed_text(text: str, tag: str | None = None, field_count: int | None = None) -> SignedText | None:
    """The parts of a signed text, or None when it is not one (or not of ``tag`` / ``field_count``)."""
    text = nfc(text).strip()
    parts = text.split(SEP)
    if len(parts) < 3:
        return None
    head, kid, sig = parts[0], parts[-2], parts[-1]
    if tag is not None and head != tag:
        return None
    if field_count is not None and len(parts) - 3 != field_count:
        return None
    if len(kid) != KEY_ID_LENGTH or len(sig) != SIGNATURE_LENGTH:
        return None
    try:
        signature = unb64url(sig)
    except ValueError:
        return None
    if len(signature) != 64:
        return None
    message = text[: len(text) - len(sig) - 1].encode("utf-8")
    return SignedText(head, tuple(parts[1:-2]), kid, signature, message)


@dataclass(frozen=True)
class SignatureCheck:
    """``status``: ``valid`` | ``invalid`` (altered) | ``unknown_key`` | ``malformed``."""

    status: str
    parsed: SignedText | None
    signer: KnownKey | None


def check_signed_text_in(s: Session, text: str, tag: str, field_count: int) -> SignatureCheck:
    parsed = parse_signed_text(text, tag, field_count)
    if parsed is None:
        return SignatureCheck("malformed", None, None)
    signer = known_keys_in(s).get(parsed.key_id)
    if signer is None:
        return SignatureCheck("unknown_key", parsed, None)
    ok = verify(parsed.message, parsed.signature, signer.public_text)
    return SignatureCheck("valid" if ok else "invalid", parsed, signer)

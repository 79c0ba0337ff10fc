"""The station's encryption key (X25519) and the sealed envelope every bundle travels in.

**Rotation** (``antq keys rotate``, :func:`rotate_encryption_in`): a new pair with the new
signing key; the peers take the new public key from the rotation announcement the old signing key
endorses (sync/key_rotation.py), and the replaced private key stays sealed in
:data:`RETIRED_ENCRYPTION_SETTING` so a bundle encrypted to it before the peers heard still opens
(:func:`load_encryption_for_in`, by the recipient key id in the envelope).

**Where the private key lives**: beside the signing key, in the station's
``setting`` table (:data:`ENCRYPTION_KEY_SETTING`), for the reasons given in
:mod:`antq_desktop.services.station_keys`: it works on SQLite and PostgreSQL
alike, and a backup restored on a new PC can still open bundles sent to the
station. ``setting`` rows are local and never put into a bundle. The public
half is published in this station's ``site`` row (``encryption_public_key``,
text ``x25519:<base64url>``) and on its site card.

**Envelope**, format 2 (all integers big-endian)::

    offset  size  field
    0       8     magic  b"ANTQSYNC"
    8       1     format version (2)
    9       8     sender key id     (first 8 bytes of SHA-256 of the sender's Ed25519 public key)
    17      8     recipient key id  (first 8 bytes of SHA-256 of the recipient's X25519 public key)
    25      32    ephemeral X25519 public key
    57      12    nonce
    69      64    Ed25519 signature of the sender (below)
    133     …     ChaCha20-Poly1305 ciphertext + 16-byte tag

The key is HKDF-SHA256 of the X25519 shared secret (salt: ephemeral public ‖
recipient public, info: ``antq-bundle-v2``); the 69 header bytes are the
associated data. The **signature** is the sender's Ed25519 signature of
``SIGNATURE_CONTEXT ‖ SHA-256(header ‖ ciphertext)``: it is checked with the
paired sender's key *before* anything is decrypted, decompressed or parsed.
The encryption alone proves nothing about the sender — anyone holding a
station's public card can seal a file to it — so a file not signed by a paired
peer costs the receiver one hash of its bytes and nothing more. Any changed,
cut or appended byte fails the signature or the AEAD tag.

The ids in the clear say only which keys are involved (no names): enough to
refuse a bundle for another station, or from an unknown or revoked one.
Format 1 (no envelope signature; only the manifest inside the ZIP was signed)
is refused: no station ran it in production.

Why not age (pyrage): one more native wheel for the installer, and the
envelope above is the same construction (X25519 + HKDF + ChaCha20-Poly1305)
in ~40 lines over ``cryptography``, which the project already ships.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..services import key_seal, settings
from ..services.errors import UserError
from ..services.station_keys import StationKey, b64url, load_public_key, unb64url, verify
from ..storage.models import Site

ENCRYPTION_KEY_SETTING = "station_keys.encryption"
# Keys replaced by a rotation (sync/key_rotation.py), sealed like the current one: a bundle already
# on its way, encrypted to an old key, still opens.  [{"algorithm", "public", "sealed", …}, …]
RETIRED_ENCRYPTION_SETTING = "station_keys.encryption_retired"
X25519_PREFIX = "x25519:"

MAGIC = b"ANTQSYNC"
FORMAT_VERSION = 2
HEADER_SIZE = 8 + 1 + 8 + 8 + 32 + 12  # the associated data of the AEAD
SIGNATURE_SIZE = 64
BODY_OFFSET = HEADER_SIZE + SIGNATURE_SIZE  # where the ciphertext starts
TAG_SIZE = 16
SIGNATURE_CONTEXT = b"antq-bundle-v2 envelope signature\x00"
_INFO = b"antq-bundle-v2"


def x25519_public_text(public: X25519PublicKey) -> str:
    return X25519_PREFIX + b64url(public.public_bytes(Encoding.Raw, PublicFormat.Raw))


def load_x25519_public(text: str) -> X25519PublicKey:
    try:
        return X25519PublicKey.from_public_bytes(unb64url(text.strip().removeprefix(X25519_PREFIX)))
    except (ValueError, TypeError) as exc:
        raise UserError(
            "Khóa mã hóa của đơn vị không đúng định dạng: hãy nhập lại thẻ đơn vị.",
            "The unit's encryption key is not in the expected format: import the site card again.",
        ) from exc


def _raw(public: X25519PublicKey) -> bytes:
    return public.public_bytes(Encoding.Raw, PublicFormat.Raw)


def encryption_key_id(public: str | X25519PublicKey) -> bytes:
    """8 bytes naming an X25519 public key (start of its SHA-256)."""
    key = load_x25519_public(public) if isinstance(public, str) else public
    return hashlib.sha256(_raw(key)).digest()[:8]


def signing_key_id(public: str) -> bytes:
    """8 bytes naming an Ed25519 public key (start of its SHA-256)."""
    raw = load_public_key(public).public_bytes(Encoding.Raw, PublicFormat.Raw)
    return hashlib.sha256(raw).digest()[:8]


@dataclass(frozen=True)
class EncryptionKey:
    private: X25519PrivateKey
    created_at: str

    @property
    def public(self) -> X25519PublicKey:
        return self.private.public_key()

    @property
    def public_text(self) -> str:
        return x25519_public_text(self.public)

    def __repr__(self) -> str:  # never print the private half
        return f"EncryptionKey(public={self.public_text!r})"


def load_encryption_in(s: Session) -> EncryptionKey | None:
    value = settings.get(s, ENCRYPTION_KEY_SETTING)
    if not isinstance(value, dict) or value.get("algorithm") != "x25519":
        return None
    try:
        if key_seal.is_sealed(value):  # refused in one sentence when the data key is not open
            raw = key_seal.open_raw(s, ENCRYPTION_KEY_SETTING, value["sealed"])
        else:  # an older version's clear row, sealed at the next sign-in
            raw = unb64url(str(value["private"]))
        private = X25519PrivateKey.from_private_bytes(raw)
    except (KeyError, ValueError, TypeError):
        return None
    return EncryptionKey(private, str(value.get("created_at") or ""))


def _sealed_row(s: Session, name: str, private: X25519PrivateKey, created: str) -> dict[str, Any]:
    """A private key as a setting value: public half in clear, private half sealed for ``name``."""
    raw = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return {
        "algorithm": "x25519",
        "public": x25519_public_text(private.public_key()),
        "sealed": key_seal.seal_raw(s, name, raw),
        "created_at": created,
    }


def load_encryption_for_in(s: Session, recipient_key_id: bytes) -> EncryptionKey | None:
    """The private key a bundle was encrypted to (its 8-byte id): the current one, or one retired
    by a rotation; None when it is neither (the bundle is for another station)."""
    current = settings.get(s, ENCRYPTION_KEY_SETTING)
    if isinstance(current, dict) and _row_id(current) == recipient_key_id:
        return load_encryption_in(s)
    for row in settings.get(s, RETIRED_ENCRYPTION_SETTING, []) or []:
        if isinstance(row, dict) and key_seal.is_sealed(row) and _row_id(row) == recipient_key_id:
            raw = key_seal.open_raw(s, RETIRED_ENCRYPTION_SETTING, row["sealed"])
            try:
                return EncryptionKey(
                    X25519PrivateKey.from_private_bytes(raw), str(row.get("created_at") or "")
                )
            except ValueError:
                return None
    return None


def _row_id(row: dict[str, Any]) -> bytes | None:
    """The id of a setting row's key, from its public half (nothing opened)."""
    try:
        if row.get("public"):
            return encryption_key_id(str(row["public"]))
        raw = unb64url(str(row["private"]))  # an older version's clear row
        return encryption_key_id(X25519PrivateKey.from_private_bytes(raw).public_key())
    except (KeyError, ValueError, TypeError, UserError):
        return None


def rotate_encryption_in(s: Session, now: datetime | None = None) -> tuple[EncryptionKey, EncryptionKey]:
    """A new X25519 key pair becomes this station's (published in its site row); the old one is kept
    sealed among the retired keys.  Returns (old, new).  The data key must be open."""
    old = ensure_encryption_in(s, now)
    created = (now or datetime.now()).isoformat(timespec="seconds")
    retired = list(settings.get(s, RETIRED_ENCRYPTION_SETTING, []) or [])
    retired.append(
        {**_sealed_row(s, RETIRED_ENCRYPTION_SETTING, old.private, old.created_at), "retired_at": created}
    )
    settings.put(s, RETIRED_ENCRYPTION_SETTING, retired)
    private = X25519PrivateKey.generate()
    settings.put(s, ENCRYPTION_KEY_SETTING, _sealed_row(s, ENCRYPTION_KEY_SETTING, private, created))
    new = ensure_encryption_in(s, now)  # publishes it in the site row
    return old, new


def ensure_encryption_in(s: Session, now: datetime | None = None) -> EncryptionKey:
    """This station's X25519 key, made once inside the caller's transaction, published in its site row."""
    site = s.scalar(select(Site).where(Site.is_self.is_(True)))
    if site is None:
        raise UserError(
            "Máy này chưa được thiết lập đơn vị: hãy chạy trình thiết lập trước.",
            "This station is not set up yet: run the setup first.",
        )
    key = load_encryption_in(s)
    if key is None:
        private = X25519PrivateKey.generate()
        created = (now or datetime.now()).isoformat(timespec="seconds")
        settings.put(s, ENCRYPTION_KEY_SETTING, _sealed_row(s, ENCRYPTION_KEY_SETTING, private, created))
        key = EncryptionKey(private, created)
    if site.encryption_public_key != key.public_text:
        site.encryption_public_key = key.public_text
    return key


def _derive(shared: bytes, eph_public: bytes, recipient_public: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=eph_public + recipient_public, info=_INFO).derive(
        shared
    )


def signed_message(header: bytes | memoryview, ciphertext: bytes | memoryview) -> bytes:
    """What the sender signs: a fixed context and the SHA-256 of the header and ciphertext (no copy of the body)."""
    digest = hashlib.sha256()
    digest.update(header)
    digest.update(ciphertext)
    return SIGNATURE_CONTEXT + digest.digest()


def seal(plaintext: bytes, signing: StationKey, recipient_public: str) -> bytes:
    """Encrypt ``plaintext`` to the recipient's X25519 key and sign it (see the module docstring)."""
    recipient = load_x25519_public(recipient_public)
    eph = X25519PrivateKey.generate()
    eph_public = _raw(eph.public_key())
    key = _derive(eph.exchange(recipient), eph_public, _raw(recipient))
    nonce = os.urandom(12)
    header = (
        MAGIC
        + bytes([FORMAT_VERSION])
        + signing_key_id(signing.public_text)
        + encryption_key_id(recipient)
        + eph_public
        + nonce
    )
    ciphertext = ChaCha20Poly1305(key).encrypt(nonce, plaintext, header)
    return header + signing.sign(signed_message(header, ciphertext)) + ciphertext


@dataclass(frozen=True)
class Envelope:
    format_version: int
    sender_key_id: bytes
    recipient_key_id: bytes
    eph_public: bytes
    nonce: bytes
    header: bytes
    signature: bytes
    ciphertext: memoryview  # a view into the file's bytes: a large file is not copied


def _damaged() -> UserError:
    return UserError(
        "Tệp gói dữ liệu bị hỏng hoặc đã bị sửa đổi: hãy đề nghị đơn vị gửi xuất lại gói mới rồi nhập lại.",
        "The bundle file is damaged or was altered: ask the sending unit for a new bundle and import that.",
    )


def parse_envelope(data: bytes) -> Envelope:
    """The clear header of a bundle file; refuses what is not one, an old or newer format, or a cut file."""
    if not data.startswith(MAGIC[: min(len(data), len(MAGIC))]) or len(data) < len(MAGIC):
        raise UserError(
            "Tệp này không phải gói dữ liệu đồng bộ ANTQ (.antq): hãy chọn đúng tệp.",
            "This file is not an ANTQ sync bundle (.antq): choose the right file.",
        )
    if len(data) < len(MAGIC) + 1:
        raise _damaged()
    version = data[8]
    if version > FORMAT_VERSION:
        raise UserError(
            "Gói dữ liệu được tạo bởi phiên bản chương trình mới hơn: hãy cập nhật chương trình rồi nhập lại.",
            "The bundle was made by a newer program version: update the program and import again.",
        )
    if version < FORMAT_VERSION:
        raise UserError(
            f"Gói dữ liệu theo định dạng cũ (phiên bản {version}, không có chữ ký của đơn vị gửi) không còn "
            "được nhận: hãy đề nghị đơn vị gửi cập nhật chương trình rồi xuất lại gói.",
            f"The bundle uses the old format {version} (not signed by its sender), which is no longer "
            "accepted: ask the sending unit to update the program and export the bundle again.",
        )
    if len(data) < BODY_OFFSET + TAG_SIZE:
        raise _damaged()
    view = memoryview(data)
    return Envelope(
        version,
        data[9:17],
        data[17:25],
        data[25:57],
        data[57:69],
        data[:HEADER_SIZE],
        data[HEADER_SIZE:BODY_OFFSET],
        view[BODY_OFFSET:],
    )


def verify_envelope(env: Envelope, sender_signing_public: str) -> bool:
    """True when the sender's Ed25519 key signed this header and ciphertext (nothing decrypted yet)."""
    return verify(signed_message(env.header, env.ciphertext), env.signature, sender_signing_public)


def open_envelope(env: Envelope, key: EncryptionKey) -> bytes:
    """Decrypt; any altered, cut or appended byte raises the 'damaged' refusal."""
    try:
        eph = X25519PublicKey.from_public_bytes(env.eph_public)
        shared = key.private.exchange(eph)
        sym = _derive(shared, env.eph_public, _raw(key.public))
        return ChaCha20Poly1305(sym).decrypt(env.nonce, env.ciphertext, env.header)
    except (InvalidTag, ValueError) as exc:
        raise _damaged() from exc

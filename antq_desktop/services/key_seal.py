"""The station's private keys sealed at rest under the data key (docs/security.md, "Keys at rest").

The signing (Ed25519) and bundle encryption (X25519) private keys live in ``setting`` rows, never in
clear: each one is ChaCha20-Poly1305 under a key derived (HKDF) from the station's *data key* — the
very key that seals the sensitive columns, wrapped per account with Argon2id and by the printed
recovery code (:mod:`services.encryption`).  While column encryption is off the data key still
exists for this purpose: it is then kept, with the same wraps, in :data:`SEAL_RING` instead of the
column keyring (turning encryption on or off moves it from one row to the other, so the sealed keys
never need sealing again).

A signed-in session (or ``antq encryption recover`` with the code) opens the data key; this module
remembers it for the rest of the process, by the ring's check value, so every ``Database`` opened on
the same station in this process can sign (the program's sign-out locks the screen; a command-line
run is one process, so every run signs in again).  A copied data folder or backup opened without a password or the
code opens nothing: signing a bundle, a card or a certificate is refused in one sentence.

A sealed row keeps its public half in clear (``public``), so what needs only the public key (is
this bundle my own? which key id do I publish?) works without opening anything.  A row still in
clear (made by an older version) is sealed at the first sign-in (:func:`migrate_in`).
"""

from __future__ import annotations

import base64
import os
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from ..storage import column_crypto
from ..storage.models import Setting
from . import settings
from .errors import UserError

KEYRING = column_crypto.KEYRING_KEY
SEAL_RING = "security.seal_key"  # the data key's wraps while column encryption is off
SEALED_SETTINGS = (
    "station_keys.signing",
    "station_keys.encryption",
    "station_keys.previous",
    "station_keys.encryption_retired",  # sync/crypto.py: X25519 keys replaced by a rotation
)
_INFO = b"antq station private key seal v1"

# check value of a ring -> its opened data key, for this process (a signed-in session)
_open: dict[str, bytes] = {}
# rings opened since the last :func:`migrate_in`: what waited for a key that can sign is signed then
_fresh: set[str] = set()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text.encode("ascii"))


def locked_error() -> UserError:
    return UserError(
        "Khóa bí mật của đơn vị đang được niêm phong và chưa mở: hãy đăng nhập bằng tài khoản có khóa "
        "(dòng lệnh: ANTQ_USER và ANTQ_PASSWORD) hoặc dùng mã khôi phục (antq encryption recover) rồi làm lại.",
        "The station's private keys are sealed and not open: sign in with an account that holds the key "
        "(command line: ANTQ_USER and ANTQ_PASSWORD) or use the recovery code (antq encryption recover), then try again.",
    )


def ring_in(s: Session) -> dict[str, Any] | None:
    """The ring holding the data key's wraps: the column keyring, else the seal ring, else None."""
    for name in (KEYRING, SEAL_RING):
        ring = settings.get(s, name)
        if isinstance(ring, dict) and ring.get("wraps") is not None:
            return ring
    return None


def remember(ring: dict[str, Any] | None, key: bytes | None, *, fresh: bool = True) -> None:
    """A session opened the data key of ``ring`` (the caller checked it against the ring's check value).

    ``fresh``: what waited for a key that can sign is signed at the next :func:`migrate_in` (False
    when the same key is only opened again)."""
    if ring is not None and key is not None and ring.get("check"):
        _open[str(ring["check"])] = key
        if fresh:
            _fresh.add(str(ring["check"]))


def forget_in(s: Session) -> None:
    """Sign-out or a locked screen: this station's opened data key leaves the process, so nothing can
    sign or export until a password or the recovery code opens it again."""
    ring = ring_in(s)
    if ring is not None:
        check = str(ring.get("check", ""))
        _open.pop(check, None)
        _fresh.discard(check)


def open_key_in(s: Session) -> bytes | None:
    """The data key when a session of this process opened it; None otherwise."""
    ring = ring_in(s)
    if ring is None:
        return None
    return _open.get(str(ring.get("check", "")))


def _cipher(key: bytes) -> ChaCha20Poly1305:
    sub = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(key)
    return ChaCha20Poly1305(sub)


def is_sealed(value: object) -> bool:
    return isinstance(value, dict) and isinstance(value.get("sealed"), dict)


def seal_raw(s: Session, name: str, raw: bytes) -> dict[str, str]:
    """``raw`` sealed for the setting ``name`` under the open data key (refused when it is not open)."""
    key = open_key_in(s)
    if key is None:
        raise locked_error()
    nonce = os.urandom(12)
    return {"nonce": _b64(nonce), "ct": _b64(_cipher(key).encrypt(nonce, raw, name.encode("ascii")))}


def open_raw(s: Session, name: str, sealed: dict[str, Any]) -> bytes:
    """The raw private bytes of a sealed setting; refused in one sentence when the key is not open."""
    key = open_key_in(s)
    if key is None:
        raise locked_error()
    try:
        return _cipher(key).decrypt(
            _unb64(str(sealed["nonce"])), _unb64(str(sealed["ct"])), name.encode("ascii")
        )
    except (InvalidTag, KeyError, ValueError, TypeError) as exc:
        raise UserError(
            "Khóa bí mật của đơn vị bị hỏng hoặc không khớp khóa dữ liệu: hãy khôi phục từ bản sao lưu.",
            "The station's private key is damaged or does not match the data key: restore a backup.",
        ) from exc


def open_raw_conn(conn: Connection, name: str, sealed: dict[str, Any]) -> bytes | None:
    """:func:`open_raw` on a bare connection (after-commit hooks); None when the key is not open."""
    for ring_name in (KEYRING, SEAL_RING):
        ring = conn.execute(select(Setting.value).where(Setting.key == ring_name)).scalar()
        if isinstance(ring, dict) and ring.get("wraps") is not None:
            key = _open.get(str(ring.get("check", "")))
            if key is None:
                return None
            try:
                return _cipher(key).decrypt(
                    _unb64(str(sealed["nonce"])), _unb64(str(sealed["ct"])), name.encode("ascii")
                )
            except (InvalidTag, KeyError, ValueError, TypeError):
                return None
    return None


def migrate_in(s: Session) -> int:
    """Seal every private key still stored in clear (an older version's rows); needs the key open."""
    if open_key_in(s) is None:
        return 0
    ring = ring_in(s)
    if ring is not None and str(ring.get("check", "")) in _fresh:
        _fresh.discard(str(ring.get("check", "")))
        _keys_usable(s)
    count = 0
    for name in SEALED_SETTINGS:
        value = settings.get(s, name)
        rows = value if isinstance(value, list) else [value]
        changed = False
        out = []
        for row in rows:
            if isinstance(row, dict) and isinstance(row.get("private"), str):
                raw = base64.urlsafe_b64decode(row["private"] + "=" * (-len(row["private"]) % 4))
                row = {k: v for k, v in row.items() if k != "private"}
                row["public"] = row.get("public") or _public_of(row.get("algorithm", ""), raw)
                row["sealed"] = seal_raw(s, name, raw)
                changed = True
                count += 1
            out.append(row)
        if changed:
            settings.put(s, name, out if isinstance(value, list) else out[0])
    return count


def _keys_usable(s: Session) -> None:
    """The data key is open: what waited for a key that can sign is signed now — the audit anchor
    file (left behind, never written unsigned, while the key was closed) and the manifests of
    backups made meanwhile (services/audit_anchors.py, services/backup_manifest.py)."""
    from . import audit_anchors, backup_manifest  # they build on this module

    conn = s.connection()
    audit_anchors.refresh_in(conn)
    backup_manifest.sign_pending(conn)


def _public_of(algorithm: str, raw: bytes) -> str:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    if algorithm == "x25519":
        pub = (
            X25519PrivateKey.from_private_bytes(raw).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        )
        return "x25519:" + base64.urlsafe_b64encode(pub).rstrip(b"=").decode("ascii")
    pub = Ed25519PrivateKey.from_private_bytes(raw).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return "ed25519:" + base64.urlsafe_b64encode(pub).rstrip(b"=").decode("ascii")

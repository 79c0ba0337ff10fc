"""The station's data key: turning column encryption on and off, opening it at sign-in, recovery.

docs/security.md, "Data at rest".  SQLCipher was evaluated and not adopted (no maintained Windows
wheel for the packaged program), so the sensitive columns are sealed instead
(:mod:`antq_desktop.storage.column_crypto`).

The data key (64 random bytes) is kept in the settings row :data:`column_crypto.KEYRING_KEY`
only *wrapped*: once per account, under a key derived from that account's password with Argon2id,
and once under the printed recovery code (HKDF — the code is 125 random bits).  Wrapping is
ChaCha20-Poly1305.  So:

* signing in opens the key (:func:`open_with_password`, called by ``accounts.sign_in``);
* an administrator adding an account or resetting a password gives that account the key (the
  administrator's session has it open); changing one's own password re-wraps it;
* an account made before encryption was turned on has no key until an administrator resets its
  password: it can sign in and work on everything else; sensitive fields show ``***`` and cannot
  be changed;
* a forgotten administrator password: ``antq encryption recover`` with the recovery code sets a new
  one (and gives it the key); a lost recovery code: print a new one (:func:`new_recovery_code`).
"""

from __future__ import annotations

import base64
import hmac
import os
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from ..domain.text import search_key
from ..storage import audit_log, column_crypto
from ..storage.database import Database
from ..storage.models import Commitment, Household, Person, User
from . import audit, key_seal, settings
from .errors import UserError
from .passwords import check_password, hash_password, verify_password

KEYRING = column_crypto.KEYRING_KEY
# Argon2id for the password wraps: 64 MiB, 3 passes (about 0.3 s on an old office PC).
ARGON2 = {"t": 3, "m": 65536, "p": 1}
# The models whose columns are sealed, and the search key each one keeps.
SEALED_MODELS = (Person, Household, Commitment)
RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
RECOVERY_GROUPS = 5
_WRAP_AAD = b"antq-desktop data key v1"


def locked_user_error() -> Exception:
    """The refusal of a locked station as a UserError (wired into storage by services.setup)."""
    e = column_crypto.SensitiveDataLocked()
    return UserError(e.vi, e.en)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text.encode("ascii"))


def _check_value(key: bytes) -> str:
    return _b64(hmac.new(key, b"antq column key check", "sha256").digest()[:16])


# -- wraps ---------------------------------------------------------------------------------------


def _password_wrap(key: bytes, password: str) -> dict[str, Any]:
    salt = os.urandom(16)
    kek = hash_secret_raw(password.encode("utf-8"), salt, ARGON2["t"], ARGON2["m"], ARGON2["p"], 32, Type.ID)
    nonce = os.urandom(12)
    return {
        "kdf": "argon2id",
        **ARGON2,
        "salt": _b64(salt),
        "nonce": _b64(nonce),
        "ct": _b64(ChaCha20Poly1305(kek).encrypt(nonce, key, _WRAP_AAD)),
    }


def _open_password_wrap(wrap: dict[str, Any], password: str) -> bytes | None:
    kek = hash_secret_raw(
        password.encode("utf-8"),
        _unb64(wrap["salt"]),
        int(wrap["t"]),
        int(wrap["m"]),
        int(wrap["p"]),
        32,
        Type.ID,
    )
    try:
        return ChaCha20Poly1305(kek).decrypt(_unb64(wrap["nonce"]), _unb64(wrap["ct"]), _WRAP_AAD)
    except InvalidTag:
        return None


def normalise_recovery_code(code: str) -> str:
    """Upper case, no spaces or dashes; O→0, I/L→1 as people misread them."""
    text = "".join(ch for ch in (code or "").upper() if ch.isalnum())
    return text.replace("O", "0").replace("I", "1").replace("L", "1")


def _recovery_kek(code: str, salt: bytes) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"antq recovery code")
    return hkdf.derive(normalise_recovery_code(code).encode("ascii"))


def _recovery_wrap(key: bytes, code: str) -> dict[str, Any]:
    salt, nonce = os.urandom(16), os.urandom(12)
    kek = _recovery_kek(code, salt)
    return {
        "kdf": "hkdf-sha256",
        "salt": _b64(salt),
        "nonce": _b64(nonce),
        "ct": _b64(ChaCha20Poly1305(kek).encrypt(nonce, key, _WRAP_AAD)),
    }


def _open_recovery_wrap(wrap: dict[str, Any], code: str) -> bytes | None:
    kek = _recovery_kek(code, _unb64(wrap["salt"]))
    try:
        return ChaCha20Poly1305(kek).decrypt(_unb64(wrap["nonce"]), _unb64(wrap["ct"]), _WRAP_AAD)
    except InvalidTag:
        return None


def make_recovery_code() -> str:
    """25 characters in five groups, e.g. ``7KQ2M-…``: 125 random bits, easy to read out and type."""
    chars = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(5 * RECOVERY_GROUPS))
    return "-".join(chars[i : i + 5] for i in range(0, len(chars), 5))


# -- the state -----------------------------------------------------------------------------------


@dataclass
class Status:
    enabled: bool
    unlocked: bool
    enabled_at: str = ""
    with_key: list[str] = field(default_factory=list)
    without_key: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "enabled": self.enabled,
            "unlocked": self.unlocked,
            "enabled_at": self.enabled_at,
            "accounts_with_key": self.with_key,
            "accounts_without_key": self.without_key,
        }


def _keyring(s: Session) -> dict[str, Any] | None:
    ring = settings.get(s, KEYRING)
    return ring if isinstance(ring, dict) and ring.get("wraps") is not None else None


def _any_ring(s: Session) -> tuple[str, dict[str, Any]] | None:
    """(setting name, ring) of the data key: the column keyring, else the seal ring (encryption off)."""
    ring = _keyring(s)
    if ring is not None:
        return KEYRING, ring
    seal = settings.get(s, key_seal.SEAL_RING)
    if isinstance(seal, dict) and seal.get("wraps") is not None:
        return key_seal.SEAL_RING, seal
    return None


def create_seal_ring_in(s: Session, user_id: str, password: str) -> bytes:
    """Encryption off and no data key yet: make one, wrapped for this account, to seal the private keys.

    No recovery wrap: there is no recovery code while encryption is off (turning it on prints one).
    """
    key = os.urandom(column_crypto.KEY_BYTES)
    ring = {"version": 1, "check": _check_value(key), "wraps": {user_id: _password_wrap(key, password)}}
    settings.put(s, key_seal.SEAL_RING, ring)
    key_seal.remember(ring, key)
    return key


def status(db: Database) -> Status:
    with db.session() as s:
        ring = _keyring(s)
        users = s.execute(
            select(User.id, User.username).where(User.active.is_(True)).order_by(User.username)
        ).all()
    if ring is None:
        return Status(False, True)
    wraps = ring.get("wraps", {})
    return Status(
        True,
        column_crypto.is_unlocked(db),
        str(ring.get("enabled_at", "")),
        [u.username for u in users if u.id in wraps],
        [u.username for u in users if u.id not in wraps],
    )


def is_enabled(db: Database) -> bool:
    with db.session() as s:
        return _keyring(s) is not None


def _set_from_ring(db: Database, ring: dict[str, Any] | None, key: bytes | None) -> None:
    if ring is None:
        column_crypto.set_state(db, False)
        return
    if key is not None and not hmac.compare_digest(_check_value(key), str(ring.get("check", ""))):
        key = None
    column_crypto.set_state(db, True, key)


def open_with_password(db: Database, user_id: str, password: str) -> bool:
    """After a sign-in: open the data key with this account's password.

    True when sensitive data can be read and written (encryption off, or the key opened); False
    when this account has no key yet (the station stays locked for sensitive fields).
    """
    with db.session() as s:
        ring = _keyring(s)
    if ring is None:
        _set_from_ring(db, None, None)
        _open_seal_ring(db, user_id, password)
        return True
    wrap = ring["wraps"].get(user_id)
    key = _open_password_wrap(wrap, password) if wrap else None
    _set_from_ring(db, ring, key)
    if column_crypto.is_unlocked(db):
        key_seal.remember(ring, key)
        _migrate_keys(db)
    return column_crypto.is_unlocked(db)


def _open_seal_ring(db: Database, user_id: str, password: str) -> None:
    """Encryption off: open (or make, the first time) the data key that seals the private keys."""
    with db.session() as s:
        seal = settings.get(s, key_seal.SEAL_RING)
        if not isinstance(seal, dict) or seal.get("wraps") is None:
            create_seal_ring_in(s, user_id, password)
        else:
            wrap = seal["wraps"].get(user_id)
            key = _open_password_wrap(wrap, password) if wrap else None
            if key is None or not hmac.compare_digest(_check_value(key), str(seal.get("check", ""))):
                return
            key_seal.remember(seal, key)
        key_seal.migrate_in(s)


def _migrate_keys(db: Database) -> None:
    with db.session() as s:
        key_seal.migrate_in(s)


def open_with_recovery_code(db: Database, code: str) -> bool:
    with db.session() as s:
        found = _any_ring(s)
    if found is None:
        return True
    name, ring = found
    if not ring.get("recovery"):
        return False
    key = _open_recovery_wrap(ring["recovery"], code)
    if key is None:
        return False
    key_seal.remember(ring, key)
    if name == KEYRING:
        _set_from_ring(db, ring, key)
        return column_crypto.is_unlocked(db)
    return True


def require_open(db: Database) -> None:
    """Refuse (one sentence) work that needs the sensitive values in clear while they are locked."""
    if not column_crypto.is_unlocked(db):
        raise locked_user_error()


def close(db: Database) -> None:
    """Sign-out: the keys leave memory — the column key (an encrypted station is locked again) and the
    data key that opens the station's private keys (services/key_seal.py)."""
    if column_crypto.is_enabled(db):
        column_crypto.set_state(db, True, None)
    with db.session() as s:
        key_seal.forget_in(s)


def give_key(s: Session, db: Database, user_id: str, password: str) -> bool:
    """Wrap the open data key for an account (new account, password reset or change).

    Inside the caller's transaction.  False when encryption is on but the key is not open here.
    """
    found = _any_ring(s)
    if found is None:
        return True
    name, ring = found
    key = column_crypto.current_key(db) if name == KEYRING else key_seal.open_key_in(s)
    if key is None:
        return name != KEYRING  # encryption off: only the sealed private keys stay out of reach
    ring = dict(ring)
    ring["wraps"] = {**ring["wraps"], user_id: _password_wrap(key, password)}
    settings.put(s, name, ring)
    return True


def rewrap_own(s: Session, user_id: str, old_password: str, new_password: str) -> None:
    """A person changing their own password keeps their key (opened with the old password)."""
    found = _any_ring(s)
    if found is None or user_id not in found[1]["wraps"]:
        return
    name, ring = found
    key = _open_password_wrap(ring["wraps"][user_id], old_password)
    if key is None:
        return
    ring = dict(ring)
    ring["wraps"] = {**ring["wraps"], user_id: _password_wrap(key, new_password)}
    settings.put(s, name, ring)


def drop_key(s: Session, user_id: str) -> None:
    """A disabled account loses its wrap (a password it still knows opens nothing)."""
    found = _any_ring(s)
    if found is None or user_id not in found[1]["wraps"]:
        return
    name, ring = found
    ring = dict(ring)
    ring["wraps"] = {k: v for k, v in ring["wraps"].items() if k != user_id}
    settings.put(s, name, ring)


# -- turning it on and off -----------------------------------------------------------------------


def _require_admin_password(s: Session, db: Database, password: str) -> User:
    actor = audit_log.actor_of(db)
    if actor.role != "admin":
        raise UserError(
            "Chỉ tài khoản Quản trị đang đăng nhập mới bật hoặc tắt được mã hóa: hãy đăng nhập bằng tài khoản Quản trị.",
            "Only a signed-in administrator can turn encryption on or off: sign in as an administrator.",
        )
    user = s.scalar(select(User).where(User.username == actor.username))
    if user is None or not verify_password(user.password_hash, password or ""):
        raise UserError(
            "Mật khẩu quản trị không đúng: hãy nhập lại mật khẩu của tài khoản đang đăng nhập.",
            "The administrator password is wrong: type the password of the account signed in.",
        )
    return user


def _rows(conn: Any, model: type, batch: int = 2000) -> Iterator[list[dict[str, Any]]]:
    table = model.__table__  # type: ignore[attr-defined]
    cols = [table.c.id, *(table.c[k] for k in column_crypto.sensitive_columns(model))]
    search_fields = getattr(model, "__search_fields__", ())
    cols += [table.c[f] for f in search_fields if f not in column_crypto.sensitive_columns(model)]
    last = ""
    while True:
        rows = (
            conn.execute(select(*cols).where(table.c.id > last).order_by(table.c.id).limit(batch))
            .mappings()
            .all()
        )
        if not rows:
            return
        yield [dict(r) for r in rows]
        last = rows[-1]["id"]


def _rewrite(conn: Any, before_write: Callable[[], None] | None = None) -> int:
    """Read every sealed column through the current state, call ``before_write`` (which may change
    the state), then write the values back through it — sealing or opening them — with fresh search
    keys.  Sync columns are untouched: no record changed, nothing to send."""
    batches = {
        m: list(_rows(conn, m)) for m in SEALED_MODELS
    }  # all read first: writes must not disturb the paging
    if before_write is not None:
        before_write()
    hidden = column_crypto.hidden_search_fields(conn)
    count = 0
    for model, pages in batches.items():
        table = model.__table__  # type: ignore[attr-defined]
        keys = list(column_crypto.sensitive_columns(model))
        search_fields = getattr(model, "__search_fields__", ())
        for rows in pages:
            params = []
            for r in rows:
                p = {k: r[k] for k in keys}
                if search_fields:
                    p["search_key"] = search_key(*(r[f] for f in search_fields if f not in hidden))
                p["b_id"] = r["id"]
                params.append(p)
            conn.execute(update(table).where(table.c.id == bindparam("b_id")), params)
            count += len(params)
    return count


def enable(db: Database, password: str, now: datetime | None = None) -> str:
    """Turn encryption on (an administrator, with their password); returns the recovery code to print.

    Existing values are sealed in the same transaction; on any failure nothing is sealed and the
    station stays as it was.
    """
    now = now or datetime.now()
    if not db.is_sqlite:
        raise UserError(
            "Mã hóa từng cột dùng cho cơ sở dữ liệu SQLite của máy xã; máy chủ PostgreSQL hãy dùng mã hóa ổ đĩa của máy chủ.",
            "Column encryption is for a commune's SQLite database; protect a PostgreSQL server with its own disk encryption.",
        )
    key = os.urandom(column_crypto.KEY_BYTES)
    code = make_recovery_code()
    try:
        with db.session() as s:
            if _keyring(s) is not None:
                raise UserError(
                    "Dữ liệu nhạy cảm đã được mã hóa rồi.", "Sensitive data is already encrypted."
                )
            admin = _require_admin_password(s, db, password)
            seal = settings.get(s, key_seal.SEAL_RING)
            if isinstance(seal, dict) and seal.get("wraps") is not None:
                # The data key that already seals the private keys becomes the column key too (other
                # accounts get it back, as before, when an administrator resets their password).
                key = key_seal.open_key_in(s) or b""
                if not key:
                    raise key_seal.locked_error()
                settings.put(s, key_seal.SEAL_RING, None)
            ring = {
                "version": 1,
                "enabled_at": now.isoformat(timespec="seconds"),
                "check": _check_value(key),
                "wraps": {admin.id: _password_wrap(key, password)},
                "recovery": _recovery_wrap(key, code),
            }
            settings.put(s, KEYRING, ring)
            key_seal.remember(ring, key)
            column_crypto.set_state(db, True, key)
            sealed = _rewrite(s.connection())
            audit.record(s, "settings", details={"column_encryption": [False, True], "values_sealed": sealed})
    except BaseException:
        column_crypto.set_state(db, False)
        raise
    return code


def enable_at_setup(s: Session, user_id: str, password: str, code: str, now: datetime) -> None:
    """Safe by default: the setup turns encryption on in its own transaction (nothing to seal yet),
    with the first administrator's wrap and the recovery code the wizard showed or ``antq init``
    prints.  The caller forgets the key (``column_crypto.set_state(db, False)``) if the setup fails."""
    if len(normalise_recovery_code(code)) != 5 * RECOVERY_GROUPS:  # as make_recovery_code makes it
        raise ValueError("not a recovery code made by make_recovery_code")
    key = os.urandom(column_crypto.KEY_BYTES)
    ring = {
        "version": 1,
        "enabled_at": now.isoformat(timespec="seconds"),
        "check": _check_value(key),
        "wraps": {user_id: _password_wrap(key, password)},
        "recovery": _recovery_wrap(key, code),
    }
    settings.put(s, KEYRING, ring)
    key_seal.remember(ring, key)  # the same data key seals the station's private keys
    column_crypto.set_state(s, True, key)
    audit.record(s, "settings", details={"column_encryption": [False, True], "at_setup": True})


def disable(db: Database, password: str) -> int:
    """Turn encryption off (an administrator with the key open); every value is stored in clear again."""
    if not column_crypto.is_enabled(db):
        raise UserError("Dữ liệu nhạy cảm đang không mã hóa.", "Sensitive data is not encrypted.")
    key = column_crypto.current_key(db)
    if key is None:
        raise locked_user_error()
    try:
        with db.session() as s:
            _require_admin_password(s, db, password)
            # Read in clear with the key, write in clear without it.
            count = _rewrite(s.connection(), lambda: column_crypto.set_state(db, False))
            ring = _keyring(s)
            settings.put(s, KEYRING, None)
            # The same key, wraps and recovery code keep sealing the private keys.
            settings.put(s, key_seal.SEAL_RING, {k: v for k, v in (ring or {}).items() if k != "enabled_at"})
            audit.record(s, "settings", details={"column_encryption": [True, False]})
    except BaseException:
        column_crypto.set_state(db, True, key)
        raise
    return count


def new_recovery_code(db: Database, password: str) -> str:
    """A new recovery code (the old paper no longer opens anything); the key must be open here."""
    key = column_crypto.current_key(db)
    if key is None:
        raise locked_user_error()
    code = make_recovery_code()
    with db.session() as s:
        ring = _keyring(s)
        if ring is None:
            raise UserError("Dữ liệu nhạy cảm đang không mã hóa.", "Sensitive data is not encrypted.")
        _require_admin_password(s, db, password)
        settings.put(s, KEYRING, {**ring, "recovery": _recovery_wrap(key, code)})
        audit.record(s, "settings", details={"recovery_code": "renewed"})
    return code


def recover_account(db: Database, code: str, username: str, new_password: str) -> None:
    """The recovery code sets a new password for an administrator and gives it the key."""
    check_password(new_password)
    with db.session() as s:
        found = _any_ring(s)
        name, ring = found if found is not None else (KEYRING, None)
        if ring is None or not ring.get("recovery"):
            raise UserError(
                "Dữ liệu nhạy cảm không mã hóa nên không có mã khôi phục: hãy dùng chức năng đặt lại mật khẩu.",
                "Sensitive data is not encrypted, so there is no recovery code: use a password reset.",
            )
        key = _open_recovery_wrap(ring["recovery"], code)
        if key is None:
            raise UserError(
                "Mã khôi phục không đúng: hãy đối chiếu từng ký tự với tờ giấy đã in.",
                "The recovery code is wrong: compare each character with the printed sheet.",
            )
        user = s.scalar(select(User).where(User.username == username))
        if user is None or user.role != "admin":
            raise UserError(
                f"Không có tài khoản Quản trị {username!r}: hãy nhập tên tài khoản quản trị.",
                f"There is no administrator {username!r}.",
            )
        user.password_hash = hash_password(new_password)
        user.failed_attempts = 0
        user.locked_until = None
        user.active = True
        settings.put(
            s, name, {**ring, "wraps": {**ring["wraps"], user.id: _password_wrap(key, new_password)}}
        )
        key_seal.remember(ring, key)
        audit.record(
            s, "password_reset", table="app_user", record_id=user.id, username=username, note="recovery code"
        )

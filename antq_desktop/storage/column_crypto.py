"""Sensitive columns encrypted at rest (docs/security.md, "Data at rest").

A station may turn on encryption of the columns the 2025 personal data law calls sensitive
(docs/domain.md, "Sensitive fields"): ID numbers, ethnicity, poverty status and the note on a broken commitment.  The
values are then stored as ``enc:`` text sealed with AES-SIV under the station's data key, which
never touches the disk in clear: ``services.encryption`` keeps it wrapped by each account's password
and by a printed recovery code, and hands it to this module after a sign-in.

* ID numbers are sealed *deterministically* (the same number gives the same text), so the indexed
  equality lookups (duplicate check, search by a whole number) keep working; nothing else can be
  learnt from them, as every number is different.
* The others are sealed with a random nonce: 54 ethnic groups or three poverty statuses sealed
  deterministically would give their frequencies away.

The state lives per engine (per :class:`~.database.Database`): *off* (plain text), *unlocked*
(key in memory) or *locked* (on, no key — an account without a key yet, or a command line without
its password).  A locked station reads :data:`PLACEHOLDER` and refuses to write a sensitive value:
nothing can overwrite a sealed value with a blank because the clear text was not available.

Empty values are stored as they are (nothing to hide, and "" stays queryable).  PostgreSQL hubs do
not use this (a server's own disk encryption and access rules protect it); see docs/security.md.
"""

from __future__ import annotations

import base64
import os
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESSIV
from sqlalchemy import Engine, String, Text, event, inspect
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator

__all__ = [
    "KEYRING_KEY",
    "PLACEHOLDER",
    "SensitiveDataLocked",
    "SensitiveString",
    "SensitiveText",
    "check_flush",
    "hidden_search_fields",
    "is_enabled",
    "is_unlocked",
    "register_locked_error",
    "seal_for_audit",
    "set_state",
]

KEY_BYTES = 64  # AES-SIV with AES-256
PREFIX = "enc:"
DETERMINISTIC = "enc:d:"
RANDOMISED = "enc:r:"
PLACEHOLDER = "***"
# The settings row whose presence says "this database is encrypted" (services.encryption owns it).
KEYRING_KEY = "security.column_key"


class SensitiveDataLocked(RuntimeError):
    """A sensitive value was to be written while the station's data key is not open."""

    vi = (
        "Dữ liệu nhạy cảm đang được mã hóa và tài khoản này chưa mở được khóa: hãy đăng nhập bằng "
        "tài khoản đã có khóa (quản trị viên đặt lại mật khẩu để cấp khóa)."
    )
    en = (
        "Sensitive data is encrypted and this account has not opened its key: sign in with an "
        "account that has it (an administrator resetting your password gives you one)."
    )

    def __init__(self) -> None:
        super().__init__(self.vi)


def _default_locked_error() -> Exception:
    return SensitiveDataLocked()


_locked_error: list[Callable[[], Exception]] = [_default_locked_error]


def register_locked_error(factory: Callable[[], Exception]) -> None:
    """The services layer makes the refusal a person-readable error of its own kind."""
    _locked_error[0] = factory


def locked_error() -> Exception:
    return _locked_error[0]()


@dataclass
class _State:
    enabled: bool
    cipher: AESSIV | None = None
    key: bytes | None = None


_states: weakref.WeakKeyDictionary[Dialect, _State] = weakref.WeakKeyDictionary()


def _dialect(bind: Any) -> Dialect:
    if isinstance(bind, Dialect):
        return bind
    if isinstance(bind, Engine | Connection):
        return bind.dialect
    if isinstance(bind, Session):
        return bind.get_bind().dialect
    return bind.engine.dialect  # a Database


def set_state(bind: Any, enabled: bool, key: bytes | None = None) -> None:
    """Encryption off, on and locked (no key), or on and unlocked (``key``)."""
    if key is not None and len(key) != KEY_BYTES:
        raise ValueError("wrong data key length")
    open_key = key if (enabled and key) else None
    _states[_dialect(bind)] = _State(enabled, AESSIV(open_key) if open_key else None, open_key)


def _state(bind: Any) -> _State | None:
    return _states.get(_dialect(bind))


def is_enabled(bind: Any) -> bool:
    st = _state(bind)
    return bool(st and st.enabled)


def current_key(bind: Any) -> bytes | None:
    """The open data key (for wrapping it for another account), or None."""
    st = _state(bind)
    return st.key if st is not None else None


def is_unlocked(bind: Any) -> bool:
    """Sensitive values can be read and written (encryption off, or its key open)."""
    st = _state(bind)
    return st is None or not st.enabled or st.cipher is not None


def watch(engine: Engine) -> None:
    """Learn at the first connection whether the database holds a keyring (then: on, locked)."""

    @event.listens_for(engine, "first_connect")
    def _first(dbapi_conn: Any, _record: Any) -> None:
        if _states.get(engine.dialect) is not None:
            return
        cur = dbapi_conn.cursor()
        try:
            cur.execute("SELECT 1 FROM setting WHERE key = ?", (KEYRING_KEY,))
            found = cur.fetchone() is not None
        except Exception:  # no settings table yet: a new database
            found = False
        finally:
            cur.close()
        if found:
            _states[engine.dialect] = _State(True, None)


# -- sealing ------------------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def seal(cipher: AESSIV, label: str, value: str, deterministic: bool) -> str:
    data = value.encode("utf-8")
    if deterministic:
        return DETERMINISTIC + _b64(cipher.encrypt(data, [label.encode()]))
    nonce = os.urandom(16)
    return RANDOMISED + _b64(nonce + cipher.encrypt(data, [label.encode(), nonce]))


def open_sealed(cipher: AESSIV, label: str, text: str) -> str:
    """The clear text of a sealed value; raises ``ValueError`` if it was not sealed with this key."""
    try:
        if text.startswith(DETERMINISTIC):
            return cipher.decrypt(_unb64(text[len(DETERMINISTIC) :]), [label.encode()]).decode("utf-8")
        if text.startswith(RANDOMISED):
            raw = _unb64(text[len(RANDOMISED) :])
            nonce, body = raw[:16], raw[16:]
            return cipher.decrypt(body, [label.encode(), nonce]).decode("utf-8")
    except (InvalidTag, ValueError) as exc:
        raise ValueError("not sealed with this station's key") from exc
    raise ValueError("not a sealed value")


class _Sensitive(TypeDecorator[str]):
    """A text column sealed at rest when its database has encryption on."""

    impl: Any = String
    cache_ok = True

    def __init__(self, length: int | None = None, label: str = "", deterministic: bool = False) -> None:
        super().__init__(length)
        self.length = length
        self.label = label
        self.deterministic = deterministic

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if not value or not isinstance(value, str) or value.startswith(PREFIX):
            return value
        st = _states.get(dialect)
        if st is None or not st.enabled:
            return value
        if st.cipher is None:
            raise locked_error()
        return seal(st.cipher, self.label, value, self.deterministic)

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if not value or not isinstance(value, str) or not value.startswith(PREFIX):
            return value
        st = _states.get(dialect)
        if st is None or st.cipher is None:
            return PLACEHOLDER
        try:
            return open_sealed(st.cipher, self.label, value)
        except ValueError:
            return PLACEHOLDER

    def copy(self, **kw: Any) -> _Sensitive:
        return type(self)(self.length, self.label, self.deterministic)


class SensitiveString(_Sensitive):
    impl = String
    cache_ok = True


class SensitiveText(_Sensitive):
    impl = Text
    cache_ok = True

    def __init__(self, label: str = "", deterministic: bool = False) -> None:
        super().__init__(None, label, deterministic)

    def copy(self, **kw: Any) -> SensitiveText:
        return SensitiveText(self.label, self.deterministic)


def sensitive_columns(model: Any) -> dict[str, _Sensitive]:
    """``{attribute: type}`` of a model's sealed columns."""
    table = getattr(model, "__table__", None)
    if table is None:
        return {}
    return {c.key: c.type for c in table.columns if isinstance(c.type, _Sensitive)}


def hidden_search_fields(bind: Any) -> frozenset[str]:
    """Fields left out of the clear-text search key while encryption is on (the ID numbers)."""
    return frozenset({"id_number", "old_id_number"}) if is_enabled(bind) else frozenset()


def seal_for_audit(bind: Any, model: Any, key: str, value: Any) -> Any:
    """What the audit trail stores for a field: sealed (random nonce) when the column is sensitive."""
    if not value or not isinstance(value, str) or value.startswith(PREFIX):
        return value
    col = sensitive_columns(type(model) if not isinstance(model, type) else model).get(key)
    st = _state(bind)
    if col is None or st is None or not st.enabled:
        return value
    if st.cipher is None:
        return PLACEHOLDER
    return seal(st.cipher, col.label, value, deterministic=False)


def open_for_display(bind: Any, model: Any, key: str, value: Any) -> Any:
    """An audit value read back: clear when the key is open, :data:`PLACEHOLDER` otherwise."""
    if not isinstance(value, str) or not value.startswith(PREFIX):
        return value
    col = sensitive_columns(model).get(key)
    st = _state(bind)
    if col is None or st is None or st.cipher is None:
        return PLACEHOLDER
    try:
        return open_sealed(st.cipher, col.label, value)
    except ValueError:
        return PLACEHOLDER


def check_flush(session: Session) -> None:
    """Refuse a flush that would write a sensitive value while the key is not open."""
    if session.get_bind() is None or is_unlocked(session):
        return
    for obj in (*session.new, *session.dirty):
        cols = sensitive_columns(type(obj))
        if not cols:
            continue
        state = inspect(obj)
        for key in cols:
            hist = state.attrs[key].history
            if hist.added and any(v and v != PLACEHOLDER for v in hist.added):
                raise locked_error()
            if hist.added and hist.deleted and hist.added[0] != hist.deleted[0]:
                raise locked_error()  # blanking a value that could not be read

"""Station accounts: sign-in with lockout, roles, passwords, and who may see and change what.

Roles: ``admin`` (Quản trị: accounts and settings), ``officer`` (Cán bộ: edits records),
``viewer`` (Chỉ xem: reads only).  Sign-in sets the database's *actor*
(:func:`antq_desktop.storage.audit_log.set_actor`): the audit trail names them, and the write guard
registered here refuses every write of travelling records by a read-only account, whatever screen
or command asked for it.  A database nobody signed in to (set-up, the demo, tests) acts as the
system and may write; the command line acts as the first administrator (or ``ANTQ_USER``).

Passwords are hashed with Argon2id and never logged or written to the audit trail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..storage import audit_log
from ..storage.audit_log import NOBODY, SYSTEM, Actor
from ..storage.database import Database
from ..storage.models import User
from . import audit, encryption, key_seal, settings
from .errors import UserError
from .passwords import check_password as _check_password
from .passwords import hash_password, needs_rehash, verify_password

ROLES = ("admin", "officer", "viewer")
ROLE_LABELS = {"admin": "Quản trị", "officer": "Cán bộ", "viewer": "Chỉ xem"}
# Roles that may write records; the rest read only.
EDITING_ROLES = frozenset({"admin", "officer", "system"})
_USERNAME = re.compile(r"^[A-Za-z0-9._-]{3,64}$")

# Settings (in the database, changed by an administrator).
MAX_FAILED_KEY = "accounts.max_failed_attempts"
LOCKOUT_MINUTES_KEY = "accounts.lockout_minutes"
IDLE_LOCK_KEY = "accounts.idle_lock_minutes"
SENSITIVE_KEY = "accounts.sensitive_access"
DEFAULT_MAX_FAILED = 5
DEFAULT_LOCKOUT_MINUTES = 15
DEFAULT_IDLE_LOCK_MINUTES = 10

# Sensitive fields (docs/domain.md, "Sensitive fields") and who sees them unless an administrator changes it.
SENSITIVE_FIELDS = {
    "ethnicity": "Dân tộc",
    "poverty_status": "Hộ nghèo, cận nghèo",
    "id_numbers": "Số định danh đầy đủ",
    "violation_notes": "Ghi chú vi phạm, đối tượng",
}
DEFAULT_SENSITIVE_ACCESS = {f: ("admin", "officer") for f in SENSITIVE_FIELDS}
# Kept for callers written before the policy: who sees ID numbers in full by default.
ID_NUMBER_ROLES = DEFAULT_SENSITIVE_ACCESS["id_numbers"]


def _check_username(username: str) -> None:
    if not _USERNAME.match(username or ""):
        raise UserError(
            "Tên đăng nhập cần 3–64 ký tự không dấu (chữ, số, dấu chấm, gạch).",
            "The user name needs 3–64 plain letters, digits, dots or dashes.",
        )


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise UserError(
            f"Vai trò {role!r} không hợp lệ: hãy chọn admin (Quản trị), officer (Cán bộ) hoặc viewer (Chỉ xem).",
            f"Unknown role {role!r}: choose admin, officer or viewer.",
        )


def add_user(
    session: Session, username: str, password: str, role: str = "officer", full_name: str = ""
) -> User:
    _check_role(role)
    if session.scalar(select(User).where(User.username == username)) is not None:
        raise UserError(
            f"Tên đăng nhập {username!r} đã có: hãy chọn tên khác.", f"User name {username!r} already exists."
        )
    user = User(
        username=username,
        full_name=full_name,
        role=role,
        password_hash=hash_password(password),
        created_at=datetime.now(),
    )
    session.add(user)
    return user


def first_admin(session: Session) -> User | None:
    return session.scalar(
        select(User).where(User.role == "admin", User.active.is_(True)).order_by(User.created_at).limit(1)
    )


def default_username(db: Database) -> str:
    """The name shown for the person at the keyboard: the signed-in one, else the first administrator."""
    actor = audit_log.actor_of(db)
    if actor.username:
        return actor.username
    with db.session() as s:
        user = first_admin(s)
        return user.username if user else ""


def role_of(db: Database, username: str) -> str:
    """The role of an account; "viewer" for an unknown or disabled one."""
    with db.session() as s:
        user = s.scalar(select(User).where(User.username == username))
        return user.role if user is not None and user.active else "viewer"


# -- who is at the keyboard ---------------------------------------------------------------------


@dataclass(frozen=True)
class SignedIn:
    """The account a sign-in opened; the UI keeps it for the idle lock and the status bar."""

    user_id: str
    username: str
    full_name: str
    role: str
    # False when sensitive data is encrypted and this account has no key yet (encryption.py).
    data_key_open: bool = True

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)

    @property
    def may_edit(self) -> bool:
        return self.role in EDITING_ROLES

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def actor(self) -> Actor:
        return Actor(self.username, self.role, self.full_name)


def current_actor(db: Database) -> Actor:
    return audit_log.actor_of(db)


def act_as(db: Database, who: SignedIn | Actor | None) -> None:
    """Set who writes through ``db``; ``None`` returns to the system (set-up, tests)."""
    if who is None:
        audit_log.set_actor(db, SYSTEM)
    else:
        audit_log.set_actor(db, who.actor if isinstance(who, SignedIn) else who)


def refuse_read_only(actor: Actor) -> None:
    """The write guard: storage asks it before every write of travelling records (wired by services.setup)."""
    if actor.role not in EDITING_ROLES:
        if actor.role == "none":
            raise UserError(
                "Chưa đăng nhập nên không sửa được dữ liệu: hãy đăng nhập lại.",
                "Nobody is signed in, so no data can be changed: sign in again.",
            )
        raise UserError(
            "Tài khoản chỉ xem không được sửa dữ liệu: hãy đăng nhập bằng tài khoản Cán bộ hoặc Quản trị.",
            "A read-only account cannot change data: sign in as an officer or an administrator.",
        )


def require_admin(db: Database) -> Actor:
    """The actor, if they may manage accounts and settings (an administrator, or the system)."""
    actor = audit_log.actor_of(db)
    if actor.role not in ("admin", "system"):
        raise UserError(
            "Chỉ tài khoản Quản trị được làm việc này: hãy nhờ quản trị viên.",
            "Only an administrator can do this: ask an administrator.",
        )
    return actor


# -- settings ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LockoutPolicy:
    max_failed_attempts: int
    lockout_minutes: int


def lockout_policy(db: Database) -> LockoutPolicy:
    with db.session() as s:
        return _lockout_policy(s)


def _lockout_policy(s: Session) -> LockoutPolicy:
    return LockoutPolicy(
        int(settings.get(s, MAX_FAILED_KEY, DEFAULT_MAX_FAILED)),
        int(settings.get(s, LOCKOUT_MINUTES_KEY, DEFAULT_LOCKOUT_MINUTES)),
    )


def set_lockout_policy(db: Database, max_failed_attempts: int, lockout_minutes: int) -> None:
    require_admin(db)
    if not 1 <= max_failed_attempts <= 20 or not 1 <= lockout_minutes <= 1440:
        raise UserError(
            "Số lần nhập sai cần từ 1 đến 20 và thời gian khóa từ 1 đến 1440 phút.",
            "Failed attempts must be 1–20 and the lockout 1–1440 minutes.",
        )
    _write_settings(db, {MAX_FAILED_KEY: max_failed_attempts, LOCKOUT_MINUTES_KEY: lockout_minutes})


def idle_lock_minutes(db: Database) -> int:
    """Minutes without input before the screen locks (0: never)."""
    return int(settings.read(db, IDLE_LOCK_KEY, DEFAULT_IDLE_LOCK_MINUTES))


def set_idle_lock_minutes(db: Database, minutes: int) -> None:
    require_admin(db)
    if not 0 <= minutes <= 240:
        raise UserError(
            "Thời gian tự khóa màn hình cần từ 0 (không khóa) đến 240 phút.",
            "The idle lock must be 0 (never) to 240 minutes.",
        )
    _write_settings(db, {IDLE_LOCK_KEY: minutes})


def sensitive_access(db: Database) -> dict[str, tuple[str, ...]]:
    """For each sensitive field, the roles that see it."""
    stored = settings.read(db, SENSITIVE_KEY, {}) or {}
    return {f: tuple(stored.get(f, DEFAULT_SENSITIVE_ACCESS[f])) for f in SENSITIVE_FIELDS}


def set_sensitive_access(db: Database, access: dict[str, list[str] | tuple[str, ...]]) -> None:
    require_admin(db)
    clean: dict[str, list[str]] = {}
    for f, roles in access.items():
        if f not in SENSITIVE_FIELDS:
            raise UserError(f"Không có trường nhạy cảm {f!r}.", f"There is no sensitive field {f!r}.")
        for r in roles:
            _check_role(r)
        clean[f] = sorted(set(roles) | {"admin"})  # an administrator always sees everything
    current = {f: list(r) for f, r in sensitive_access(db).items()}
    current.update(clean)
    _write_settings(db, {SENSITIVE_KEY: current})


def may_see(db: Database, role: str, field: str) -> bool:
    """Whether ``role`` sees the sensitive ``field`` (one of :data:`SENSITIVE_FIELDS`)."""
    return role == "system" or role in sensitive_access(db).get(field, ())


def may_see_id_numbers(role: str, db: Database | None = None) -> bool:
    return may_see(db, role, "id_numbers") if db is not None else role in ID_NUMBER_ROLES


def _write_settings(db: Database, values: dict[str, Any]) -> None:
    with db.session() as s:
        old = {k: settings.get(s, k) for k in values}
        for k, v in values.items():
            settings.put(s, k, v)
        audit.record(
            s, "settings", table="setting", details={"changes": {k: [old[k], values[k]] for k in values}}
        )


# -- sign-in ---------------------------------------------------------------------------------------


def _wrong() -> UserError:
    return UserError(
        "Tên đăng nhập hoặc mật khẩu không đúng: hãy nhập lại.", "Wrong user name or password: try again."
    )


def sign_in(db: Database, username: str, password: str, now: datetime | None = None) -> SignedIn:
    """Check a password; on success the database acts as this account from now on.

    Every attempt is recorded (never the password).  After the set number of failures in a row the
    account is locked for the set minutes; an administrator can unlock it sooner.
    """
    now = now or datetime.now()
    username = (username or "").strip()
    error: UserError | None = None
    result: SignedIn | None = None
    with db.session() as s:
        policy = _lockout_policy(s)
        user = s.scalar(select(User).where(User.username == username)) if username else None
        if user is None or not user.active:
            audit.record(
                s, "login_failed", table="app_user", username=username[:64], note="unknown or disabled"
            )
            error = _wrong()
        elif user.locked_until is not None and user.locked_until > now:
            audit.record(s, "login_locked", table="app_user", record_id=user.id, username=user.username)
            error = _locked_error(user.locked_until)
        elif not verify_password(user.password_hash, password or ""):
            user.failed_attempts = (user.failed_attempts or 0) + 1
            left = policy.max_failed_attempts - user.failed_attempts
            details: dict[str, Any] = {"failed_attempts": user.failed_attempts}
            if left <= 0:
                user.locked_until = now + timedelta(minutes=policy.lockout_minutes)
                user.failed_attempts = 0
                details["locked_until"] = user.locked_until.isoformat(timespec="seconds")
                error = _locked_error(user.locked_until)
            else:
                error = UserError(
                    f"Tên đăng nhập hoặc mật khẩu không đúng: còn {left} lần thử trước khi tài khoản bị khóa "
                    f"{policy.lockout_minutes} phút.",
                    f"Wrong user name or password: {left} tries left before the account is locked for "
                    f"{policy.lockout_minutes} minutes.",
                )
            audit.record(
                s,
                "login_failed",
                table="app_user",
                record_id=user.id,
                username=user.username,
                details=details,
            )
        else:
            user.failed_attempts = 0
            user.locked_until = None
            if needs_rehash(user.password_hash):
                user.password_hash = hash_password(password)
            audit.record(s, "login", table="app_user", record_id=user.id, username=user.username)
            result = SignedIn(user.id, user.username, user.full_name, user.role)
    # The failure is committed (counter, lock, audit entry) before it is raised.
    if error is not None:
        raise error
    assert result is not None
    audit_log.set_actor(db, result.actor)
    if not encryption.open_with_password(db, result.user_id, password):
        result = replace(result, data_key_open=False)
    return result


def _locked_error(until: datetime) -> UserError:
    return UserError(
        f"Tài khoản đang tạm khóa vì nhập sai mật khẩu nhiều lần: hãy thử lại sau {until:%H:%M} "
        "hoặc nhờ quản trị viên mở khóa.",
        f"The account is locked after repeated wrong passwords: try again after {until:%H:%M} "
        "or ask an administrator to unlock it.",
    )


def unlock_screen(db: Database, who: SignedIn, password: str, now: datetime | None = None) -> SignedIn:
    """The idle lock: the same account types its password again (failures count as for sign-in)."""
    again = sign_in(db, who.username, password, now)
    return again


def lock_screen(db: Database, who: SignedIn) -> None:
    """The screen locked (idle or by hand): nothing may be written until :func:`unlock_screen`, and
    nothing signed — the private keys' data key leaves memory; unlocking signs in, which opens it."""
    audit_log.set_actor(db, NOBODY)
    with db.session() as s:
        key_seal.forget_in(s)


def sign_out(db: Database, who: SignedIn) -> None:
    audit.log(db, "logout", table="app_user", record_id=who.user_id, username=who.username)
    audit_log.set_actor(db, NOBODY)
    encryption.close(db)


# -- accounts ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UserInfo:
    id: str
    username: str
    full_name: str
    role: str
    active: bool
    created_at: datetime
    locked_until: datetime | None
    failed_attempts: int

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)

    def is_locked(self, now: datetime | None = None) -> bool:
        return self.locked_until is not None and self.locked_until > (now or datetime.now())

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "username": self.username,
            "full_name": self.full_name,
            "role": self.role,
            "role_label": self.role_label,
            "active": self.active,
            "created_at": self.created_at.isoformat(timespec="seconds"),
            "locked": self.is_locked(),
        }


def list_users(db: Database) -> list[UserInfo]:
    with db.session() as s:
        return [
            UserInfo(
                u.id,
                u.username,
                u.full_name,
                u.role,
                u.active,
                u.created_at,
                u.locked_until,
                u.failed_attempts,
            )
            for u in s.scalars(select(User).order_by(User.created_at, User.username))
        ]


def _user(s: Session, username: str) -> User:
    user = s.scalar(select(User).where(User.username == username))
    if user is None:
        raise UserError(
            f"Không có tài khoản {username!r}: hãy xem danh sách tài khoản.",
            f"There is no account {username!r}.",
        )
    return user


def create_account(
    db: Database, username: str, password: str, role: str = "officer", full_name: str = ""
) -> str:
    """An administrator adds an account; returns its id."""
    require_admin(db)
    _check_username(username)
    _check_password(password)
    with db.session() as s:
        user = add_user(s, username, password, role, full_name.strip())
        s.flush()
        encryption.give_key(s, db, user.id, password)
        audit.record(
            s,
            "user_add",
            table="app_user",
            record_id=user.id,
            details={"username": username, "role": role, "full_name": user.full_name},
        )
        return user.id


def _active_admins(s: Session) -> int:
    return int(
        s.scalar(select(func.count()).select_from(User).where(User.role == "admin", User.active.is_(True)))
    )


def _keep_an_admin(s: Session, user: User, new_role: str, new_active: bool) -> None:
    if (
        user.role == "admin"
        and user.active
        and (new_role != "admin" or not new_active)
        and _active_admins(s) <= 1
    ):
        raise UserError(
            "Đây là quản trị viên cuối cùng: hãy tạo hoặc bật một tài khoản Quản trị khác trước.",
            "This is the last administrator: add or enable another administrator first.",
        )


def update_account(
    db: Database,
    username: str,
    *,
    role: str | None = None,
    active: bool | None = None,
    full_name: str | None = None,
) -> None:
    """An administrator changes an account's role, name or whether it may sign in."""
    require_admin(db)
    with db.session() as s:
        user = _user(s, username)
        new_role = role if role is not None else user.role
        new_active = active if active is not None else user.active
        _check_role(new_role)
        _keep_an_admin(s, user, new_role, new_active)
        changes: dict[str, list[Any]] = {}
        if new_role != user.role:
            changes["role"] = [user.role, new_role]
            user.role = new_role
        if new_active != user.active:
            changes["active"] = [user.active, new_active]
            user.active = new_active
            if not new_active:
                encryption.drop_key(s, user.id)
        if full_name is not None and full_name.strip() != user.full_name:
            changes["full_name"] = [user.full_name, full_name.strip()]
            user.full_name = full_name.strip()
        if changes:
            audit.record(s, "user_update", table="app_user", record_id=user.id, details={"changes": changes})


def disable_account(db: Database, username: str) -> None:
    """Accounts are disabled, never deleted: the audit trail keeps naming them."""
    update_account(db, username, active=False)


def remove_account(db: Database, username: str) -> None:
    disable_account(db, username)


def change_password(db: Database, username: str, old_password: str, new_password: str) -> None:
    """A person changes their own password (knowing the old one)."""
    _check_password(new_password)
    with db.session() as s:
        user = _user(s, username)
        if not verify_password(user.password_hash, old_password or ""):
            raise UserError("Mật khẩu hiện tại không đúng: hãy nhập lại.", "The current password is wrong.")
        user.password_hash = hash_password(new_password)
        encryption.rewrap_own(s, user.id, old_password, new_password)
        audit.record(s, "password_change", table="app_user", record_id=user.id)


def reset_password(db: Database, username: str, new_password: str) -> None:
    """An administrator sets a new password (and lifts a lockout)."""
    require_admin(db)
    _check_password(new_password)
    with db.session() as s:
        user = _user(s, username)
        user.password_hash = hash_password(new_password)
        user.failed_attempts = 0
        user.locked_until = None
        encryption.give_key(s, db, user.id, new_password)
        audit.record(s, "password_reset", table="app_user", record_id=user.id, details={"username": username})


def unlock_account(db: Database, username: str) -> None:
    require_admin(db)
    with db.session() as s:
        user = _user(s, username)
        user.failed_attempts = 0
        user.locked_until = None
        audit.record(s, "user_update", table="app_user", record_id=user.id, details={"unlocked": True})

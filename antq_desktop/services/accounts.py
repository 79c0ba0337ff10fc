"""Station accounts: the first administrator now; login, roles and lockout build on this."""

from __future__ import annotations

from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..storage.database import Database
from ..storage.models import User
from .errors import UserError

ROLES = ("admin", "officer", "viewer")
_hasher = PasswordHasher()  # Argon2id with the library's recommended parameters


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def add_user(
    session: Session, username: str, password: str, role: str = "officer", full_name: str = ""
) -> User:
    if role not in ROLES:
        raise UserError(f"Vai trò {role!r} không hợp lệ.", f"Unknown role {role!r}.")
    if session.scalar(select(User).where(User.username == username)) is not None:
        raise UserError(f"Tên đăng nhập {username!r} đã có.", f"User name {username!r} already exists.")
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
    """Until sign-in arrives, the name shown for the person at the keyboard: the first administrator."""
    with db.session() as s:
        user = first_admin(s)
        return user.username if user else ""


# Roles that see personal ID numbers in full (NĐ 356/2025: access by role); others see them masked.
ID_NUMBER_ROLES = ("admin", "officer")


def role_of(db: Database, username: str) -> str:
    """The role of an account; "viewer" for an unknown or disabled one."""
    with db.session() as s:
        user = s.scalar(select(User).where(User.username == username))
        return user.role if user is not None and user.active else "viewer"


def may_see_id_numbers(role: str) -> bool:
    return role in ID_NUMBER_ROLES

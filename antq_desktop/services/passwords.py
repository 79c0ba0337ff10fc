"""Passwords: the length rule and Argon2id hashing, shared by accounts and the data key's recovery."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from .errors import UserError

MIN_PASSWORD = 6
hasher = PasswordHasher()  # Argon2id with the library's recommended parameters


def check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise UserError(
            f"Mật khẩu cần ít nhất {MIN_PASSWORD} ký tự.",
            f"The password needs at least {MIN_PASSWORD} characters.",
        )


def hash_password(password: str) -> str:
    return hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False

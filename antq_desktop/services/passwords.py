"""Passwords: the strength rule and Argon2id hashing, shared by accounts, the setup and the data key's recovery.

The rule (docs/security.md, "Passwords"): at least :data:`MIN_PASSWORD` characters, or a passphrase
of at least :data:`MIN_WORDS` words; never one of the common passwords in
``resources/passwords/common.txt`` (compared case-folded, spaces removed).  Existing accounts whose
password is shorter keep signing in: the rule applies when a password is set.
"""

from __future__ import annotations

import functools
import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ..assets import resources_dir
from .errors import UserError

MIN_PASSWORD = 10
MIN_WORDS = 3  # a passphrase: "trâu ăn cỏ non" is easier to remember than "Tr@u2026!"
MIN_WORD_LETTERS = 2
hasher = PasswordHasher()  # Argon2id with the library's recommended parameters
_WORD = re.compile(r"\w+")


@functools.cache
def common_passwords() -> frozenset[str]:
    """The shipped list of common passwords, normalised as :func:`_normal` does."""
    try:
        lines = (resources_dir() / "passwords" / "common.txt").read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(_normal(line) for line in lines if line.strip() and not line.startswith("#"))


def _normal(password: str) -> str:
    return "".join(password.casefold().split())


def is_passphrase(password: str) -> bool:
    return len([w for w in _WORD.findall(password or "") if len(w) >= MIN_WORD_LETTERS]) >= MIN_WORDS


def password_problem(password: str) -> UserError | None:
    """Why ``password`` may not be set (one sentence saying what to do), or None when it may."""
    password = password or ""
    if len(password) < MIN_PASSWORD and not is_passphrase(password):
        return UserError(
            f"Mật khẩu quá ngắn: hãy dùng ít nhất {MIN_PASSWORD} ký tự, hoặc một cụm gồm ít nhất "
            f"{MIN_WORDS} từ cách nhau bằng dấu cách (ví dụ: trâu ăn cỏ non).",
            f"The password is too short: use at least {MIN_PASSWORD} characters, or a phrase of at least "
            f"{MIN_WORDS} words separated by spaces.",
        )
    if _normal(password) in common_passwords():
        return UserError(
            "Mật khẩu này quá phổ biến, dễ bị đoán: hãy chọn mật khẩu khác, ít ai nghĩ tới.",
            "This password is too common and easy to guess: choose another one.",
        )
    return None


def check_password(password: str) -> None:
    problem = password_problem(password)
    if problem is not None:
        raise problem


def hash_password(password: str) -> str:
    return hasher.hash(password)


def needs_rehash(stored_hash: str) -> bool:
    """Whether ``stored_hash`` was made with other parameters than :data:`hasher`'s (then it is redone at sign-in)."""
    return hasher.check_needs_rehash(stored_hash)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False

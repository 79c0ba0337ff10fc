"""The command line's one door: who is running ``antq``, checked like the program's sign-in.

Every command that reads personal data or writes anything signs in first, through the very
service the program's login dialog uses (:func:`services.accounts.sign_in`): failures are counted,
the lockout is honoured, and the trail gets the same ``login`` / ``login_failed`` /
``login_locked`` entries.  The few commands that show no personal data and write nothing stay
open (:data:`OPEN_COMMANDS`; docs/security.md lists them).

Who and with which password, first found wins:

* user — ``antq --user NAME …``, ``ANTQ_USER``, or asked on the terminal;
* password — ``antq --password-file FILE …``, ``ANTQ_PASSWORD_FILE``, the administrator password
  a command already takes (``encryption enable/disable/new-code --password-file``),
  ``ANTQ_PASSWORD``, or asked on the terminal (never echoed).

Without a terminal and without them the command is refused in one sentence.  A station not set up
yet (no account) has nobody to sign in: the command runs as the system, as set-up does.

:func:`enter` is called once per run where ``dispatch.py`` dispatches; :func:`admit` where a command
opens the station (``common._open``).  A second :func:`admit` in the same run does not sign in
again: it acts as the account already signed in.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from ..services.errors import UserError
from ..storage.audit_log import NOBODY, SYSTEM
from ..storage.database import Database

USER_ENV = "ANTQ_USER"
PASSWORD_ENV = "ANTQ_PASSWORD"
PASSWORD_FILE_ENV = "ANTQ_PASSWORD_FILE"

# (command, sub-command or "*") → why it needs no sign-in.  Everything else signs in.
OPEN_COMMANDS: dict[tuple[str, str], str] = {
    ("init", "*"): "creates the station and its first administrator",
    ("demo", "*"): "creates a demo station (no real people)",
    ("info", "*"): "unit name and record counts, no personal data",
    ("check", "*"): "SQLite integrity check, no personal data",
    ("audit", "verify"): "hash chain and anchors: counts and hashes only",
    ("encryption", "recover"): "its own credential: the printed recovery code",
}

# The sub-command's attribute for each command with sub-commands.
_SUBCOMMAND_ATTR = {
    "households": "households_command",
    "commitments": "commitments_command",
    "groups": "groups_command",
    "meetings": "meetings_command",
    "sync": "sync_command",
    "awards": "awards_command",
    "hub": "hub_command",
    "audit": "audit_command",
    "users": "users_command",
    "encryption": "encryption_command",
    "person": "person_command",
}
# Commands whose own --password-file is the acting administrator's password.
_OWN_ADMIN_PASSWORD = {("encryption", "enable"), ("encryption", "disable"), ("encryption", "new-code")}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``antq --user NAME --password-file FILE COMMAND …`` (before the command's name)."""
    parser.add_argument(
        "--user", dest="door_user", metavar="USER", help=f"tài khoản đăng nhập (hoặc biến {USER_ENV})"
    )
    parser.add_argument(
        "--password-file",
        dest="door_password_file",
        metavar="FILE",
        help=f"tệp chứa mật khẩu, dòng đầu (hoặc {PASSWORD_FILE_ENV}, {PASSWORD_ENV}; không có thì hỏi)",
    )


def command_of(args: argparse.Namespace) -> tuple[str, str]:
    command = str(getattr(args, "command", "") or "")
    attr = _SUBCOMMAND_ATTR.get(command)
    return command, str(getattr(args, attr, "") or "") if attr else ""


def is_open(command: str, sub: str = "") -> bool:
    return (command, "*") in OPEN_COMMANDS or (command, sub) in OPEN_COMMANDS


@dataclass
class _Door:
    open: bool = False
    args: argparse.Namespace | None = None
    signed: object | None = None  # accounts.SignedIn, once signed in during this run
    password: str = ""
    url: str = ""  # the database it was signed in to


_door = _Door()


def enter(args: argparse.Namespace) -> None:
    """A new run of ``antq``: forget any earlier sign-in (tests call ``main`` many times)."""
    global _door
    _door = _Door(open=is_open(*command_of(args)), args=args)


def _has_accounts(db: Database) -> bool:
    from ..storage.models import User

    with db.session() as s:
        return bool(s.scalar(select(func.count()).select_from(User)))


def admit(db: Database) -> None:
    """Decide who acts through ``db``: signs in (once per run) unless the command is open."""
    from ..services import accounts, encryption

    if not _has_accounts(db):
        accounts.act_as(db, SYSTEM)  # nothing set up yet: nobody to sign in as
        return
    if _door.open:
        accounts.act_as(db, NOBODY)  # reads only: any write is refused by the write guard
        return
    if _door.signed is not None and _door.url == db.url:  # the same run opens the station again
        accounts.act_as(db, _door.signed)  # type: ignore[arg-type]
        encryption.open_with_password(db, _door.signed.user_id, _door.password)  # type: ignore[attr-defined]
        return
    username, password = _credentials(_door.args)
    _door.signed = accounts.sign_in(db, username, password)
    _door.password, _door.url = password, db.url


def read_first_line(path: str) -> str:
    try:
        lines = Path(path).expanduser().read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UserError(
            f"Không đọc được tệp mật khẩu {path}: {exc.strerror}.",
            f"Cannot read password file {path}: {exc.strerror}.",
        ) from exc
    return lines[0] if lines else ""


def _tty() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (ValueError, OSError):
        return False


def _refused() -> UserError:
    return UserError(
        "Lệnh này cần đăng nhập: hãy ghi antq --user TÊN --password-file TỆP trước tên lệnh "
        f"(hoặc đặt {USER_ENV} và {PASSWORD_ENV}).",
        "This command needs a sign-in: put antq --user NAME --password-file FILE before the command "
        f"(or set {USER_ENV} and {PASSWORD_ENV}).",
    )


def _credentials(args: argparse.Namespace | None) -> tuple[str, str]:
    user = (getattr(args, "door_user", None) or os.environ.get(USER_ENV) or "").strip()
    if not user:
        if not _tty():
            raise _refused()
        user = input("Tên đăng nhập: ").strip()
    file = getattr(args, "door_password_file", None) or os.environ.get(PASSWORD_FILE_ENV)
    if file:
        return user, read_first_line(file)
    if args is not None and command_of(args) in _OWN_ADMIN_PASSWORD and getattr(args, "password_file", None):
        return user, read_first_line(args.password_file)
    if os.environ.get(PASSWORD_ENV):
        return user, os.environ[PASSWORD_ENV]
    if not _tty():
        raise _refused()
    return user, getpass.getpass(f"Mật khẩu của {user}: ")

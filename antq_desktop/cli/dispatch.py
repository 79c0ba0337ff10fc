"""``antq``: the parser and the dispatch; each command group registers its own sub-commands.

Exit codes: 0 ok; 1 bad input or a state the user can fix, with one sentence
(Vietnamese, or English with ``ANTQ_LANG=en``); never a traceback for bad input.
The command names, flags and ``--json`` output are a contract: add, don't rename.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Sequence

from .. import __version__
from ..services.errors import UserError
from ..storage.paths import DB_URL_ENV
from . import (
    accounts,
    assessments,
    audit,
    awards,
    backups,
    commitments,
    door,
    encryption,
    groups,
    households,
    hub,
    keys,
    meetings,
    person,
    reports,
    station,
    sync,
)
from .text import LocalParser, localize

# One language at a time (ANTQ_LANG): argparse's own words and one-line errors, exit 1 (text.py).
_Parser = LocalParser


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="antq", description="ANTQ Desktop — dòng lệnh (command line)")
    p.add_argument("--version", action="version", version=f"antq {__version__}")
    p.add_argument("--data-dir", help="thư mục dữ liệu (mặc định: thư mục dữ liệu của người dùng)")
    p.add_argument(
        "--db-url",
        help="cơ sở dữ liệu, ví dụ postgresql+psycopg://antq@máy-chủ/antq (mặc định: tệp SQLite trong thư mục dữ liệu)",
    )
    door.add_arguments(p)  # --user, --password-file: who signs in (docs/security.md)
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    # The order here is the order of the help's command list.
    station.add_setup_parsers(sub)  # init, demo, info
    backups.add_backup_parser(sub)
    station.add_check_parser(sub)
    for group in (households, commitments, groups, meetings, sync, awards, reports, hub, assessments, keys):
        group.add_parser(sub, _Parser)
    backups.add_restore_parser(sub)
    for group in (audit, accounts, encryption, person):
        group.add_parser(sub, _Parser)
    return localize(p)  # the help texts in the chosen language (text.py)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": station.cmd_init,
    "demo": station.cmd_demo,
    "info": station.cmd_info,
    "backup": backups.cmd_backup,
    "check": station.cmd_check,
    "households": households.cmd_households,
    "commitments": commitments.cmd_commitments,
    "groups": groups.cmd_groups,
    "meetings": meetings.cmd_meetings,
    "sync": sync.cmd_sync,
    "awards": awards.cmd_awards,
    "report": reports.cmd_report,
    "reports": reports.cmd_reports,
    "hub": hub.cmd_hub,
    "assessments": assessments.cmd_assessments,
    "keys": keys.cmd_keys,
    "restore": backups.cmd_restore,
    "audit": audit.cmd_audit,
    "users": accounts.cmd_users,
    "person": person.cmd_person,
    "encryption": encryption.cmd_encryption,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from .. import logs

    logs.setup(args.data_dir)  # <data dir>/logs/antq.log; written only when something is logged
    from ..services.setup import wire  # the services' rules in storage's write path, once

    wire()
    if args.db_url:  # the same mechanism as ANTQ_DATABASE_URL (storage/paths.py), for this run only
        previous = os.environ.get(DB_URL_ENV)
        os.environ[DB_URL_ENV] = args.db_url
        try:
            return _run(args)
        finally:
            if previous is None:
                os.environ.pop(DB_URL_ENV, None)
            else:
                os.environ[DB_URL_ENV] = previous
    return _run(args)


def _check_db_url(url: str) -> None:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        backend = make_url(url).get_backend_name()
    except ArgumentError:
        backend = ""
    if backend not in ("sqlite", "postgresql"):
        raise UserError(
            "Địa chỉ cơ sở dữ liệu --db-url không hợp lệ: hãy ghi dạng postgresql+psycopg://người-dùng@máy-chủ/tên-csdl.",
            "Invalid --db-url: use postgresql+psycopg://user@host/database.",
        )


def _run(args: argparse.Namespace) -> int:
    try:
        if args.db_url:
            _check_db_url(args.db_url)
        door.enter(args)  # the one door: which commands sign in (door.OPEN_COMMANDS)
        return COMMANDS[args.command](args)
    except UserError as exc:
        print(f"antq: {exc.message()}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # `antq info --json | head`: the reader left; nothing to report.
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return 0
    except KeyboardInterrupt:
        print("antq: đã dừng theo yêu cầu, không có thay đổi nào được ghi dở.", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - a person gets one sentence, the log gets the traceback
        where = _log_crash(args, exc)
        print(f"antq: {_crash_sentence(type(exc).__name__, where)}", file=sys.stderr)
        return 2


def _crash_sentence(kind: str, where: str) -> str:
    if os.environ.get("ANTQ_LANG", "vi") == "en":
        return f"unexpected error ({kind}); nothing was half-written — send the log {where} to the administrator."
    return (
        f"lỗi không mong đợi ({kind}); không có thay đổi nào được ghi dở — "
        f"hãy gửi tệp nhật ký {where} cho quản trị viên."
    )


def _log_crash(args: argparse.Namespace, exc: BaseException) -> str:
    """Write the traceback (ID numbers masked) to the log; returns where it is for the sentence."""
    from .. import logs

    logs.log_exception(type(exc), exc, exc.__traceback__, f"antq {args.command}")
    path = logs.log_file()
    return str(path) if path is not None and path.exists() else "(không ghi được tệp nhật ký)"

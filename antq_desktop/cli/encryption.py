"""``antq encryption``: status, enable, disable, a new recovery code, recover an account."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..services.errors import UserError
from .common import _open, _password, _print_json, _writing
from .text import say


def add_parser(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    enc = sub.add_parser("encryption", help="mã hóa dữ liệu nhạy cảm: tình trạng, bật, tắt, mã khôi phục")
    esub = enc.add_subparsers(dest="encryption_command", required=True, parser_class=parser_class)
    es = esub.add_parser("status", help="đang mã hóa hay không, tài khoản nào có khóa")
    es.add_argument("--json", action="store_true", help="in dạng JSON")
    for name, text in (
        ("enable", "bật mã hóa (quản trị viên); in mã khôi phục"),
        ("disable", "tắt mã hóa, lưu lại dạng thường"),
        ("new-code", "tạo mã khôi phục mới (mã cũ hết hiệu lực)"),
    ):
        ep = esub.add_parser(name, help=text)
        ep.add_argument(
            "--password-file", required=True, help="tệp chứa mật khẩu của quản trị viên (dòng đầu)"
        )
        if name != "disable":
            ep.add_argument("--sheet", metavar="FILE.pdf", help="in mã khôi phục ra tờ PDF này để cất giữ")
    er = esub.add_parser("recover", help="quên mật khẩu quản trị: đặt mật khẩu mới bằng mã khôi phục")
    er.add_argument("--user", required=True, help="tên tài khoản quản trị")
    er.add_argument("--password-file", required=True, help="tệp chứa mật khẩu mới (dòng đầu)")
    er.add_argument("--code", help="mã khôi phục (không có thì hỏi)")


def cmd_encryption(args: argparse.Namespace) -> int:
    cmd = args.encryption_command
    if cmd == "status":
        return _status(args)
    password = _password(args.password_file)
    if cmd == "recover":
        return _recover(args, password)
    return _writing(args, lambda: _turn(args, cmd, password))


def _status(args: argparse.Namespace) -> int:
    from ..services import encryption

    st = _open(args)
    try:
        status = encryption.status(st.db)
    finally:
        st.close()
    if args.json:
        _print_json(status.as_dict())
    elif not status.enabled:
        print(
            say(
                "Dữ liệu nhạy cảm đang lưu dạng thường (chưa mã hóa).",
                "Sensitive data is stored in plain form (not encrypted).",
            )
        )
    else:
        print(
            say("Dữ liệu nhạy cảm đã mã hóa từ ", "Sensitive data encrypted since ") + f"{status.enabled_at}."
        )
        print(
            say("Tài khoản có khóa: ", "Accounts with a key: ")
            + (", ".join(status.with_key) or say("không có", "none"))
        )
        if status.without_key:
            print(
                say(
                    "Chưa có khóa (quản trị viên đặt lại mật khẩu để cấp): ",
                    "No key yet (an administrator resets the password to give one): ",
                )
                + ", ".join(status.without_key)
            )
    return 0


def _recover(args: argparse.Namespace, password: str) -> int:
    from ..services import encryption

    code = args.code or input("Mã khôi phục: ")

    def recover() -> int:
        st = _open(args)
        try:
            encryption.recover_account(st.db, code, args.user, password)
        finally:
            st.close()
        print(
            say(
                f"Đã đặt mật khẩu mới cho {args.user}; tài khoản này mở được dữ liệu nhạy cảm.",
                f"New password set for {args.user}; this account opens the sensitive data.",
            )
        )
        return 0

    return _writing(args, recover)


def _turn(args: argparse.Namespace, cmd: str, password: str) -> int:
    """``enable``, ``disable`` or ``rotate``, by the signed-in administrator with their password."""
    from ..services import accounts, encryption

    st = _open(args)
    try:
        actor = accounts.current_actor(st.db)
        who = accounts.sign_in(st.db, actor.username, password)  # the password is checked here
        if cmd == "disable":
            count = encryption.disable(st.db, password)
            print(
                say(
                    f"Đã tắt mã hóa: {count} bản ghi lưu lại dạng thường.",
                    f"Encryption off: {count} records stored in plain form again.",
                )
            )
            return 0
        if cmd == "enable":
            code = encryption.enable(st.db, password)
            print(say("Đã mã hóa dữ liệu nhạy cảm.", "Sensitive data encrypted."))
        else:
            if not who.data_key_open:
                raise UserError(
                    f"Tài khoản {who.username} chưa có khóa dữ liệu: hãy dùng tài khoản quản trị đã có khóa.",
                    f"Account {who.username} has no data key: use an administrator that has it.",
                )
            code = encryption.new_recovery_code(st.db, password)
            print(
                say(
                    "Đã tạo mã khôi phục mới; mã cũ hết hiệu lực.",
                    "New recovery code made; the old one no longer works.",
                )
            )
        _show_code(args, st, code)
    finally:
        st.close()
    return 0


def _show_code(args: argparse.Namespace, st: Any, code: str) -> None:
    print(say("Mã khôi phục: ", "Recovery code: ") + code)
    print(
        say(
            "Hãy in hoặc chép mã này, cất trong tủ sắt; phần mềm không lưu lại mã ở đâu khác.",
            "Print or copy this code and keep it in the safe; the program keeps it nowhere else.",
        )
    )
    if args.sheet:
        from ..papers.recovery_sheet import render_recovery_sheet

        render_recovery_sheet(st.db, code, Path(args.sheet).expanduser())
        print(say("Tờ mã khôi phục: ", "Recovery sheet: ") + str(args.sheet))

"""``antq users``: list, add, reset a password, disable, enable, unlock, change a role."""

from __future__ import annotations

import argparse
from typing import Any

from .common import _open, _password, _print_json, _writing
from .text import say


def add_parser(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    users = sub.add_parser("users", help="tài khoản: danh sách, thêm, đặt lại mật khẩu, khóa")
    usub = users.add_subparsers(dest="users_command", required=True, parser_class=parser_class)
    ul = usub.add_parser("list", help="các tài khoản")
    ul.add_argument("--json", action="store_true", help="in dạng JSON")
    ua = usub.add_parser("add", help="thêm tài khoản")
    ua.add_argument("username")
    ua.add_argument("--role", default="officer", help="admin (Quản trị), officer (Cán bộ), viewer (Chỉ xem)")
    ua.add_argument("--full-name", default="")
    ua.add_argument("--password-file", required=True, help="tệp chứa mật khẩu (dòng đầu)")
    up = usub.add_parser("passwd", help="đặt lại mật khẩu (và mở khóa) một tài khoản")
    up.add_argument("username")
    up.add_argument("--password-file", required=True, help="tệp chứa mật khẩu mới (dòng đầu)")
    for name, text in (
        ("disable", "không cho tài khoản đăng nhập nữa"),
        ("enable", "cho tài khoản đăng nhập lại"),
        ("unlock", "mở khóa tài khoản bị khóa do nhập sai"),
    ):
        usub.add_parser(name, help=text).add_argument("username")
    ur = usub.add_parser("role", help="đổi vai trò")
    ur.add_argument("username")
    ur.add_argument("role", help="admin, officer hoặc viewer")


def cmd_users(args: argparse.Namespace) -> int:
    from ..services import accounts

    if args.users_command == "list":
        st = _open(args)
        try:
            users = accounts.list_users(st.db)
        finally:
            st.close()
        if args.json:
            _print_json({"users": [u.to_dict() for u in users]})
        else:
            for u in users:
                state = say("đang dùng", "active") if u.active else say("đã khóa", "disabled")
                if u.is_locked():
                    state += say(", tạm khóa do nhập sai", ", locked after wrong passwords")
                print(f"{u.username:<20} {say(u.role_label, u.role):<10} {state}  {u.full_name}")
        return 0

    password = _password(args.password_file) if args.users_command in ("add", "passwd") else ""

    def run() -> int:
        st = _open(args)
        try:
            cmd = args.users_command
            if cmd == "add":
                accounts.create_account(st.db, args.username, password, args.role, args.full_name)
                role = say(accounts.ROLE_LABELS.get(args.role, args.role), args.role)
                print(
                    say(
                        f"Đã thêm tài khoản {args.username} ({role}).",
                        f"Account {args.username} added ({role}).",
                    )
                )
            elif cmd == "passwd":
                accounts.reset_password(st.db, args.username, password)
                print(say(f"Đã đặt lại mật khẩu cho {args.username}.", f"Password of {args.username} reset."))
            elif cmd == "disable":
                accounts.disable_account(st.db, args.username)
                print(
                    say(
                        f"Tài khoản {args.username} không đăng nhập được nữa.",
                        f"Account {args.username} can no longer sign in.",
                    )
                )
            elif cmd == "enable":
                accounts.update_account(st.db, args.username, active=True)
                print(
                    say(
                        f"Tài khoản {args.username} đăng nhập lại được.",
                        f"Account {args.username} can sign in again.",
                    )
                )
            elif cmd == "unlock":
                accounts.unlock_account(st.db, args.username)
                print(say(f"Đã mở khóa tài khoản {args.username}.", f"Account {args.username} unlocked."))
            elif cmd == "role":
                accounts.update_account(st.db, args.username, role=args.role)
                role = say(accounts.ROLE_LABELS.get(args.role, args.role), args.role)
                print(
                    say(
                        f"Tài khoản {args.username} nay là {role}.", f"Account {args.username} is now {role}."
                    )
                )
        finally:
            st.close()
        return 0

    return _writing(args, run)

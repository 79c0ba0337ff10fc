"""``antq`` administration commands: backup (rotation, second copy), restore, audit, users, person.

:func:`add_admin_parsers` adds the parsers to ``antq``'s sub-commands; :data:`ADMIN_COMMANDS` maps
the command names to their functions (``cli.py`` merges it into its table).  Who acts is decided by
the one door (:mod:`.cli_door`): a sign-in like the program's, unless the command is open.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from . import cli_door
from .services.errors import UserError
from .storage.lock import AlreadyRunning, InstanceLock
from .storage.paths import DataDir

USER_ENV = cli_door.USER_ENV
PASSWORD_ENV = cli_door.PASSWORD_ENV


def add_admin_parsers(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    backup = sub.choices.get("backup")
    if backup is not None:
        backup.add_argument(
            "--second-folder", metavar="DIR", help="từ nay chép thêm mỗi bản sao lưu vào thư mục này (USB)"
        )
        backup.add_argument("--no-second-folder", action="store_true", help="thôi chép bản thứ hai")
        backup.add_argument(
            "--if-due", action="store_true", help="chỉ sao lưu khi đến hạn (tự động: mỗi ngày một lần)"
        )
        backup.add_argument("--json", action="store_true", help="in dạng JSON")

    restore = sub.add_parser(
        "restore", help="khôi phục từ một bản sao lưu (giữ bản an toàn của dữ liệu hiện tại)"
    )
    restore.add_argument("file", help="tệp sao lưu .sqlite3")
    restore.add_argument(
        "--other-station",
        action="store_true",
        help="cho phép khôi phục dữ liệu của đơn vị khác (thay hẳn đơn vị)",
    )
    restore.add_argument(
        "--yes",
        action="store_true",
        help="đồng ý mất các thay đổi làm sau bản sao lưu mà chưa đơn vị nào nhận (được liệt kê trước)",
    )

    audit = sub.add_parser("audit", help="nhật ký hoạt động: kiểm tra chuỗi, xem, xuất Excel")
    asub = audit.add_subparsers(dest="audit_command", required=True, parser_class=parser_class)
    verify = asub.add_parser("verify", help="kiểm tra nhật ký chưa bị sửa, xóa (chuỗi băm)")
    verify.add_argument("--json", action="store_true", help="in dạng JSON")
    ls = asub.add_parser("list", help="xem nhật ký (mới nhất trước)")
    ls.add_argument("--from", dest="date_from", help="từ ngày (YYYY-MM-DD)")
    ls.add_argument("--to", dest="date_to", help="đến ngày (YYYY-MM-DD)")
    ls.add_argument("--user", help="tên đăng nhập")
    ls.add_argument("--action", help="hành động (create, update, delete, login, backup, ...)")
    ls.add_argument("--table", help="bảng (person, household, ...)")
    ls.add_argument("--record", help="mã bản ghi")
    ls.add_argument("--limit", type=int, default=100, help="số dòng tối đa (mặc định 100)")
    ls.add_argument("--json", action="store_true", help="in dạng JSON")
    ls.add_argument("-o", "--output", help="xuất ra tệp .xlsx thay vì in")

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

    person = sub.add_parser("person", help="dữ liệu cá nhân của một người: trích xuất, xóa theo yêu cầu")
    psub = person.add_subparsers(dest="person_command", required=True, parser_class=parser_class)
    pe = psub.add_parser("export", help="mọi dữ liệu về một người ra .json hoặc .xlsx")
    pe.add_argument("person_id")
    pe.add_argument("-o", "--output", required=True, help="tệp .json hoặc .xlsx")
    px = psub.add_parser("erase", help="xóa dữ liệu cá nhân của một người (giữ số liệu tổng hợp)")
    px.add_argument("person_id")
    px.add_argument("--reason", default="", help="lý do (ví dụ: theo đơn đề nghị ngày ...)")
    px.add_argument("--yes", action="store_true", help="xác nhận xóa (bắt buộc)")


# -- helpers --------------------------------------------------------------------------------------


def _open(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The station, with whoever passed the one door acting (cli_door.admit: sign-in or open)."""
    from .services.station import open_station

    st = open_station(DataDir.resolve(args.data_dir))
    try:
        cli_door.admit(st.db)
    except BaseException:
        st.close()
        raise
    return st


def _writing(args: argparse.Namespace, fn: Callable[[], int]) -> int:
    data_dir = DataDir.resolve(args.data_dir)
    data_dir.ensure()
    try:
        with InstanceLock(data_dir.lock_file):
            return fn()
    except AlreadyRunning as exc:
        raise UserError(
            "Chương trình ANTQ đang mở trên thư mục dữ liệu này: hãy đóng chương trình rồi chạy lại lệnh.",
            "ANTQ Desktop is running on this data folder: close it, then run the command again.",
        ) from exc


def _password(path: str) -> str:
    """The first line of a password file (cli_door.py reads them the same way)."""
    return cli_door.read_first_line(path)


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise UserError(
            f"Ngày {value!r} không đúng dạng YYYY-MM-DD, ví dụ 2026-03-31.",
            f"Date {value!r} is not YYYY-MM-DD.",
        ) from exc


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


# -- backup / restore -----------------------------------------------------------------------------


def cmd_backup(args: argparse.Namespace) -> int:
    from .services import backups

    def run() -> int:
        st = _open(args)
        try:
            if getattr(args, "no_second_folder", False):
                backups.set_second_folder(st.db, None)
            if getattr(args, "second_folder", None):
                backups.set_second_folder(st.db, Path(args.second_folder))
            if getattr(args, "if_due", False):
                result = backups.backup_if_due(st)
            else:
                result = backups.run_backup(st, Path(args.output).expanduser() if args.output else None)
        finally:
            st.close()
        if getattr(args, "json", False):
            _print_json(
                {
                    "path": str(result.path) if result else None,
                    "second_copy": str(result.second_copy) if result and result.second_copy else None,
                    "warning": result.warning.message() if result and result.warning else None,
                    "removed": [str(p) for p in result.removed] if result else [],
                }
            )
        elif result is None:
            print("Chưa đến hạn sao lưu tự động (đã có bản sao lưu hôm nay).")
        else:
            print(f"Đã sao lưu và kiểm tra: {result.path}")
            if result.second_copy:
                print(f"Bản thứ hai: {result.second_copy}")
            if result.removed:
                print(f"Đã bỏ {len(result.removed)} bản sao lưu cũ theo lịch giữ (7 ngày, 4 tuần, 12 tháng).")
        if result is not None and result.warning:
            print(f"antq: {result.warning.message()}", file=sys.stderr)
            return 3
        return 0

    if getattr(args, "second_folder", None) or getattr(args, "no_second_folder", False):
        return _writing(args, run)
    return run()  # a backup only reads the data (as before: it may run while the program is open)


def cmd_restore(args: argparse.Namespace) -> int:
    from .services import backups

    def run() -> int:
        data_dir = DataDir.resolve(args.data_dir)
        username = ""
        if data_dir.database.exists():
            st = _open(args)  # checks the current database opens, and who is acting
            try:
                from .services.accounts import current_actor

                username = current_actor(st.db).username
            finally:
                st.close()
        file = Path(args.file).expanduser()
        backups.verify_backup_file(file)
        loss = backups.restore_loss(data_dir.database, file)
        if loss.total:
            print(f"Các thay đổi làm sau bản sao lưu mà chưa đơn vị nào nhận ({loss.total}) sẽ mất:")
            for table, n in sorted(loss.tables.items()):
                print(f"  {table:<24} {n:>7}")
            if not args.yes:
                raise backups.loss_error(loss)
        result = backups.restore(data_dir, file, allow_other_station=args.other_station, username=username)
        print(f"Đã khôi phục từ {result.restored_from}.")
        if result.safety_copy:
            print(f"Dữ liệu trước khi khôi phục được giữ tại: {result.safety_copy}")
        if not result.new_incarnation:
            print("Lưu ý: chưa có phần đồng bộ; khi có, các đơn vị sẽ được gửi lại đầy đủ dữ liệu.")
        return 0

    return _writing(args, run)


# -- audit ----------------------------------------------------------------------------------------


def cmd_audit(args: argparse.Namespace) -> int:
    from .services import audit

    st = _open(args)
    try:
        if args.audit_command == "verify":
            report = audit.verify_chain(st.db)
            if args.json:
                _print_json(report.as_dict())
            elif report.ok:
                print(f"Nhật ký nguyên vẹn: {report.entries} mục, mã cuối {report.head.hash[:16]}….")
                for note in report.notes:
                    print(f"  {note}")
            else:  # a changed entry, or a cut tail: "the last N entries after #M are gone"
                print(
                    report.problem_vi if os.environ.get("ANTQ_LANG", "vi")[:2] != "en" else report.problem_en
                )
            return 0 if report.ok else 2
        q = audit.AuditQuery(
            date_from=_day(args.date_from),
            date_to=_day(args.date_to),
            username=args.user,
            action=args.action,
            table_name=args.table,
            record_id=args.record,
        )
        if args.output:
            n = audit.export_xlsx(st.db, Path(args.output).expanduser(), q)
            print(f"Đã xuất {n} mục nhật ký: {args.output}")
            return 0
        rows = audit.list_entries(st.db, q, limit=max(1, args.limit))
        if args.json:
            _print_json({"entries": [r.to_dict() for r in rows]})
        else:
            for r in rows:
                where = f" {r.table_name} {r.record_id}".rstrip() if r.table_name else ""
                print(f"{r.id:>6}  {r.at:%d/%m/%Y %H:%M:%S}  {r.username or '-':<12} {r.action_label}{where}")
                if r.details:
                    print(f"        {r.summary()}")
        return 0
    finally:
        st.close()


# -- users ----------------------------------------------------------------------------------------


def cmd_users(args: argparse.Namespace) -> int:
    from .services import accounts

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
                state = "đang dùng" if u.active else "đã khóa"
                if u.is_locked():
                    state += ", tạm khóa do nhập sai"
                print(f"{u.username:<20} {u.role_label:<10} {state}  {u.full_name}")
        return 0

    password = _password(args.password_file) if args.users_command in ("add", "passwd") else ""

    def run() -> int:
        st = _open(args)
        try:
            cmd = args.users_command
            if cmd == "add":
                accounts.create_account(st.db, args.username, password, args.role, args.full_name)
                print(
                    f"Đã thêm tài khoản {args.username} ({accounts.ROLE_LABELS.get(args.role, args.role)})."
                )
            elif cmd == "passwd":
                accounts.reset_password(st.db, args.username, password)
                print(f"Đã đặt lại mật khẩu cho {args.username}.")
            elif cmd == "disable":
                accounts.disable_account(st.db, args.username)
                print(f"Tài khoản {args.username} không đăng nhập được nữa.")
            elif cmd == "enable":
                accounts.update_account(st.db, args.username, active=True)
                print(f"Tài khoản {args.username} đăng nhập lại được.")
            elif cmd == "unlock":
                accounts.unlock_account(st.db, args.username)
                print(f"Đã mở khóa tài khoản {args.username}.")
            elif cmd == "role":
                accounts.update_account(st.db, args.username, role=args.role)
                print(f"Tài khoản {args.username} nay là {accounts.ROLE_LABELS.get(args.role, args.role)}.")
        finally:
            st.close()
        return 0

    return _writing(args, run)


# -- person ---------------------------------------------------------------------------------------


def cmd_person(args: argparse.Namespace) -> int:
    from .services import personal_data

    if args.person_command == "export":
        st = _open(args)
        try:
            path = personal_data.export_person(st.db, args.person_id, Path(args.output).expanduser())
        finally:
            st.close()
        print(f"Đã trích xuất dữ liệu của người này: {path}")
        return 0
    if not args.yes:
        raise UserError(
            "Xóa dữ liệu cá nhân không hoàn tác được: hãy chạy lại lệnh với --yes để xác nhận.",
            "Erasing personal data cannot be undone: run the command again with --yes.",
        )

    def run() -> int:
        st = _open(args)
        try:
            result = personal_data.erase_person(st.db, args.person_id, args.reason)
        finally:
            st.close()
        print(
            f"Đã xóa dữ liệu cá nhân ({result.blanked_rows} bản ghi được làm trống); số liệu tổng hợp giữ nguyên."
        )
        return 0

    return _writing(args, run)


# -- encryption -----------------------------------------------------------------------------------


def cmd_encryption(args: argparse.Namespace) -> int:
    from .services import accounts, encryption

    cmd = args.encryption_command
    if cmd == "status":
        st = _open(args)
        try:
            status = encryption.status(st.db)
        finally:
            st.close()
        if args.json:
            _print_json(status.as_dict())
        elif not status.enabled:
            print("Dữ liệu nhạy cảm đang lưu dạng thường (chưa mã hóa).")
        else:
            print(f"Dữ liệu nhạy cảm đã mã hóa từ {status.enabled_at}.")
            print("Tài khoản có khóa: " + (", ".join(status.with_key) or "không có"))
            if status.without_key:
                print(
                    "Chưa có khóa (quản trị viên đặt lại mật khẩu để cấp): " + ", ".join(status.without_key)
                )
        return 0
    password = _password(args.password_file)
    if cmd == "recover":
        code = args.code or input("Mã khôi phục: ")

        def recover() -> int:
            st = _open(args)
            try:
                encryption.recover_account(st.db, code, args.user, password)
            finally:
                st.close()
            print(f"Đã đặt mật khẩu mới cho {args.user}; tài khoản này mở được dữ liệu nhạy cảm.")
            return 0

        return _writing(args, recover)

    def run() -> int:
        st = _open(args)
        try:
            actor = accounts.current_actor(st.db)
            who = accounts.sign_in(st.db, actor.username, password)  # the password is checked here
            if cmd == "disable":
                count = encryption.disable(st.db, password)
                print(f"Đã tắt mã hóa: {count} bản ghi lưu lại dạng thường.")
                return 0
            if cmd == "enable":
                code = encryption.enable(st.db, password)
                print("Đã mã hóa dữ liệu nhạy cảm.")
            else:
                if not who.data_key_open:
                    raise UserError(
                        f"Tài khoản {who.username} chưa có khóa dữ liệu: hãy dùng tài khoản quản trị đã có khóa.",
                        f"Account {who.username} has no data key: use an administrator that has it.",
                    )
                code = encryption.new_recovery_code(st.db, password)
                print("Đã tạo mã khôi phục mới; mã cũ hết hiệu lực.")
            print(f"Mã khôi phục: {code}")
            print("Hãy in hoặc chép mã này, cất trong tủ sắt; phần mềm không lưu lại mã ở đâu khác.")
            if args.sheet:
                from .papers.recovery_sheet import render_recovery_sheet

                render_recovery_sheet(st.db, code, Path(args.sheet).expanduser())
                print(f"Tờ mã khôi phục: {args.sheet}")
        finally:
            st.close()
        return 0

    return _writing(args, run)


ADMIN_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "backup": cmd_backup,
    "restore": cmd_restore,
    "audit": cmd_audit,
    "users": cmd_users,
    "person": cmd_person,
    "encryption": cmd_encryption,
}


def report_init(args: argparse.Namespace, station, site: str, code: str) -> int:  # type: ignore[no-untyped-def]
    """What ``antq init`` (cli.py) prints: the station, and the recovery code of its data key, once
    (docs/security.md, "safe by default"); ``--json`` carries it as ``recovery_code``."""
    from .services import encryption

    code = code if encryption.is_enabled(station.db) else ""  # a PostgreSQL hub: no column encryption
    if code and args.sheet:
        from .papers.recovery_sheet import render_recovery_sheet

        render_recovery_sheet(station.db, code, Path(args.sheet).expanduser())
    if args.json:
        data = {"site_id": site, "unit_name": args.unit_name, "data_dir": str(station.data_dir.root)}
        print(json.dumps({**data, "encryption": bool(code), "recovery_code": code}, ensure_ascii=False))
        return 0
    print(f"Đã thiết lập {args.unit_name} (mã trạm {site}) tại {station.data_dir.root}")
    if code:
        print(f"Dữ liệu nhạy cảm được mã hóa. Mã khôi phục (chỉ hiện lần này): {code}")
        print(
            "Hãy chép mã này ra giấy (hoặc in tờ mã đã ghi bằng --sheet) và cất vào tủ sắt của đơn vị: "
            "quên mật khẩu quản trị thì chỉ mã này mở lại được dữ liệu nhạy cảm."
        )
    return 0

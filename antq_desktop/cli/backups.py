"""``antq backup`` (rotation, second copy) and ``antq restore``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..storage.paths import DataDir
from .common import _open, _print_json, _writing
from .text import say


def add_backup_parser(sub: Any) -> None:
    backup = sub.add_parser("backup", help="sao lưu cơ sở dữ liệu (kiểm tra sau khi ghi)")
    backup.add_argument("-o", "--output", help="tệp hoặc thư mục đích")
    backup.add_argument(
        "--second-folder", metavar="DIR", help="từ nay chép thêm mỗi bản sao lưu vào thư mục này (USB)"
    )
    backup.add_argument("--no-second-folder", action="store_true", help="thôi chép bản thứ hai")
    backup.add_argument(
        "--if-due", action="store_true", help="chỉ sao lưu khi đến hạn (tự động: mỗi ngày một lần)"
    )
    backup.add_argument("--json", action="store_true", help="in dạng JSON")


def add_restore_parser(sub: Any) -> None:
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


def cmd_backup(args: argparse.Namespace) -> int:
    from ..services import backups

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
            print(
                say(
                    "Chưa đến hạn sao lưu tự động (đã có bản sao lưu hôm nay).",
                    "No automatic backup due (there is one from today).",
                )
            )
        else:
            print(say("Đã sao lưu và kiểm tra: ", "Backed up and checked: ") + str(result.path))
            if result.second_copy:
                print(say("Bản thứ hai: ", "Second copy: ") + str(result.second_copy))
            if result.removed:
                n = len(result.removed)
                print(
                    say(
                        f"Đã bỏ {n} bản sao lưu cũ theo lịch giữ (7 ngày, 4 tuần, 12 tháng).",
                        f"Removed {n} old backups by the keeping schedule (7 days, 4 weeks, 12 months).",
                    )
                )
        if result is not None and result.warning:
            print(f"antq: {result.warning.message()}", file=sys.stderr)
            return 3
        return 0

    if getattr(args, "second_folder", None) or getattr(args, "no_second_folder", False):
        return _writing(args, run)
    return run()  # a backup only reads the data (as before: it may run while the program is open)


def cmd_restore(args: argparse.Namespace) -> int:
    from ..services import backups

    def run() -> int:
        data_dir = DataDir.resolve(args.data_dir)
        username = ""
        if data_dir.database.exists():
            st = _open(args)  # checks the current database opens, and who is acting
            try:
                from ..services.accounts import current_actor

                username = current_actor(st.db).username
            finally:
                st.close()
        file = Path(args.file).expanduser()
        backups.verify_backup_file(file)
        loss = backups.restore_loss(data_dir.database, file)
        if loss.total:
            print(
                say(
                    f"Các thay đổi làm sau bản sao lưu mà chưa đơn vị nào nhận ({loss.total}) sẽ mất:",
                    f"Changes made after the backup that no unit has received ({loss.total}) will be lost:",
                )
            )
            for table, n in sorted(loss.tables.items()):
                print(f"  {table:<24} {n:>7}")
            if not args.yes:
                raise backups.loss_error(loss)
        result = backups.restore(data_dir, file, allow_other_station=args.other_station, username=username)
        print(say("Đã khôi phục từ ", "Restored from ") + f"{result.restored_from}.")
        if result.safety_copy:
            print(
                say("Dữ liệu trước khi khôi phục được giữ tại: ", "The data before restoring is kept in: ")
                + str(result.safety_copy)
            )
        if not result.new_incarnation:
            print(
                say(
                    "Lưu ý: chưa có phần đồng bộ; khi có, các đơn vị sẽ được gửi lại đầy đủ dữ liệu.",
                    "Note: no sync yet; when there is, the units will be sent all the data again.",
                )
            )
        return 0

    return _writing(args, run)

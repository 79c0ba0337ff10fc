"""``antq``: every service without Qt, for scripts at the upper level and for tests.

Exit codes: 0 ok; 1 bad input or a state the user can fix, with one sentence
(Vietnamese, or English with ``ANTQ_LANG=en``); never a traceback for bad input.
The command names, flags and ``--json`` output are a contract: add, don't rename.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .services.errors import UserError
from .storage.lock import AlreadyRunning, InstanceLock
from .storage.paths import DataDir


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 1 (argparse's default is 2)
        self.exit(1, f"antq: lỗi tham số: {message} (xem 'antq --help')\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="antq", description="ANTQ Desktop — dòng lệnh (command line)")
    p.add_argument("--version", action="version", version=f"antq {__version__}")
    p.add_argument("--data-dir", help="thư mục dữ liệu (mặc định: thư mục dữ liệu của người dùng)")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    init = sub.add_parser("init", help="thiết lập đơn vị lần đầu, không hỏi đáp")
    init.add_argument("--province", required=True, help="mã tỉnh/thành phố (2 chữ số, QĐ 19/2025)")
    init.add_argument("--commune", required=True, help="mã xã/phường/đặc khu (5 chữ số)")
    init.add_argument("--unit-name", required=True, help='tên đơn vị, ví dụ "Công an xã Thạch Lâm"')
    init.add_argument("--admin", required=True, help="tên đăng nhập của quản trị viên")
    init.add_argument("--password-file", required=True, help="tệp chứa mật khẩu (dòng đầu)")
    init.add_argument("--village", action="append", default=[], help="tên thôn/tổ dân phố (lặp lại được)")
    init.add_argument("--upper-level", default="", help="tên cấp trên (mặc định: Công an tỉnh/thành phố)")
    init.add_argument("--hub", action="store_true", help="thiết lập làm máy tổng hợp của cấp trên")

    demo = sub.add_parser("demo", help="tạo xã mẫu (dữ liệu dùng thử) trong thư mục dữ liệu trống")
    demo.add_argument("--households", type=int, default=1500, help="số hộ (mặc định 1500)")
    demo.add_argument("--seed", type=int, default=2026, help="hạt giống ngẫu nhiên (cùng hạt, cùng dữ liệu)")
    demo.add_argument("--admin", default="admin")
    demo.add_argument("--password-file", help="tệp chứa mật khẩu quản trị (mặc định: antq-demo)")

    info = sub.add_parser("info", help="thông tin đơn vị và số bản ghi theo loại")
    info.add_argument("--json", action="store_true", help="in dạng JSON")

    backup = sub.add_parser("backup", help="sao lưu cơ sở dữ liệu (kiểm tra sau khi ghi)")
    backup.add_argument("-o", "--output", help="tệp hoặc thư mục đích")

    check = sub.add_parser("check", help="kiểm tra toàn vẹn cơ sở dữ liệu")
    check.add_argument("--json", action="store_true", help="in dạng JSON")
    return p


def _read_password(path: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise UserError(
            f"Không đọc được tệp mật khẩu {path}: {exc.strerror}.",
            f"Cannot read password file {path}: {exc.strerror}.",
        ) from exc
    lines = text.splitlines()
    return lines[0] if lines else ""


def _open(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from .services.station import open_station

    return open_station(DataDir.resolve(args.data_dir))


def _writing(args: argparse.Namespace, fn: Callable[[], int]) -> int:
    """Run a writing command holding the data directory's lock (one running copy)."""
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


def cmd_init(args: argparse.Namespace) -> int:
    from .services.station import SetupRequest, initialise

    password = _read_password(args.password_file)

    def run() -> int:
        station = _open(args)
        try:
            site = initialise(
                station.db,
                SetupRequest(
                    province_code=args.province,
                    commune_code=args.commune,
                    unit_name=args.unit_name,
                    admin_username=args.admin,
                    admin_password=password,
                    villages=args.village,
                    upper_level_name=args.upper_level,
                    role="hub" if args.hub else "commune",
                ),
            )
        finally:
            station.close()
        print(f"Đã thiết lập {args.unit_name} (mã trạm {site}) tại {station.data_dir.root}")
        return 0

    return _writing(args, run)


def cmd_demo(args: argparse.Namespace) -> int:
    from .services import demo

    password = _read_password(args.password_file) if args.password_file else demo.DEMO_PASSWORD

    def run() -> int:
        station = _open(args)
        try:
            last = [-1]

            def progress(done: int, total: int) -> bool:
                pct = done * 100 // total
                if pct // 10 != last[0] // 10 and sys.stderr.isatty():
                    print(f"  {pct}%", file=sys.stderr)
                last[0] = pct
                return True

            summary = demo.create_demo_station(
                station.db,
                households=args.households,
                seed=args.seed,
                admin=args.admin,
                password=password,
                progress=progress,
            )
        finally:
            station.close()
        print(
            f"Đã tạo xã mẫu: {summary.households} hộ, {summary.persons} nhân khẩu, {summary.groups} tổ, "
            f"{summary.meetings} hội nghị, {summary.award_decisions} quyết định khen thưởng "
            f"(đăng nhập: {args.admin})"
        )
        return 0

    return _writing(args, run)


def cmd_info(args: argparse.Namespace) -> int:
    from .services import backups, overview, station

    st = _open(args)
    try:
        set_up = station.is_set_up(st.db)
        data: dict[str, Any] = {
            "version": __version__,
            "data_dir": str(st.data_dir.root),
            "database": st.db.url if not st.db.is_sqlite else str(st.db.path),
            "set_up": set_up,
            "unit": station.unit_summary(st.db) if set_up else {},
            "counts": overview.entity_counts(st.db),
            "overview": overview.overview(st.db).as_dict() if set_up else {},
            "last_backup": backups.last_backup(st) if set_up else None,
        }
    finally:
        st.close()
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        return 0
    unit = data["unit"]
    print(f"Thư mục dữ liệu: {data['data_dir']}")
    if not set_up:
        print("Chưa thiết lập đơn vị (chạy 'antq init' hoặc 'antq demo').")
    else:
        print(f"Đơn vị: {unit['unit_name']} — {unit['commune']}, {unit['province']}")
        print(f"Cấp trên: {unit['upper_level']}")
        ov = data["overview"]
        print(
            f"Năm {ov['year']}: {ov['households']} hộ, {ov['persons']} nhân khẩu, "
            f"ký cam kết {ov['commitments_signed']} hộ ({ov['coverage'] * 100:.1f}%)".replace(".", ",")
        )
    for table, n in data["counts"].items():
        print(f"  {table:<20} {n:>8}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from .services import backups

    st = _open(args)
    try:
        written = backups.backup(st, Path(args.output).expanduser() if args.output else None)
    finally:
        st.close()
    print(f"Đã sao lưu và kiểm tra: {written}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from .services import backups

    st = _open(args)
    try:
        problems = backups.check(st)
    finally:
        st.close()
    if args.json:
        print(json.dumps({"ok": not problems, "problems": problems}, ensure_ascii=False))
    elif problems:
        for p in problems:
            print(p)
    else:
        print("Cơ sở dữ liệu toàn vẹn (integrity_check: ok).")
    return 0 if not problems else 2


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": cmd_init,
    "demo": cmd_demo,
    "info": cmd_info,
    "backup": cmd_backup,
    "check": cmd_check,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
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
        log = _log_crash(args)
        print(
            f"antq: lỗi không mong đợi ({type(exc).__name__}); không có thay đổi nào được ghi dở. Chi tiết: {log}",
            file=sys.stderr,
        )
        return 2


def _log_crash(args: argparse.Namespace) -> Path:
    import traceback
    from datetime import datetime

    folder = DataDir.resolve(args.data_dir).root / "logs"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"antq-error-{datetime.now():%Y%m%d-%H%M%S}.log"
        path.write_text(traceback.format_exc(), encoding="utf-8")
        return path
    except OSError:
        return Path("(không ghi được tệp log)")


if __name__ == "__main__":
    sys.exit(main())

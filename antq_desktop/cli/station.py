"""``antq init``, ``demo``, ``info``, ``check``: set a station up, fill a sample commune, look at it."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .. import __version__
from ..services.errors import UserError
from . import door
from .common import _open, _writing
from .text import say


def add_setup_parsers(sub: Any) -> None:
    """init, demo, info (before backup in the help)."""
    init = sub.add_parser("init", help="thiết lập đơn vị lần đầu, không hỏi đáp")
    init.add_argument("--province", required=True, help="mã tỉnh/thành phố (2 chữ số, QĐ 19/2025)")
    init.add_argument("--commune", default="", help="mã xã/phường/đặc khu (5 chữ số); không dùng với --hub")
    init.add_argument("--unit-name", required=True, help='tên đơn vị, ví dụ "Công an xã Thạch Lâm"')
    init.add_argument("--admin", required=True, help="tên đăng nhập của quản trị viên")
    init.add_argument("--password-file", required=True, help="tệp chứa mật khẩu (dòng đầu)")
    init.add_argument("--village", action="append", default=[], help="tên thôn/tổ dân phố (lặp lại được)")
    init.add_argument("--upper-level", default="", help="tên cấp trên (mặc định: Công an tỉnh/thành phố)")
    init.add_argument("--json", action="store_true", help="in dạng JSON")
    init.add_argument("--sheet", metavar="FILE.pdf", help="in mã khôi phục ra tờ PDF này để cất giữ")
    init.add_argument(
        "--hub",
        action="store_true",
        help="thiết lập làm máy tổng hợp của cấp trên (Công an tỉnh): chỉ cần --province, không có xã",
    )

    demo = sub.add_parser("demo", help="tạo xã mẫu (dữ liệu dùng thử) trong thư mục dữ liệu trống")
    demo.add_argument("--households", type=int, default=1500, help="số hộ (mặc định 1500)")
    demo.add_argument("--seed", type=int, default=2026, help="hạt giống ngẫu nhiên (cùng hạt, cùng dữ liệu)")
    demo.add_argument("--admin", default="admin")
    demo.add_argument("--password-file", help="tệp chứa mật khẩu quản trị (mặc định: antq-demo)")
    demo.add_argument(
        "--commune",
        help="mã xã/phường/đặc khu (5 chữ số) của xã mẫu (mặc định 01304, xã Quảng Lâm, Cao Bằng); "
        "mỗi xã một bộ dữ liệu riêng",
    )

    info = sub.add_parser("info", help="thông tin đơn vị và số bản ghi theo loại")
    info.add_argument("--json", action="store_true", help="in dạng JSON")


def add_check_parser(sub: Any) -> None:
    check = sub.add_parser("check", help="kiểm tra toàn vẹn cơ sở dữ liệu")
    check.add_argument("--json", action="store_true", help="in dạng JSON")


def _check_init_role(args: argparse.Namespace) -> None:
    """A hub is the province's upper level (no commune, villages or upper level); a commune needs its code."""
    if args.hub:
        extra = [f for f, v in (("--commune", args.commune), ("--village", args.village)) if v]
        extra += ["--upper-level"] if args.upper_level else []
        if extra:
            raise UserError(
                f"Máy tổng hợp của cấp trên không thuộc xã nào: hãy bỏ {', '.join(extra)} khi dùng --hub.",
                f"The upper level's hub belongs to no commune: drop {', '.join(extra)} when using --hub.",
            )
    elif not args.commune:
        raise UserError(
            "Hãy ghi mã xã/phường bằng --commune MÃ (hoặc dùng --hub để thiết lập máy tổng hợp của cấp trên).",
            "Give the commune code with --commune CODE (or use --hub to set up the upper level's hub).",
        )


def cmd_init(args: argparse.Namespace) -> int:
    from ..services.encryption import make_recovery_code
    from ..services.station import SetupRequest, initialise

    _check_init_role(args)
    password = door.read_first_line(args.password_file)
    code = make_recovery_code()

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
                    recovery_code=code,  # safe by default: the sensitive columns sealed from the start
                ),
            )
            return _report_init(args, station, site, code)  # the recovery code, printed once
        finally:
            station.close()

    return _writing(args, run)


def _report_init(args: argparse.Namespace, station: Any, site: str, code: str) -> int:
    """What ``antq init`` prints: the station, and the recovery code of its data key, once
    (docs/security.md, "safe by default"); ``--json`` carries it as ``recovery_code``."""
    from pathlib import Path

    from ..services import encryption

    code = code if encryption.is_enabled(station.db) else ""  # a PostgreSQL hub: no column encryption
    if code and args.sheet:
        from ..papers.recovery_sheet import render_recovery_sheet

        render_recovery_sheet(station.db, code, Path(args.sheet).expanduser())
    if args.json:
        data = {"site_id": site, "unit_name": args.unit_name, "data_dir": str(station.data_dir.root)}
        print(json.dumps({**data, "encryption": bool(code), "recovery_code": code}, ensure_ascii=False))
        return 0
    root = station.data_dir.root
    print(
        say(
            f"Đã thiết lập {args.unit_name} (mã trạm {site}) tại {root}",
            f"Set up {args.unit_name} (station code {site}) in {root}",
        )
    )
    if code:
        print(
            say(
                f"Dữ liệu nhạy cảm được mã hóa. Mã khôi phục (chỉ hiện lần này): {code}",
                f"Sensitive data is encrypted. Recovery code (shown only this once): {code}",
            )
        )
        print(
            say(
                "Hãy chép mã này ra giấy (hoặc in tờ mã đã ghi bằng --sheet) và cất vào tủ sắt của đơn vị: "
                "quên mật khẩu quản trị thì chỉ mã này mở lại được dữ liệu nhạy cảm.",
                "Copy this code onto paper (or print the sheet written with --sheet) and keep it in the "
                "unit's safe: if the administrator password is forgotten, only this code opens the "
                "sensitive data again.",
            )
        )
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from ..services import demo

    password = door.read_first_line(args.password_file) if args.password_file else demo.DEMO_PASSWORD

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
                **({"commune_code": args.commune.strip()} if args.commune else {}),
            )
        finally:
            station.close()
        commune = f"{summary.extra.get('commune', '')} ({summary.extra.get('commune_code', '')})"
        print(
            say(
                f"Đã tạo xã mẫu {commune}: "
                f"{summary.households} hộ, {summary.persons} nhân khẩu, {summary.groups} tổ, "
                f"{summary.meetings} hội nghị, {summary.award_decisions} quyết định khen thưởng "
                f"(đăng nhập: {args.admin})",
                f"Demo commune {commune} made: "
                f"{summary.households} households, {summary.persons} persons, {summary.groups} groups, "
                f"{summary.meetings} meetings, {summary.award_decisions} award decisions "
                f"(sign in as: {args.admin})",
            )
        )
        return 0

    return _writing(args, run)


def cmd_info(args: argparse.Namespace) -> int:
    from ..services import backups, overview, station

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
    print(say("Thư mục dữ liệu: ", "Data folder: ") + str(data["data_dir"]))
    if not set_up:
        print(
            say(
                "Chưa thiết lập đơn vị (chạy 'antq init' hoặc 'antq demo').",
                "No unit set up yet (run 'antq init' or 'antq demo').",
            )
        )
    else:
        name, province = unit["unit_name"], unit["province"]
        if unit["role"] == "hub":
            print(
                say(
                    f"Đơn vị: {name} — cấp trên của các xã, phường thuộc {province}",
                    f"Unit: {name} — upper level of the communes and wards of {province}",
                )
            )
        else:
            print(say("Đơn vị: ", "Unit: ") + f"{name} — {unit['commune']}, {province}")
            print(say("Cấp trên: ", "Upper level: ") + str(unit["upper_level"]))
        ov = data["overview"]
        pct = f"{ov['coverage'] * 100:.1f}"
        print(
            say(
                f"Năm {ov['year']}: {ov['households']} hộ, {ov['persons']} nhân khẩu, "
                f"ký cam kết {ov['commitments_signed']} hộ ({pct.replace('.', ',')}%)",
                f"Year {ov['year']}: {ov['households']} households, {ov['persons']} persons, "
                f"{ov['commitments_signed']} households signed the commitment ({pct}%)",
            )
        )
    for table, n in data["counts"].items():
        print(f"  {table:<20} {n:>8}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from ..services import backups

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
        print(
            say(
                "Cơ sở dữ liệu toàn vẹn (integrity_check: ok).",
                "The database is intact (integrity_check: ok).",
            )
        )
    return 0 if not problems else 2

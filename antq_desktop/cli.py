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

from . import __version__, cli_door, cli_keys
from .cli_admin import ADMIN_COMMANDS, _writing, add_admin_parsers
from .cli_households import add_households_parser, cmd_households, valid_year
from .cli_hub import add_hub_parser, cmd_hub
from .cli_reports import add_report_parser, cmd_report
from .cli_sync import add_sync_parser, cmd_sync
from .cli_text import LocalParser, localize
from .services.errors import UserError
from .storage.paths import DB_URL_ENV

# One language at a time (ANTQ_LANG): argparse's own words and one-line errors, exit 1 (cli_text.py).
_Parser = LocalParser


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="antq", description="ANTQ Desktop — dòng lệnh (command line)")
    p.add_argument("--version", action="version", version=f"antq {__version__}")
    p.add_argument("--data-dir", help="thư mục dữ liệu (mặc định: thư mục dữ liệu của người dùng)")
    p.add_argument(
        "--db-url",
        help="cơ sở dữ liệu, ví dụ postgresql+psycopg://antq@máy-chủ/antq (mặc định: tệp SQLite trong thư mục dữ liệu)",
    )
    cli_door.add_arguments(p)  # --user, --password-file: who signs in (docs/security.md)
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    init = sub.add_parser("init", help="thiết lập đơn vị lần đầu, không hỏi đáp")
    init.add_argument("--province", required=True, help="mã tỉnh/thành phố (2 chữ số, QĐ 19/2025)")
    init.add_argument("--commune", default="", help="mã xã/phường/đặc khu (5 chữ số); không dùng với --hub")
    init.add_argument("--unit-name", required=True, help='tên đơn vị, ví dụ "Công an xã Thạch Lâm"')
    init.add_argument("--admin", required=True, help="tên đăng nhập của quản trị viên")
    init.add_argument("--password-file", required=True, help="tệp chứa mật khẩu (dòng đầu)")
    init.add_argument("--village", action="append", default=[], help="tên thôn/tổ dân phố (lặp lại được)")
    init.add_argument("--upper-level", default="", help="tên cấp trên (mặc định: Công an tỉnh/thành phố)")
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

    backup = sub.add_parser("backup", help="sao lưu cơ sở dữ liệu (kiểm tra sau khi ghi)")
    backup.add_argument("-o", "--output", help="tệp hoặc thư mục đích")

    check = sub.add_parser("check", help="kiểm tra toàn vẹn cơ sở dữ liệu")
    check.add_argument("--json", action="store_true", help="in dạng JSON")
    add_households_parser(sub, _Parser)
    _add_commitments_parser(sub)
    _add_groups_parser(sub)
    _add_meetings_parser(sub)
    add_sync_parser(sub, _Parser)
    _add_awards_parser(sub)
    add_report_parser(sub, _Parser)
    add_hub_parser(sub, _Parser)
    cli_keys.add_parsers(sub, COMMANDS)  # antq keys rotate | revoke (cli_keys.py)
    add_admin_parsers(sub, _Parser)  # backup options, restore, audit, users, person (cli_admin.py)
    return localize(p)  # the help texts in the chosen language (cli_text.py)


def _open(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from .cli_admin import _open as open_as_cli_user  # signs in through the one door (cli_door.py)

    return open_as_cli_user(args)


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
    from .services.station import SetupRequest, initialise

    _check_init_role(args)
    password = cli_door.read_first_line(args.password_file)

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

    password = cli_door.read_first_line(args.password_file) if args.password_file else demo.DEMO_PASSWORD

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
        print(
            f"Đã tạo xã mẫu {summary.extra.get('commune', '')} ({summary.extra.get('commune_code', '')}): "
            f"{summary.households} hộ, {summary.persons} nhân khẩu, {summary.groups} tổ, "
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
        if unit["role"] == "hub":
            print(f"Đơn vị: {unit['unit_name']} — cấp trên của các xã, phường thuộc {unit['province']}")
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


# -- commitments: coverage and printable forms -------------------------------------------------


def _add_commitments_parser(sub: Any) -> None:
    cm = sub.add_parser("commitments", help="cam kết hộ gia đình: tỷ lệ ký, in bản cam kết")
    csub = cm.add_subparsers(dest="commitments_command", required=True, parser_class=_Parser)
    cov = csub.add_parser("coverage", help="tỷ lệ hộ ký cam kết theo thôn/tổ dân phố và toàn xã")
    cov.add_argument("--year", type=int, required=True, help="năm cam kết")
    cov.add_argument("--json", action="store_true", help="in dạng JSON")
    forms = csub.add_parser("forms", help="in bản cam kết của mọi hộ trong một thôn ra tệp PDF")
    forms.add_argument("--year", type=int, required=True, help="năm cam kết")
    forms.add_argument("--village", required=True, help="tên thôn/tổ dân phố")
    forms.add_argument("-o", "--output", required=True, help="tệp PDF cần ghi")
    forms.add_argument(
        "--show-id-numbers", action="store_true", help="in đủ số định danh (mặc định: che bớt, 0020******89)"
    )


def cmd_commitments(args: argparse.Namespace) -> int:
    from .services import commitments as cm

    year = valid_year(args.year)
    st = _open(args)
    try:
        if args.commitments_command == "coverage":
            rows = cm.coverage(st.db, year)
            total = cm.commune_total(rows)
            if args.json:
                print(
                    json.dumps(
                        {"year": year, "villages": [r.to_dict() for r in rows], "commune": total.to_dict()},
                        ensure_ascii=False,
                    )
                )
            else:
                print(f"Tỷ lệ hộ ký cam kết năm {year}:")
                for r in [*rows, total]:
                    mark = "" if r.meets_rule else "  (chưa đạt 100%)"
                    print(
                        f"  {r.village}: {r.covered}/{r.households} hộ, {r.share * 100:.1f}%{mark}".replace(
                            ".", ","
                        )
                    )
            return 0
        from .papers import commitments as commitment_papers

        village_id, village = cm.village_by_name(st.db, args.village)
        out = Path(args.output).expanduser()
        pages = commitment_papers.write_village_forms(
            st.db, year, village_id, out, reveal_ids=args.show_id_numbers
        )
        print(f"Đã in {pages} trang bản cam kết năm {year} của {village}: {out}")
        return 0
    finally:
        st.close()


# -- groups: list and rosters -------------------------------------------------------------------


def _add_groups_parser(sub: Any) -> None:
    g = sub.add_parser("groups", help="tổ tự quản, mô hình: danh sách, danh sách thành viên")
    gsub = g.add_subparsers(dest="groups_command", required=True, parser_class=_Parser)
    ls = gsub.add_parser("list", help="các tổ, mô hình với số thành viên hiện tại")
    ls.add_argument("--json", action="store_true", help="in dạng JSON")
    ls.add_argument("--all", action="store_true", help="kể cả tổ đã sáp nhập, giải thể")
    roster = gsub.add_parser("roster", help="danh sách thành viên của một tổ ra PDF hoặc Excel")
    roster.add_argument("group_id", help="mã (id) của tổ, xem 'antq groups list --json'")
    roster.add_argument("-o", "--output", required=True, help="tệp .pdf hoặc .xlsx cần ghi")
    roster.add_argument("--current-only", action="store_true", help="chỉ những người đang là thành viên")


def cmd_groups(args: argparse.Namespace) -> int:
    from .services import groups as gs

    st = _open(args)
    try:
        if args.groups_command == "list":
            rows = gs.list_groups(st.db, gs.GroupQuery(status=None if args.all else "active"))
            if args.json:
                print(json.dumps({"groups": [r.to_dict() for r in rows]}, ensure_ascii=False))
            else:
                for r in rows:
                    where = r.village or "toàn xã"
                    print(f"{r.id}  {r.type_name} — {r.name} ({where}): {r.members} thành viên")
                print(f"Tổng: {len(rows)} tổ, mô hình.")
            return 0
        from .papers import rosters

        out = Path(args.output).expanduser()
        if out.suffix.lower() not in (".pdf", ".xlsx"):
            raise UserError(
                "Tệp ra phải có đuôi .pdf hoặc .xlsx.", "The output file must end in .pdf or .xlsx."
            )
        gs.get_group(st.db, args.group_id)  # a clear sentence for an unknown id
        n = rosters.write_roster_file(st.db, args.group_id, out, include_left=not args.current_only)
        unit = "trang" if out.suffix.lower() == ".pdf" else "thành viên"
        print(f"Đã ghi {n} {unit}: {out}")
        return 0
    finally:
        st.close()


# -- meetings: list and minutes -----------------------------------------------------------------


def _add_meetings_parser(sub: Any) -> None:
    m = sub.add_parser("meetings", help="hội nghị, biên bản, ý kiến của Nhân dân")
    msub = m.add_subparsers(dest="meetings_command", required=True, parser_class=_Parser)
    ls = msub.add_parser("list", help="các hội nghị (mặc định: năm nay)")
    ls.add_argument("--year", type=int, help="năm (mặc định: năm nay)")
    ls.add_argument("--json", action="store_true", help="in dạng JSON")
    minutes = msub.add_parser("minutes", help="biên bản của một hội nghị ra PDF hoặc Word (.docx)")
    minutes.add_argument("meeting_id", help="mã (id) hội nghị, xem 'antq meetings list --json'")
    minutes.add_argument("-o", "--output", required=True, help="tệp .pdf hoặc .docx cần ghi")


def cmd_meetings(args: argparse.Namespace) -> int:
    from datetime import date

    from .services import meetings as mt

    if args.meetings_command == "list":
        year = valid_year(args.year or date.today().year)
        st = _open(args)
        try:
            rows = mt.list_meetings(st.db, mt.MeetingQuery(year=year), limit=None)
            if args.json:
                print(json.dumps({"year": year, "meetings": [r.to_dict() for r in rows]}, ensure_ascii=False))
            else:
                for r in rows:
                    day = r.starts_at.strftime("%d/%m/%Y") if r.starts_at else "?"
                    print(f"{r.id}  {day}  {r.title} — {r.attendees_total} người, {r.opinions} ý kiến")
                print(f"Năm {year}: {len(rows)} hội nghị.")
            return 0
        finally:
            st.close()

    from .papers import minutes

    out = Path(args.output).expanduser()
    if out.suffix.lower() not in (".pdf", ".docx"):
        raise UserError("Tệp ra phải có đuôi .pdf hoặc .docx.", "The output file must end in .pdf or .docx.")

    def run() -> int:
        st = _open(args)
        try:
            mt.get_meeting(st.db, args.meeting_id)  # one sentence for an unknown id
            written = minutes.write_minutes(st.db, args.meeting_id, out)
        finally:
            st.close()
        print(f"Đã ghi biên bản số {written.number}: {written.path}")
        return 0

    return _writing(args, run)  # numbering the minutes writes to the database


def _add_awards_parser(sub: Any) -> None:
    a = sub.add_parser("awards", help="khen thưởng: quyết định, in giấy khen, kiểm tra giấy khen")
    asub = a.add_subparsers(dest="awards_command", required=True, parser_class=_Parser)
    ls = asub.add_parser("list", help="các quyết định khen thưởng với số người được khen và số lần in")
    ls.add_argument("--year", type=int, help="chỉ các quyết định ký trong năm này")
    ls.add_argument("--json", action="store_true", help="in dạng JSON (kèm danh sách người được khen)")
    cert = asub.add_parser("certificates", help="giấy khen của mọi người trong một quyết định ra một tệp PDF")
    cert.add_argument("decision", help="mã (id) hoặc số quyết định, ví dụ 15/QĐ-UBND")
    cert.add_argument(
        "--mode", choices=("full", "blank"), default="full", help="full: in cả trang; blank: in lên phôi"
    )
    cert.add_argument("--template", help="tên mẫu khác (ví dụ giay_khen_a3)")
    cert.add_argument("-o", "--output", required=True, help="tệp .pdf cần ghi")
    tpl = asub.add_parser(
        "template-add", help="thêm (hoặc thay) mẫu giấy khen từ tệp .json; mẫu đi theo gói dữ liệu tới các xã"
    )
    tpl.add_argument("file", help="tệp mẫu .json (cùng dạng các tệp trong resources/certificates)")
    ver = asub.add_parser("verify", help="kiểm tra giấy khen: nội dung mã QR hoặc số hiệu")
    ver.add_argument("text", help="nội dung mã QR (đặt trong ngoặc kép) hoặc số hiệu giấy khen")
    ver.add_argument("--json", action="store_true", help="in dạng JSON")


def cmd_awards(args: argparse.Namespace) -> int:
    from .services import awards as aw

    if args.awards_command == "list":
        year = valid_year(args.year) if args.year else None
        st = _open(args)
        try:
            rows = aw.list_decisions(st.db, aw.DecisionQuery(year=year))
            if args.json:
                out = [
                    {**r.to_dict(), "recipients_list": [x.to_dict() for x in aw.recipients(st.db, r.id)]}
                    for r in rows
                ]
                print(json.dumps({"year": year, "decisions": out}, ensure_ascii=False))
            else:
                for r in rows:
                    day = r.decided_on.strftime("%d/%m/%Y") if r.decided_on else "--/--/----"
                    print(
                        f"{r.id}  {r.number or 'dự thảo':<16} {day}  {r.form_label} — {r.status_label}, "
                        f"{r.recipients} người/tập thể, in {r.printed} lần"
                    )
                print(f"{len(rows)} quyết định khen thưởng.")
            return 0
        finally:
            st.close()

    if args.awards_command == "verify":
        st = _open(args)
        try:
            result = aw.verify(st.db, args.text)
        finally:
            st.close()
        if args.json:
            print(json.dumps(result.to_dict(), ensure_ascii=False))
        else:
            print(f"{result.label}: {result.message_vi}")
            for key, value in result.fields.items():
                print(f"  {aw.FIELD_LABELS.get(key, key)}: {value}")
            for note in result.notes:
                print(f"  ! {note}")
        return 0 if result.status == "genuine" else 3

    from .papers import certificates

    if args.awards_command == "template-add":

        def add() -> int:
            st = _open(args)
            try:
                t = certificates.add_template_file(st.db, Path(args.file).expanduser())
            finally:
                st.close()
            print(f"Đã lưu mẫu giấy khen “{t.label}” ({t.name}); mẫu sẽ đi theo gói dữ liệu tới.")
            return 0

        return _writing(args, add)

    out = Path(args.output).expanduser()
    if out.suffix.lower() != ".pdf":
        raise UserError("Tệp ra phải có đuôi .pdf.", "The output file must end in .pdf.")

    def run() -> int:
        st = _open(args)
        try:
            decision_id = aw.resolve_decision(st.db, args.decision)
            detail = aw.get_decision(st.db, decision_id)
            pages = certificates.write_certificates(
                st.db,
                decision_id,
                out,
                mode=args.mode,
                template=args.template,
                record=True,
                printed_by="antq (dòng lệnh)",
            )
        finally:
            st.close()
        note = (
            "bản nháp (quyết định chưa ban hành, không ghi sổ in)"
            if detail.status != "issued"
            else "đã ghi vào sổ in giấy khen"
        )
        print(f"Đã ghi {pages} giấy khen của quyết định {detail.number or 'dự thảo'} ({note}): {out}")
        return 0

    return _writing(args, run)  # the print register is written with the file


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": cmd_init,
    "demo": cmd_demo,
    "info": cmd_info,
    "backup": cmd_backup,
    "check": cmd_check,
    "households": cmd_households,
    "commitments": cmd_commitments,
    "groups": cmd_groups,
    "meetings": cmd_meetings,
    "sync": cmd_sync,
    "awards": cmd_awards,
    "report": cmd_report,
    "hub": cmd_hub,
}
COMMANDS.update(ADMIN_COMMANDS)  # "backup" is replaced: it gains rotation and the second copy


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from . import logs

    logs.setup(args.data_dir)  # <data dir>/logs/antq.log; written only when something is logged
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
        cli_door.enter(args)  # the one door: which commands sign in (cli_door.OPEN_COMMANDS)
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
    from . import logs

    logs.log_exception(type(exc), exc, exc.__traceback__, f"antq {args.command}")
    path = logs.log_file()
    return str(path) if path is not None and path.exists() else "(không ghi được tệp nhật ký)"


if __name__ == "__main__":
    sys.exit(main())

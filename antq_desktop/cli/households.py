"""``antq households``: list, delete and restore, import from Excel, export to Excel.

Registered by the command line (dispatch.py); every command signs in through the one door
(common._open, door.py) and writes holding the data folder's lock.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from ..services.errors import UserError
from .common import _open, _writing, valid_year
from .text import LocalParser, say

# -- households: Excel import and export ------------------------------------------------------


def add_parser(sub: Any, parser_class: type[argparse.ArgumentParser] = LocalParser) -> None:
    hh = sub.add_parser(
        "households", help="danh sách hộ: liệt kê, xóa, khôi phục, nhập từ Excel, xuất ra Excel"
    )
    hsub = hh.add_subparsers(dest="households_command", required=True, parser_class=parser_class)
    imp = hsub.add_parser("import", help="nhập danh sách hộ, nhân khẩu (và cam kết) từ tệp .xlsx")
    imp.add_argument("file", help="tệp .xlsx")
    imp.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi gì")
    imp.add_argument("--json", action="store_true", help="in báo cáo dạng JSON")
    imp.add_argument("--skip-bad-rows", action="store_true", help="bỏ qua các dòng lỗi, nhập các dòng đúng")
    imp.add_argument("--commitment-year", type=int, help="năm của cột ký cam kết (nếu tiêu đề không ghi năm)")
    imp.add_argument(
        "--no-convert-legacy",
        action="store_true",
        help="giữ nguyên ô gõ phông cũ TCVN3, VNI (không chuyển sang Unicode)",
    )
    imp.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COL",
        help="ghép cột bằng tay, ví dụ --map id_number=E (COL: chữ cái hoặc số thứ tự cột; để trống để bỏ)",
    )
    imp.add_argument(
        "--create-villages",
        action="store_true",
        help="tạo các thôn/tổ dân phố mà tệp ghi nhưng đơn vị chưa có",
    )
    imp.add_argument(
        "--village-map",
        action="append",
        default=[],
        metavar="TEXT=VILLAGE",
        help='ghép thôn trong tệp với thôn của đơn vị, ví dụ --village-map "Tổ 1=Tổ dân phố số 1" (VILLAGE là create: tạo mới)',
    )
    imp.add_argument(
        "--report",
        metavar="FILE.xlsx",
        help="ghi bản sao các dòng của tệp, thêm cột nêu lỗi của từng dòng lỗi",
    )
    exp = hsub.add_parser("export", help="xuất danh sách hộ, nhân khẩu ra tệp .xlsx")
    exp.add_argument("file", help="tệp .xlsx cần ghi")
    exp.add_argument("--village", help="chỉ xuất một thôn/tổ dân phố (tên)")
    exp.add_argument("--year", type=int, help="năm cam kết (mặc định: năm nay)")
    exp.add_argument(
        "--include-sensitive", action="store_true", help="kèm dân tộc và hộ nghèo (dữ liệu nhạy cảm)"
    )
    ls = hsub.add_parser("list", help="danh sách hộ: số hộ, thôn, chủ hộ, số nhân khẩu, tình trạng cam kết")
    ls.add_argument("--village", help="chỉ một thôn/tổ dân phố (tên)")
    ls.add_argument("--search", default="", help="tìm theo tên, địa chỉ, số điện thoại, số định danh")
    ls.add_argument("--year", type=int, help="năm cam kết của cột tình trạng (mặc định: năm nay)")
    ls.add_argument("--deleted", action="store_true", help="các hộ đã xóa (khôi phục được)")
    ls.add_argument("--json", action="store_true", help="in dạng JSON")
    rm = hsub.add_parser("delete", help="xóa một hộ cùng các nhân khẩu của hộ (khôi phục được)")
    rm.add_argument("household", metavar="ID", help="mã (id) hoặc số hộ, ví dụ 01304-02-00017")
    rm.add_argument("--yes", action="store_true", help="không hỏi lại (bắt buộc khi chạy không tương tác)")
    rm.add_argument("--json", action="store_true", help="in dạng JSON")
    back = hsub.add_parser("restore", help="khôi phục một hộ đã xóa cùng các nhân khẩu đã xóa theo hộ")
    back.add_argument("household", metavar="ID", help="mã (id) hoặc số hộ")
    back.add_argument("--json", action="store_true", help="in dạng JSON")


def _mapping_args(items: Sequence[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in items:
        key, sep, col = item.partition("=")
        if not sep or not key.strip():
            raise UserError(
                f"--map '{item}' không đúng dạng TRƯỜNG=CỘT, ví dụ --map id_number=E.",
                f"--map '{item}' is not FIELD=COL, e.g. --map id_number=E.",
            )
        out[key.strip()] = col.strip() or None
    return out


def _import_summary(counts: dict[str, int], applied: bool) -> str:
    c = {k: counts.get(k, 0) for k in ("households_create", "households_update", "persons_create")}
    c.update({k: counts.get(k, 0) for k in ("persons_update", "commitments", "bad_rows")})
    new_villages = counts.get("villages_create")
    vi = (
        f"{'Đã nhập' if applied else 'Sẽ nhập'}: {c['households_create']} hộ mới, {c['households_update']} hộ "
        f"cập nhật, {c['persons_create']} nhân khẩu mới, {c['persons_update']} nhân khẩu cập nhật, "
        f"{c['commitments']} cam kết; {c['bad_rows']} dòng lỗi."
        + (f" Thôn/tổ mới: {new_villages}." if new_villages else "")
    )
    en = (
        f"{'Imported' if applied else 'Would import'}: {c['households_create']} new households, "
        f"{c['households_update']} households updated, {c['persons_create']} new persons, "
        f"{c['persons_update']} persons updated, {c['commitments']} commitments; {c['bad_rows']} bad rows."
        + (f" New villages: {new_villages}." if new_villages else "")
    )
    return say(vi, en)


def _refuse_import(plan: Any) -> int:
    """Nothing was imported: one sentence naming the first error, exit 1."""
    report = plan.report
    first = (plan.general_errors or report.errors)[0]
    n = len(report.bad_rows())
    if plan.general_errors:
        why = UserError(f"chưa nhập gì — {first.message_vi}", f"nothing imported — {first.message_en}")
    else:
        why = UserError(
            f"chưa nhập gì — {n} dòng lỗi ({report.line(first)}); sửa tệp hoặc dùng --skip-bad-rows.",
            f"nothing imported — {n} rows with errors ({report.line(first, 'en')}); fix the file or use --skip-bad-rows.",
        )
    print(f"antq: {why.message()}", file=sys.stderr)
    return 1


def cmd_households_import(args: argparse.Namespace) -> int:
    from ..services import household_import as imp
    from ..services.import_report import summary_text, write_report
    from ..services.import_villages import parse_map_args
    from ..services.station import is_set_up

    overrides = _mapping_args(args.map)
    village_map = parse_map_args(args.village_map)

    def run() -> int:
        st = _open(args)
        try:
            if not is_set_up(st.db):
                raise UserError(
                    "Chưa thiết lập đơn vị: hãy chạy 'antq init' trước khi nhập danh sách hộ.",
                    "The station is not set up: run 'antq init' before importing households.",
                )
            analysis = imp.analyse(Path(args.file).expanduser())
            plan = imp.plan(
                st.db,
                analysis,
                mapping_overrides=overrides or None,
                commitment_year=args.commitment_year,
                convert_legacy=not args.no_convert_legacy,
                village_map=village_map or None,
                create_villages=args.create_villages,
            )
            if args.report:
                write_report(
                    plan, Path(args.report).expanduser(), analysis, os.environ.get("ANTQ_LANG", "vi")
                )
            report = plan.report
            blocked = bool(plan.general_errors) or (not report.ok and not args.skip_bad_rows)
            applied = False
            if not args.dry_run and not blocked:
                imp.apply(st.db, plan, skip_bad_rows=args.skip_bad_rows)
                applied = True
        finally:
            st.close()
        lang = os.environ.get("ANTQ_LANG", "vi")
        if args.json:
            data = report.to_dict(lang)
            data.update(
                {
                    "dry_run": bool(args.dry_run),
                    "applied": applied,
                    "commitment_year": plan.commitment_year,
                    "villages": [fv.to_dict() for fv in plan.villages],
                    "report_file": str(args.report) if args.report else None,
                }
            )
            print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        else:
            text = summary_text(plan, lang)
            if text:
                print(text)
            print(_import_summary(report.counts, applied))
            if args.report:
                en = os.environ.get("ANTQ_LANG", "vi").startswith("en")
                print(
                    f"{'Error file written' if en else 'Đã ghi tệp báo lỗi'}: {Path(args.report).expanduser()}"
                )
        if blocked:
            return _refuse_import(plan)
        return 0

    if args.dry_run:
        return run()
    return _writing(args, run)


def _village_id(db: Any, name: str) -> str:
    """The id of the village called ``name`` (diacritics and case as typed or not)."""
    from ..domain.text import fold
    from ..services.households import villages

    known = villages(db)
    match = [vid for vid, vname in known if fold(vname) == fold(name)]
    if not match:
        names = ", ".join(vname for _, vname in known)
        raise UserError(
            f"Không có thôn/tổ '{name}' trong xã: hãy chọn một trong {names}.",
            f"There is no village '{name}': choose one of {names}.",
        )
    return match[0]


def cmd_households_export(args: argparse.Namespace) -> int:
    from ..services.household_export import export_households
    from ..services.station import is_set_up

    st = _open(args)
    try:
        if not is_set_up(st.db):
            raise UserError(
                "Chưa thiết lập đơn vị: chưa có danh sách hộ để xuất.",
                "The station is not set up: there is no register to export.",
            )
        village_id = _village_id(st.db, args.village) if args.village else None
        result = export_households(
            st.db,
            Path(args.file).expanduser(),
            village_id=village_id,
            commitment_year=args.year,
            include_sensitive=args.include_sensitive,
        )
    finally:
        st.close()
    print(
        say(
            f"Đã xuất {result.households} hộ, {result.persons} nhân khẩu: {result.path}",
            f"Exported {result.households} households, {result.persons} persons: {result.path}",
        )
    )
    return 0


def _household_json(row: Any) -> dict[str, Any]:
    """One household in ``--json`` output; a contract: add keys, never rename or remove."""
    return {
        "id": row.id,
        "code": row.code,
        "village": row.village,
        "head_name": row.head_name,
        "address": row.address,
        "phone": row.phone,
        "members": row.members,
        "commitment_status": row.status,
    }  # no poverty status or ethnicity: sensitive, as in 'households export' without --include-sensitive


def cmd_households_list(args: argparse.Namespace) -> int:

    from ..services import households as hh

    year = valid_year(args.year or date.today().year)
    st = _open(args)
    try:
        village_id = _village_id(st.db, args.village) if args.village else None
        q = hh.HouseholdQuery(village_id=village_id, search=args.search, year=year, deleted=args.deleted)
        total = hh.count_households(st.db, q)
        rows = hh.fetch_households(st.db, q, 0, max(total, 1))
    finally:
        st.close()
    if args.json:
        out = {"year": year, "count": len(rows), "households": [_household_json(r) for r in rows]}
        print(json.dumps(out, ensure_ascii=False))
        return 0
    for r in rows:
        head = r.head_name or say("(chưa có chủ hộ)", "(no head yet)")
        print(f"{r.code}  {r.village}  {head} — {r.members} {say('nhân khẩu', 'persons')}  [{r.id}]")
    what = say("Đã xóa", "Deleted") if args.deleted else say("Tổng", "Total")
    print(f"{what}: {len(rows)} {say('hộ', 'households')}.")
    return 0


def _confirm_delete(row: Any) -> None:
    if os.environ.get("ANTQ_LANG", "vi") == "en":
        question = (
            f"Delete household {row.code} ({row.head_name}, {row.village}) with {row.members} members? [y/N] "
        )
    else:
        question = (
            f"Xóa hộ {row.code} ({row.head_name or 'chưa có chủ hộ'}, {row.village}) "
            f"cùng {row.members} nhân khẩu? [c/K] "
        )
    if not sys.stdin.isatty():
        raise UserError(
            f"Chưa xóa hộ {row.code}: lệnh xóa cần xác nhận, hãy thêm --yes khi chạy không tương tác.",
            f"Household {row.code} not deleted: deleting needs confirmation, add --yes when not interactive.",
        )
    try:
        answer = input(question).strip().lower()
    except EOFError:
        answer = ""
    if answer not in ("c", "có", "co", "y", "yes"):
        raise UserError(f"Chưa xóa hộ {row.code}.", f"Household {row.code} not deleted.")


def cmd_households_delete(args: argparse.Namespace) -> int:
    """``delete`` (the members go with the household) and ``restore`` (exactly those come back)."""
    from ..services import households as hh

    restoring = args.households_command == "restore"

    def run() -> int:
        st = _open(args)
        try:
            row = hh.household_by_ref(st.db, args.household, include_deleted=restoring)
            if restoring:
                if not hh.get_household(st.db, row.id).deleted:
                    raise UserError(
                        f"Hộ {row.code} chưa bị xóa: không có gì để khôi phục.",
                        f"Household {row.code} is not deleted: nothing to restore.",
                    )
                hh.restore_households(st.db, [row.id])
                row = hh.household_by_ref(st.db, row.id)  # members counted now they are back
            else:
                if not args.yes:
                    _confirm_delete(row)
                hh.delete_households(st.db, [row.id])
        finally:
            st.close()
        if args.json:
            out = {"id": row.id, "code": row.code, "deleted": not restoring, "members": row.members}
            print(json.dumps(out, ensure_ascii=False))
        elif restoring:
            print(
                say(
                    f"Đã khôi phục hộ {row.code} ({row.head_name}) cùng {row.members} nhân khẩu.",
                    f"Household {row.code} ({row.head_name}) restored with its {row.members} persons.",
                )
            )
        else:
            print(
                say(
                    f"Đã xóa hộ {row.code} ({row.head_name}) cùng {row.members} nhân khẩu; "
                    f"khôi phục bằng 'antq households restore {row.id}'.",
                    f"Household {row.code} ({row.head_name}) deleted with its {row.members} persons; "
                    f"bring it back with 'antq households restore {row.id}'.",
                )
            )
        return 0

    return _writing(args, run)


def cmd_households(args: argparse.Namespace) -> int:
    if args.households_command == "import":
        return cmd_households_import(args)
    if args.households_command == "list":
        return cmd_households_list(args)
    if args.households_command in ("delete", "restore"):
        return cmd_households_delete(args)
    return cmd_households_export(args)

"""``antq assessments …``: the yearly "An toàn về ANTT" assessments of TT 124/2021, without Qt.

* ``village --year Y [--json]`` — each village: registered, criterion 1 (households residing, signed,
  away), the checklist, the result;
* ``commune --year Y [--json]`` — Điều 5: the commune's own criteria, every unit (villages and the
  offices, businesses, schools) registered, the share recognised against the threshold;
* ``units add|list|delete`` — the commune's offices, businesses and schools;
* ``set --year Y (--village V | --unit U | --commune) …`` — record a registration, ticks, a result;
* ``certificate --year Y -o FILE.pdf [--unit U | --village V]`` — the Giấy công nhận of each
  recognised unit.

Registered by ``cli/dispatch.py`` (``add_parser``, ``cmd_assessments``); the same contract as the other commands:
exit 0 ok, 1 with one sentence for bad input, ``--json`` keys stable (add, never rename).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..domain import safety_standard as rules
from ..domain.text import fold
from ..services.errors import UserError
from .common import _open, _writing, valid_year
from .text import HELP_EN, LocalParser, language, percent, say

RESULT_CHOICES = ("none", "proposed", "recognised", "not_recognised")


def add_parser(sub: Any, parser_class: type[argparse.ArgumentParser] = LocalParser) -> None:
    """Register ``antq assessments`` on the main parser's subcommands."""
    ap = sub.add_parser("assessments", help="đánh giá “An toàn về ANTT” hằng năm (TT 124): thôn, đơn vị, xã")
    asub = ap.add_subparsers(dest="assessments_command", required=True, parser_class=parser_class)

    village = asub.add_parser("village", help="kết quả đánh giá từng thôn, tổ dân phố trong năm")
    village.add_argument("--year", type=int, required=True, help="năm đánh giá, ví dụ 2026")
    village.add_argument("--json", action="store_true", help="in dạng JSON")

    commune = asub.add_parser("commune", help="đánh giá xã (Điều 5): tiêu chí của xã và tỷ lệ 70 %% đơn vị")
    commune.add_argument("--year", type=int, required=True, help="năm đánh giá, ví dụ 2026")
    commune.add_argument("--json", action="store_true", help="in dạng JSON")

    units = asub.add_parser("units", help="cơ quan, doanh nghiệp, cơ sở giáo dục trên địa bàn xã")
    usub = units.add_subparsers(dest="units_command", required=True, parser_class=parser_class)
    add = usub.add_parser("add", help="thêm một cơ quan, doanh nghiệp hoặc cơ sở giáo dục")
    add.add_argument("--name", required=True, help="tên đơn vị")
    add.add_argument(
        "--kind",
        required=True,
        choices=tuple(rules.UNIT_KINDS),
        help="loại: co_quan | doanh_nghiep | co_so_giao_duc",
    )
    add.add_argument("--village", help="thôn, tổ dân phố nơi đơn vị đóng (tên)")
    add.add_argument("--address", default="", help="địa chỉ")
    ls = usub.add_parser("list", help="danh sách cơ quan, doanh nghiệp, cơ sở giáo dục")
    ls.add_argument("--json", action="store_true", help="in dạng JSON")
    rm = usub.add_parser("delete", help="xóa một đơn vị khỏi danh sách (khôi phục được)")
    rm.add_argument("unit", metavar="UNIT", help="tên hoặc mã (id) của đơn vị")

    st = asub.add_parser("set", help="ghi đăng ký, tiêu chí đạt và kết quả của một thôn, đơn vị hoặc của xã")
    st.add_argument("--year", type=int, required=True, help="năm đánh giá, ví dụ 2026")
    who = st.add_mutually_exclusive_group(required=True)
    who.add_argument("--village", help="thôn, tổ dân phố (tên)")
    who.add_argument("--unit", help="cơ quan, doanh nghiệp, cơ sở giáo dục (tên hoặc mã)")
    who.add_argument("--commune", action="store_true", help="chính xã (các tiêu chí của xã, Điều 5)")
    st.add_argument(
        "--registered", choices=("yes", "no"), help="đã đăng ký xây dựng “An toàn về ANTT”: yes | no"
    )
    st.add_argument(
        "--criteria",
        help="tiêu chí đạt: all | none | các mã cách nhau bởi dấu phẩy (các mã khác coi là chưa đạt)",
    )
    st.add_argument(
        "--result", choices=RESULT_CHOICES, help="kết quả: none | proposed | recognised | not_recognised"
    )
    st.add_argument("--decision-number", help="số quyết định công nhận, ví dụ 25/QĐ-UBND")
    st.add_argument("--decision-date", help="ngày quyết định công nhận, dạng YYYY-MM-DD")
    st.add_argument("--json", action="store_true", help="in dạng JSON")

    cert = asub.add_parser(
        "certificate", help="in Giấy công nhận (PDF) cho các đơn vị được công nhận trong năm"
    )
    cert.add_argument("--year", type=int, required=True, help="năm đánh giá, ví dụ 2026")
    cert.add_argument("-o", "--output", required=True, help="tệp PDF cần ghi")
    one = cert.add_mutually_exclusive_group()
    one.add_argument("--unit", help="chỉ một cơ quan, doanh nghiệp, cơ sở giáo dục (tên hoặc mã)")
    one.add_argument("--village", help="chỉ một thôn, tổ dân phố (tên)")


HELP_EN.update(
    {
        "đánh giá “An toàn về ANTT” hằng năm (TT 124): thôn, đơn vị, xã": (
            "the yearly safety assessment (TT 124): villages, units, the commune"
        ),
        "kết quả đánh giá từng thôn, tổ dân phố trong năm": "each village's assessment for a year",
        "năm đánh giá, ví dụ 2026": "assessment year, e.g. 2026",
        "đánh giá xã (Điều 5): tiêu chí của xã và tỷ lệ 70 %% đơn vị": (
            "the commune's assessment (article 5): its own criteria and the 70 %% of units"
        ),
        "cơ quan, doanh nghiệp, cơ sở giáo dục trên địa bàn xã": "the offices, businesses and schools of the commune",
        "thêm một cơ quan, doanh nghiệp hoặc cơ sở giáo dục": "add an office, business or school",
        "tên đơn vị": "the unit's name",
        "loại: co_quan | doanh_nghiep | co_so_giao_duc": "kind: co_quan | doanh_nghiep | co_so_giao_duc",
        "thôn, tổ dân phố nơi đơn vị đóng (tên)": "the village where the unit stands (name)",
        "địa chỉ": "address",
        "danh sách cơ quan, doanh nghiệp, cơ sở giáo dục": "list the offices, businesses and schools",
        "xóa một đơn vị khỏi danh sách (khôi phục được)": "remove a unit from the list (can be restored)",
        "tên hoặc mã (id) của đơn vị": "the unit's name or id",
        "ghi đăng ký, tiêu chí đạt và kết quả của một thôn, đơn vị hoặc của xã": (
            "record the registration, criteria met and result of a village, a unit or the commune"
        ),
        "thôn, tổ dân phố (tên)": "village (name)",
        "cơ quan, doanh nghiệp, cơ sở giáo dục (tên hoặc mã)": "office, business or school (name or id)",
        "chính xã (các tiêu chí của xã, Điều 5)": "the commune itself (its own criteria, article 5)",
        "đã đăng ký xây dựng “An toàn về ANTT”: yes | no": "registered for the safety standard: yes | no",
        "tiêu chí đạt: all | none | các mã cách nhau bởi dấu phẩy (các mã khác coi là chưa đạt)": (
            "criteria met: all | none | codes separated by commas (the others count as not met)"
        ),
        "kết quả: none | proposed | recognised | not_recognised": "result: none | proposed | recognised | not_recognised",
        "số quyết định công nhận, ví dụ 25/QĐ-UBND": "the recognition decision's number, e.g. 25/QD-UBND",
        "ngày quyết định công nhận, dạng YYYY-MM-DD": "the recognition decision's date, as YYYY-MM-DD",
        "in Giấy công nhận (PDF) cho các đơn vị được công nhận trong năm": (
            "print the recognition papers (PDF) of the units recognised in the year"
        ),
        "tệp PDF cần ghi": "the PDF file to write",
        "chỉ một cơ quan, doanh nghiệp, cơ sở giáo dục (tên hoặc mã)": "only one office, business or school (name or id)",
        "chỉ một thôn, tổ dân phố (tên)": "only one village (name)",
    }
)


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _decision_day(value: str | None) -> date | None:
    if not value:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    raise UserError(
        f"Ngày {value!r} không đúng dạng YYYY-MM-DD: hãy ghi ví dụ 2026-11-10.",
        f"Date {value!r} is not YYYY-MM-DD: write e.g. 2026-11-10.",
    )


def _village_id(db: Any, name: str) -> str:
    from ..services import households as hh

    wanted = fold(name)
    hits = [vid for vid, n in hh.villages(db) if fold(n) == wanted or vid == name.strip()]
    if len(hits) != 1:
        raise UserError(
            f"Không có thôn, tổ dân phố “{name}”: hãy ghi đúng tên như trong danh sách của xã.",
            f"No village {name!r}: write its name as the commune's list has it.",
        )
    return hits[0]


def _commune_only(st: Any) -> Any:
    """The station, if it is a commune's: the upper level's hub holds many communes' units, no one's own."""
    from ..services.station import unit_summary

    if unit_summary(st.db)["role"] == "hub":
        st.close()
        raise UserError(
            "Máy tổng hợp của cấp trên không đánh giá thay xã: hãy chạy lệnh này trên máy của xã.",
            "The upper level's hub does not assess for a commune: run this on the commune's station.",
        )
    return st


def _ticks(codes: list[str], given: str | None, current: dict[str, bool]) -> dict[str, bool]:
    """--criteria all | none | a,b: the checklist's ticks (unchanged when not given)."""
    if given is None:
        return {c: bool(current.get(c)) for c in codes}
    text = given.strip()
    if text == "all":
        return dict.fromkeys(codes, True)
    if text == "none":
        return dict.fromkeys(codes, False)
    chosen = {c.strip() for c in text.split(",") if c.strip()}
    unknown = sorted(chosen - set(codes))
    if unknown:
        raise UserError(
            f"Không có tiêu chí mã “{unknown[0]}”: các mã là {', '.join(codes)}.",
            f"No criterion {unknown[0]!r}: the codes are {', '.join(codes)}.",
        )
    return {c: c in chosen for c in codes}


def _result(args: argparse.Namespace, current: str) -> str:
    if args.result is None:
        return current
    return "" if args.result == "none" else str(args.result)


# -- read -------------------------------------------------------------------------------------


def _villages(args: argparse.Namespace) -> int:
    from ..services import assessments as asm

    year = valid_year(args.year)
    st = _commune_only(_open(args))
    try:
        rows = asm.list_assessments(st.db, year)
    finally:
        st.close()
    if args.json:
        _print_json({"year": year, "villages": [r.to_dict() for r in rows]})
        return 0
    for r in rows:
        print(_village_line(r))
    print(say(f"{len(rows)} thôn, tổ dân phố; năm {year}.", f"{len(rows)} villages; {year}."))
    return 0


def _result_label(result: str) -> str:
    from ..services import assessments as asm

    labels = asm.RESULT_LABELS_EN if language() == "en" else asm.RESULT_LABELS
    return labels.get(result, result)


def _kind_label(kind: str) -> str:
    return (rules.KIND_LABELS_EN if language() == "en" else rules.KIND_LABELS).get(kind, kind)


def _village_line(r: Any) -> str:
    """One village of ``antq assessments village``: registered, criterion 1, the checklist, the result."""
    c1 = r.criterion1
    if language() == "en":
        away = f", {c1.absent} away" if c1.absent else ""
        return (
            f"{r.village}: {'registered' if r.registered else 'not registered'}; {c1.signed}/{c1.residing} "
            f"residing households registered{away}; "
            f"{'all criteria met' if not r.unmet else f'{len(r.unmet)} conditions not met'}; "
            f"{_result_label(r.result)}"
        )
    away = f", {c1.absent} hộ vắng" if c1.absent else ""
    return (
        f"{r.village}: {'đã' if r.registered else 'chưa'} đăng ký; {c1.signed}/{c1.residing} hộ đang cư trú "
        f"đăng ký{away}; {'đủ tiêu chí' if not r.unmet else f'{len(r.unmet)} điều kiện chưa đạt'}; "
        f"{_result_label(r.result)}"
    )


def _commune(args: argparse.Namespace) -> int:
    from ..services import assessments as asm

    year = valid_year(args.year)
    st = _commune_only(_open(args))
    try:
        s = asm.commune_summary(st.db, year)
    finally:
        st.close()
    if args.json:
        _print_json(s.to_dict())
        return 0
    print(
        say(
            f"Năm {year}: {s.units} đơn vị ({s.villages} khu dân cư, {s.other_units} cơ quan, doanh nghiệp, cơ "
            f"sở giáo dục); {s.registered} đăng ký; {s.recognised} được công nhận ({percent(s.percent)}, cần "
            f"{s.needed} — {percent(s.threshold_pct)}).",
            f"{year}: {s.units} units ({s.villages} residential areas, {s.other_units} offices, businesses and "
            f"schools); {s.registered} registered; {s.recognised} recognised ({percent(s.percent)}, "
            f"{s.needed} needed — {percent(s.threshold_pct)}).",
        )
    )
    english = language() == "en"
    for c in s.checklist:
        print(
            f"  [{'x' if s.criteria.get(c['code']) else ' '}] {c['code']}: {rules.criterion_label(c, english)}"
        )
    if s.meets_standard:
        print(
            say(
                "Xã đủ điều kiện đề nghị công nhận “An toàn về ANTT”.",
                "The commune meets every condition to be proposed for the safety standard.",
            )
        )
    else:
        print(
            say(
                f"Xã chưa đủ điều kiện: {'; '.join(s.unmet)}.",
                f"The commune does not qualify yet: {'; '.join(s.unmet_en)}.",
            )
        )
    return 0


def _units(args: argparse.Namespace) -> int:
    from ..services import assessments as asm

    if args.units_command == "list":
        st = _commune_only(_open(args))
        try:
            rows = asm.list_units(st.db)
        finally:
            st.close()
        if args.json:
            _print_json({"units": [u.to_dict() for u in rows]})
        else:
            for u in rows:
                where = ", ".join(p for p in (u.address, u.village) if p)
                print(f"{u.id}  {_kind_label(u.kind)}: {u.name}" + (f" ({where})" if where else ""))
            print(
                say(
                    f"{len(rows)} cơ quan, doanh nghiệp, cơ sở giáo dục.",
                    f"{len(rows)} offices, businesses and schools.",
                )
            )
        return 0

    def run() -> int:
        st = _commune_only(_open(args))
        try:
            if args.units_command == "add":
                village = _village_id(st.db, args.village) if args.village else None
                uid = asm.save_unit(
                    st.db, asm.UnitDraft(args.name, args.kind, village_id=village, address=args.address)
                )
                kind, name = _kind_label(args.kind).lower(), args.name.strip()
                print(say(f"Đã thêm {kind} “{name}” ({uid}).", f"Added {kind} “{name}” ({uid})."))
            else:
                uid = asm.resolve_unit(st.db, args.unit)
                asm.delete_unit(st.db, uid)
                print(
                    say(
                        f"Đã xóa đơn vị {uid} khỏi danh sách (khôi phục được).",
                        f"Unit {uid} removed from the list (it can be restored).",
                    )
                )
            return 0
        finally:
            st.close()

    return _writing(args, run)


# -- write ------------------------------------------------------------------------------------


def _set(args: argparse.Namespace) -> int:
    from ..services import assessments as asm

    year = valid_year(args.year)
    decided_on = _decision_day(args.decision_date)

    def run() -> int:
        st = _commune_only(_open(args))
        try:
            db = st.db
            if args.commune:
                s = asm.commune_summary(db, year)
                rid = asm.save_commune_assessment(
                    db,
                    asm.CommuneDraft(
                        year,
                        criteria=_ticks([c["code"] for c in s.checklist], args.criteria, s.criteria),
                        result=_result(args, s.result),
                        decision_number=args.decision_number or s.decision_number,
                        decision_on=decided_on or s.decision_on,
                    ),
                )
                label, out = say("xã", "the commune"), asm.commune_summary(db, year).to_dict()
            elif args.village:
                vid = _village_id(db, args.village)
                row = next(r for r in asm.list_assessments(db, year) if r.village_id == vid)
                rid = asm.save_assessment(
                    db,
                    asm.AssessmentDraft(
                        vid,
                        year,
                        registered=row.registered if args.registered is None else args.registered == "yes",
                        criteria=_ticks(list(row.criteria), args.criteria, row.criteria),
                        meeting_id=row.meeting_id,
                        result=_result(args, row.result),
                        decision_number=args.decision_number or row.decision_number,
                        decision_on=decided_on or row.decision_on,
                        id=row.id,
                    ),
                )
                label = row.village
                out = next(r for r in asm.list_assessments(db, year) if r.village_id == vid).to_dict()
            else:
                uid = asm.resolve_unit(db, args.unit)
                unit_row = next(r for r in asm.list_unit_assessments(db, year) if r.unit.id == uid)
                draft = unit_row.draft()
                if args.registered is not None:
                    draft.registered = args.registered == "yes"
                draft.criteria = _ticks(list(unit_row.criteria), args.criteria, unit_row.criteria)
                draft.result = _result(args, unit_row.result)
                draft.decision_number = args.decision_number or unit_row.decision_number
                draft.decision_on = decided_on or unit_row.decision_on
                rid = asm.save_unit_assessment(db, draft)
                label = unit_row.unit.name
                out = next(r for r in asm.list_unit_assessments(db, year) if r.unit.id == uid).to_dict()
        finally:
            st.close()
        if args.json:
            _print_json({"id": rid, "assessment": out})
        else:
            print(
                say(
                    f"Đã ghi đánh giá năm {year} của {label} ({rid}); bản ghi sẽ đi theo gói dữ liệu lên cấp trên.",
                    f"The {year} assessment of {label} is saved ({rid}); it travels up with the next bundle.",
                )
            )
        return 0

    return _writing(args, run)


def _certificate(args: argparse.Namespace) -> int:
    year = valid_year(args.year)
    out = Path(args.output).expanduser()
    if out.suffix.lower() != ".pdf":
        raise UserError("Tệp ra phải có đuôi .pdf.", "The output file must end in .pdf.")
    from ..papers.recognition import write_recognitions
    from ..services import assessments as asm

    st = _commune_only(_open(args))
    try:
        only = None
        if args.unit:
            only = asm.resolve_unit(st.db, args.unit)
        elif args.village:
            only = _village_id(st.db, args.village)
        try:
            papers, pages = write_recognitions(st.db, year, out, unit_id=only)
        except OSError as exc:
            raise UserError(
                f"Không ghi được tệp {out.name} ({exc.strerror or exc}): hãy chọn nơi khác.",
                f"Cannot write {out.name} ({exc.strerror or exc}).",
            ) from exc
    finally:
        st.close()
    print(
        say(
            f"Đã ghi {papers} Giấy công nhận “An toàn về ANTT” năm {year} ({pages} trang): {out}",
            f"Safety standard recognition papers of {year} written: {papers} ({pages} pages): {out}",
        )
    )
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "village": _villages,
    "commune": _commune,
    "units": _units,
    "set": _set,
    "certificate": _certificate,
}


def cmd_assessments(args: argparse.Namespace) -> int:
    return HANDLERS[args.assessments_command](args)

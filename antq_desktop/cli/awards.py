"""``antq awards``: decisions, certificates, templates, checking a certificate."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from ..services.errors import UserError
from .common import _open, _writing, valid_year
from .text import day, language, say


def add_parser(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    a = sub.add_parser("awards", help="khen thưởng: quyết định, in giấy khen, kiểm tra giấy khen")
    asub = a.add_subparsers(dest="awards_command", required=True, parser_class=parser_class)
    ls = asub.add_parser("list", help="các quyết định khen thưởng với số người được khen và số lần in")
    ls.add_argument("--year", type=int, help="chỉ các quyết định ký trong năm này")
    ls.add_argument("--json", action="store_true", help="in dạng JSON (kèm danh sách người được khen)")
    cert = asub.add_parser("certificates", help="giấy khen của mọi người trong một quyết định ra một tệp PDF")
    cert.add_argument("decision", help="mã (id) hoặc số quyết định, ví dụ 15/QĐ-UBND")
    cert.add_argument(
        "--mode", choices=("full", "blank"), default="full", help="full: in cả trang; blank: in lên phôi"
    )
    cert.add_argument(
        "--template",
        help="tên mẫu khác (ví dụ giay_khen_a3); máy nhớ mẫu đã chọn cho lần in sau (mặc định A4)",
    )
    cert.add_argument("-o", "--output", required=True, help="tệp .pdf cần ghi")
    tpl = asub.add_parser(
        "template-add", help="thêm (hoặc thay) mẫu giấy khen từ tệp .json; mẫu đi theo gói dữ liệu tới các xã"
    )
    tpl.add_argument("file", help="tệp mẫu .json (cùng dạng các tệp trong resources/certificates)")
    dec = asub.add_parser(
        "decision", help="quyết định khen thưởng và danh sách kèm theo ra tệp PDF hoặc Word"
    )
    dec.add_argument("decision", help="mã (id) hoặc số quyết định, ví dụ 15/QĐ-UBND")
    dec.add_argument("-o", "--output", required=True, help="tệp .pdf hoặc .docx cần ghi")
    iss = asub.add_parser("issue", help="ban hành quyết định khen thưởng (cấp số hiệu giấy khen, khóa sửa)")
    iss.add_argument("decision", help="mã (id) hoặc số quyết định, ví dụ 15/QĐ-UBND")
    iss.add_argument(
        "--yes", action="store_true", help="xác nhận ban hành cả khi quyết định không có dòng “Căn cứ …” nào"
    )
    med = asub.add_parser(
        "medal-proposal",
        help="tờ trình đề nghị tặng Kỷ niệm chương và danh sách trích ngang ra tệp PDF hoặc Word",
    )
    med.add_argument(
        "--year", type=int, required=True, help="năm đề nghị (thời gian công tác tính đến ngày 19/8 năm đó)"
    )
    med.add_argument("-o", "--output", required=True, help="tệp .pdf hoặc .docx cần ghi")
    ver = asub.add_parser("verify", help="kiểm tra giấy khen: nội dung mã QR hoặc số hiệu")
    ver.add_argument("text", help="nội dung mã QR (đặt trong ngoặc kép) hoặc số hiệu giấy khen")
    ver.add_argument("--json", action="store_true", help="in dạng JSON")


def cmd_awards(args: argparse.Namespace) -> int:
    run = {
        "list": _awards_list,
        "verify": _awards_verify,
        "template-add": _awards_template_add,
        "decision": _awards_decision,
        "issue": _awards_issue,
        "medal-proposal": _awards_medal_proposal,
    }.get(args.awards_command, _awards_certificates)
    return run(args)


def _awards_list(args: argparse.Namespace) -> int:
    from ..services import awards as aw

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
                print(_decision_line(r))
            print(say(f"{len(rows)} quyết định khen thưởng.", f"{len(rows)} award decisions."))
        return 0
    finally:
        st.close()


def _decision_line(r: Any) -> str:
    """One decision of ``antq awards list``: number, day, form, status, people, prints."""
    from ..domain import award_rules as rules
    from ..services.awards.verify_text import form_en

    when = day(r.decided_on) if r.decided_on else say("--/--/----", "----------")
    if language() == "en":
        status = rules.STATUS_LABELS_EN.get(r.status, r.status)
        return (
            f"{r.id}  {r.number or 'draft':<16} {when}  {form_en(r.form)} — {status}, "
            f"{r.recipients} people/groups, printed {r.printed} times"
        )
    return (
        f"{r.id}  {r.number or 'dự thảo':<16} {when}  {r.form_label} — {r.status_label}, "
        f"{r.recipients} người/tập thể, in {r.printed} lần"
    )


def _awards_verify(args: argparse.Namespace) -> int:
    from ..services import awards as aw

    st = _open(args)
    try:
        result = aw.verify(st.db, args.text)
        issuer = aw.certificate_issuer(st.db, result.award)
    finally:
        st.close()
    if args.json:
        print(json.dumps({**result.to_dict(), "issuer": issuer}, ensure_ascii=False))
    elif language() == "en":
        _print_verification_en(result, issuer)
    else:
        print(f"{result.label}: {result.message_vi}")
        for key, value in result.fields.items():
            if key in aw.FIELD_LABELS and key != "form":  # "form" is the code (GK); form_label says it
                print(f"  {aw.FIELD_LABELS[key]}: {value}")
        if issuer:
            print(f"  cơ quan cấp: {issuer}")
        for note in result.notes:
            print(f"  ! {note}")
    return 0 if result.status == "genuine" else 3


def _print_verification_en(result: Any, issuer: str) -> None:
    from ..domain import award_rules as rules
    from ..services import awards as aw
    from ..services.awards.verify_text import form_en, iso_day

    print(f"{aw.VERIFY_LABELS_EN[result.status]}: {result.message_en}")
    for key, value in result.fields.items():
        if key in aw.FIELD_LABELS_EN and key != "form":
            if key == "form_label":
                value = form_en(rules.FORM_BY_CODE.get(result.fields.get("form", ""), ""))
            elif key == "date":
                value = iso_day(value)
            print(f"  {aw.FIELD_LABELS_EN[key]}: {value}")
    if issuer:
        print(f"  issued by: {issuer}")
    for note in result.notes_en:
        print(f"  ! {note}")


def _awards_template_add(args: argparse.Namespace) -> int:
    from ..papers import certificates

    def add() -> int:
        st = _open(args)
        try:
            t = certificates.add_template_file(st.db, Path(args.file).expanduser())
        finally:
            st.close()
        print(
            say(
                f"Đã lưu mẫu giấy khen “{t.label}” ({t.name}); mẫu sẽ đi theo gói dữ liệu tới.",
                f"Certificate template “{t.label}” ({t.name}) saved; it travels with the next bundle.",
            )
        )
        return 0

    return _writing(args, add)


def _awards_certificates(args: argparse.Namespace) -> int:
    from ..papers import certificates
    from ..services import awards as aw

    out = Path(args.output).expanduser()
    if out.suffix.lower() != ".pdf":
        raise UserError("Tệp ra phải có đuôi .pdf.", "The output file must end in .pdf.")

    def run() -> int:
        st = _open(args)
        try:
            decision_id = aw.resolve_decision(st.db, args.decision)
            detail = aw.get_decision(st.db, decision_id)
            mode = "full" if args.mode == "full" else "blank"
            template = args.template or aw.certificate_template(st.db, mode)
            pages = certificates.write_certificates(
                st.db,
                decision_id,
                out,
                mode=args.mode,
                template=template,
                record=True,
                printed_by="antq (dòng lệnh)",
            )
            aw.set_certificate_template(st.db, mode, template)
        finally:
            st.close()
        if detail.status != "issued":
            note = say(
                "bản nháp (quyết định chưa ban hành, không ghi sổ in)",
                "a test print: the decision is not issued, nothing entered in the print register",
            )
        else:
            note = say("đã ghi vào sổ in giấy khen", "entered in the certificate print register")
        number = detail.number or say("dự thảo", "draft")
        print(
            say(
                f"Đã ghi {pages} giấy khen của quyết định {number} ({note}): {out}",
                f"Certificates of decision {number} written: {pages} ({note}): {out}",
            )
        )
        return 0

    return _writing(args, run)  # the print register is written with the file


def _awards_decision(args: argparse.Namespace) -> int:
    from ..papers import decisions
    from ..services import awards as aw

    out = Path(args.output).expanduser()
    if out.suffix.lower() not in (".pdf", ".docx"):
        raise UserError("Tệp ra phải có đuôi .pdf hoặc .docx.", "The output file must end in .pdf or .docx.")
    st = _open(args)
    try:
        decision_id = aw.resolve_decision(st.db, args.decision)
        detail = aw.get_decision(st.db, decision_id)
        decisions.write_decision_file(st.db, decision_id, out)
        warn = not detail.decision.bases
    finally:
        st.close()
    note = say(" (dự thảo)", " (draft)") if detail.status != "issued" else ""
    number = detail.number or say("dự thảo", "draft")
    print(say(f"Đã ghi quyết định {number}{note}: {out}", f"Decision {number}{note} written: {out}"))
    if warn:
        print(
            say(
                "Lưu ý: quyết định không có dòng “Căn cứ …” nào.",
                "Note: the decision has no line of legal bases.",
            )
        )
    return 0


def _awards_issue(args: argparse.Namespace) -> int:
    from ..services import awards as aw

    def run() -> int:
        st = _open(args)
        try:
            decision_id = aw.resolve_decision(st.db, args.decision)
            serials = aw.issue_decision(st.db, decision_id, without_bases=args.yes)
            detail = aw.get_decision(st.db, decision_id)
        finally:
            st.close()
        print(
            say(
                f"Đã ban hành quyết định {detail.number}: {len(serials)} giấy khen có số hiệu.",
                f"Decision {detail.number} issued; certificates given a serial number: {len(serials)}.",
            )
        )
        return 0

    return _writing(args, run)


def _awards_medal_proposal(args: argparse.Namespace) -> int:
    from ..papers import medal_proposal

    year = valid_year(args.year)
    out = Path(args.output).expanduser()
    if out.suffix.lower() not in (".pdf", ".docx"):
        raise UserError("Tệp ra phải có đuôi .pdf hoặc .docx.", "The output file must end in .pdf or .docx.")
    st = _open(args)
    try:
        _kind, people = medal_proposal.write_medal_proposal(st.db, year, out)
    finally:
        st.close()
    print(
        say(
            f"Đã ghi tờ trình đề nghị tặng Kỷ niệm chương năm {year} ({people} người): {out}",
            f"The {year} medal proposal written ({people} people): {out}",
        )
    )
    return 0

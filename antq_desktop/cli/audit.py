"""``antq audit``: check the log's chain, list it, export it to Excel."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .common import _day, _open, _print_json
from .text import number, say


def add_parser(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
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


def cmd_audit(args: argparse.Namespace) -> int:
    from ..services import audit

    st = _open(args)
    try:
        if args.audit_command == "verify":
            report = audit.verify_chain(st.db)
            if args.json:
                _print_json(report.as_dict())
            elif report.ok:
                head = report.head.hash[:16]
                print(
                    say(
                        f"Nhật ký nguyên vẹn: {number(report.entries)} mục, mã cuối {head}….",
                        f"The audit log is intact: {number(report.entries)} entries, last hash {head}….",
                    )
                )
                for vi, en in zip(report.notes, report.notes_en, strict=True):
                    print(f"  {say(vi, en)}")
            else:  # a changed entry, or a cut tail: "the last N entries after #M are gone"
                print(say(report.problem_vi, report.problem_en))
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
            print(say(f"Đã xuất {n} mục nhật ký: ", f"Exported {n} audit entries: ") + str(args.output))
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

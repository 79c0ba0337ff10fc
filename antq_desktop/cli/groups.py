"""``antq groups``: list and rosters."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from ..services.errors import UserError
from .common import _open
from .text import say


def add_parser(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    g = sub.add_parser("groups", help="tổ tự quản, mô hình: danh sách, danh sách thành viên")
    gsub = g.add_subparsers(dest="groups_command", required=True, parser_class=parser_class)
    ls = gsub.add_parser("list", help="các tổ, mô hình với số thành viên hiện tại")
    ls.add_argument("--json", action="store_true", help="in dạng JSON")
    ls.add_argument("--all", action="store_true", help="kể cả tổ đã sáp nhập, giải thể")
    roster = gsub.add_parser("roster", help="danh sách thành viên của một tổ ra PDF hoặc Excel")
    roster.add_argument("group_id", help="mã (id) của tổ, xem 'antq groups list --json'")
    roster.add_argument("-o", "--output", required=True, help="tệp .pdf hoặc .xlsx cần ghi")
    roster.add_argument("--current-only", action="store_true", help="chỉ những người đang là thành viên")


def cmd_groups(args: argparse.Namespace) -> int:
    from ..services import groups as gs

    st = _open(args)
    try:
        if args.groups_command == "list":
            rows = gs.list_groups(st.db, gs.GroupQuery(status=None if args.all else "active"))
            if args.json:
                print(json.dumps({"groups": [r.to_dict() for r in rows]}, ensure_ascii=False))
            else:
                for r in rows:
                    where = r.village or say("toàn xã", "whole commune")
                    print(
                        f"{r.id}  {r.type_name} — {r.name} ({where}): {r.members} {say('thành viên', 'members')}"
                    )
                print(say(f"Tổng: {len(rows)} tổ, mô hình.", f"Total: {len(rows)} groups and models."))
            return 0
        from ..papers import rosters

        out = Path(args.output).expanduser()
        if out.suffix.lower() not in (".pdf", ".xlsx"):
            raise UserError(
                "Tệp ra phải có đuôi .pdf hoặc .xlsx.", "The output file must end in .pdf or .xlsx."
            )
        gs.get_group(st.db, args.group_id)  # a clear sentence for an unknown id
        n = rosters.write_roster_file(st.db, args.group_id, out, include_left=not args.current_only)
        unit = say("trang", "pages") if out.suffix.lower() == ".pdf" else say("thành viên", "members")
        print(f"{say('Đã ghi', 'Written:')} {n} {unit}: {out}")
        return 0
    finally:
        st.close()

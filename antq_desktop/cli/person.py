"""``antq person``: one person's data, exported or erased on request."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..services.errors import UserError
from .common import _open, _writing
from .text import say


def add_parser(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    person = sub.add_parser("person", help="dữ liệu cá nhân của một người: trích xuất, xóa theo yêu cầu")
    psub = person.add_subparsers(dest="person_command", required=True, parser_class=parser_class)
    pe = psub.add_parser("export", help="mọi dữ liệu về một người ra .json hoặc .xlsx")
    pe.add_argument("person_id")
    pe.add_argument("-o", "--output", required=True, help="tệp .json hoặc .xlsx")
    px = psub.add_parser("erase", help="xóa dữ liệu cá nhân của một người (giữ số liệu tổng hợp)")
    px.add_argument("person_id")
    px.add_argument("--reason", default="", help="lý do (ví dụ: theo đơn đề nghị ngày ...)")
    px.add_argument("--yes", action="store_true", help="xác nhận xóa (bắt buộc)")


def cmd_person(args: argparse.Namespace) -> int:
    from ..services import personal_data

    if args.person_command == "export":
        st = _open(args)
        try:
            path = personal_data.export_person(st.db, args.person_id, Path(args.output).expanduser())
        finally:
            st.close()
        print(say("Đã trích xuất dữ liệu của người này: ", "This person's data extracted: ") + str(path))
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

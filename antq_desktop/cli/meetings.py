"""``antq meetings``: list and minutes."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any

from ..services.errors import UserError
from .common import _open, _writing, valid_year
from .text import say


def add_parser(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    m = sub.add_parser("meetings", help="hội nghị, biên bản, ý kiến của Nhân dân")
    msub = m.add_subparsers(dest="meetings_command", required=True, parser_class=parser_class)
    ls = msub.add_parser("list", help="các hội nghị (mặc định: năm nay)")
    ls.add_argument("--year", type=int, help="năm (mặc định: năm nay)")
    ls.add_argument("--json", action="store_true", help="in dạng JSON")
    minutes = msub.add_parser("minutes", help="biên bản của một hội nghị ra PDF hoặc Word (.docx)")
    minutes.add_argument("meeting_id", help="mã (id) hội nghị, xem 'antq meetings list --json'")
    minutes.add_argument("-o", "--output", required=True, help="tệp .pdf hoặc .docx cần ghi")


def cmd_meetings(args: argparse.Namespace) -> int:

    from ..services import meetings as mt

    if args.meetings_command == "list":
        year = valid_year(args.year or date.today().year)
        st = _open(args)
        try:
            rows = mt.list_meetings(st.db, mt.MeetingQuery(year=year), limit=None)
            if args.json:
                print(json.dumps({"year": year, "meetings": [r.to_dict() for r in rows]}, ensure_ascii=False))
            else:
                for r in rows:
                    day = r.starts_at.strftime(say("%d/%m/%Y", "%Y-%m-%d")) if r.starts_at else "?"
                    people = say(
                        f"{r.attendees_total} người, {r.opinions} ý kiến",
                        f"{r.attendees_total} people, {r.opinions} opinions",
                    )
                    print(f"{r.id}  {day}  {r.title} — {people}")
                print(say(f"Năm {year}: {len(rows)} hội nghị.", f"{year}: {len(rows)} meetings."))
            return 0
        finally:
            st.close()

    from ..papers import minutes

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
        print(
            say(f"Đã ghi biên bản số {written.number}: ", f"Minutes no. {written.number} written: ")
            + str(written.path)
        )
        return 0

    return _writing(args, run)  # numbering the minutes writes to the database

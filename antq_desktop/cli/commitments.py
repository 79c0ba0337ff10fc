"""``antq commitments``: coverage and printable forms."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from .common import _open, valid_year
from .text import say


def add_parser(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    cm = sub.add_parser("commitments", help="cam kết hộ gia đình: tỷ lệ ký, in bản cam kết")
    csub = cm.add_subparsers(dest="commitments_command", required=True, parser_class=parser_class)
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
    from ..services import commitments as cm

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
                print(
                    say(
                        f"Tỷ lệ hộ ký cam kết năm {year}:",
                        f"Households that signed the commitment in {year}:",
                    )
                )
                for r in [*rows, total]:
                    mark = "" if r.meets_rule else say("  (chưa đạt 100%)", "  (not yet 100%)")
                    away = (
                        say(f" (không tính {r.absent} hộ vắng)", f" ({r.absent} away not counted)")
                        if r.absent
                        else ""
                    )
                    share = f"{r.share * 100:.1f}"
                    share = say(share.replace(".", ","), share)
                    # Over the households residing there (TT 124): those away (vắng) are left out.
                    name = say(r.village, "Whole commune") if r is total else r.village
                    print(
                        f"  {name}: {r.covered}/{r.residing} {say('hộ', 'households')}{away}, {share}%{mark}"
                    )
            return 0
        from ..papers import commitments as commitment_papers

        village_id, village = cm.village_by_name(st.db, args.village)
        out = Path(args.output).expanduser()
        pages = commitment_papers.write_village_forms(
            st.db, year, village_id, out, reveal_ids=args.show_id_numbers
        )
        print(
            say(
                f"Đã in {pages} trang bản cam kết năm {year} của {village}: {out}",
                f"Printed {pages} pages of the {year} commitment forms of {village}: {out}",
            )
        )
        return 0
    finally:
        st.close()

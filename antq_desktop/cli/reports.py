"""``antq report …``: the movement report for a period, as PDF, Excel or JSON, without Qt.

Kept apart from ``dispatch.py`` (which only registers it) so the reports commands
grow without touching the other areas' commands. Same contract: exit 0 ok,
1 with one sentence for bad input, ``--format json`` keys stable
(:meth:`services.reports.Report.to_dict`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..domain.files import write_text_atomically
from ..services.errors import UserError
from .text import say

FORMATS = ("pdf", "xlsx", "json")


def add_parser(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """Register ``antq report`` on the main parser's subcommands."""
    rp = sub.add_parser("report", help="báo cáo kết quả phong trào theo kỳ: PDF, Excel hoặc JSON")
    rp.add_argument("--period", required=True, help="kỳ báo cáo: 2026 | 2026-H1 | 2026-Q3 | 2026-07")
    rp.add_argument(
        "--format", choices=FORMATS, help="pdf | xlsx | json (mặc định: theo đuôi tệp, không có tệp: json)"
    )
    rp.add_argument("-o", "--output", help="tệp cần ghi (json: bỏ trống để in ra màn hình)")
    rp.add_argument("--definition", default="bao_cao_phong_trao", help="mã mẫu báo cáo (resources/reports)")
    rp.add_argument("--drill", metavar="MÃ_CHỈ_TIÊU", help="liệt kê các bản ghi tạo nên một chỉ tiêu")
    rp.add_argument(
        "--mark-sent", action="store_true", help="ghi nhận đã gửi báo cáo (đi theo gói dữ liệu lên cấp trên)"
    )


def output_format(args: argparse.Namespace, example: str = "baocao") -> str:
    """pdf | xlsx | json from --format or the -o file's suffix (json to the screen when no file)."""
    if args.format:
        fmt = str(args.format)
    elif args.output:
        fmt = Path(args.output).suffix.lstrip(".").lower()
    else:
        fmt = "json"
    if fmt not in FORMATS:
        raise UserError(
            "Tệp báo cáo phải có đuôi .pdf, .xlsx hoặc .json (hoặc dùng --format).",
            "The report file must end in .pdf, .xlsx or .json (or use --format).",
        )
    if fmt in ("pdf", "xlsx") and not args.output:
        raise UserError(
            f"Hãy chỉ tệp cần ghi bằng -o, ví dụ -o {example}.{fmt}.",
            f"Give the file to write with -o (e.g. {example}.{fmt}).",
        )
    return fmt


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def cmd_report(args: argparse.Namespace) -> int:
    """Compute the report for ``--period``; write it, print it, list a figure's records, or mark it sent."""
    from ..services import reports
    from ..services.station import is_set_up
    from .common import _open, _writing

    fmt = output_format(args)

    def run() -> int:
        station = _open(args)
        try:
            if not is_set_up(station.db):
                raise UserError(
                    "Máy này chưa được thiết lập: hãy chạy 'antq init' trước.",
                    "This station is not set up: run 'antq init' first.",
                )
            if args.drill:
                rows = reports.drill(station.db, args.period, args.drill, args.definition)
                _print_json({"indicator": args.drill, "records": [r.to_dict() for r in rows]})
                return 0
            if args.mark_sent:
                sid = reports.mark_sent(station.db, args.period, args.definition)
                print(
                    say(
                        f"Đã ghi nhận gửi báo cáo kỳ {args.period}; báo cáo sẽ đi theo gói dữ liệu tiếp theo ({sid}).",
                        f"Report for {args.period} marked as sent; it travels with the next data bundle ({sid}).",
                    )
                )
                return 0
            if fmt == "json":
                report = reports.compute(station.db, args.period, args.definition)
                text = json.dumps(report.to_dict(), ensure_ascii=False, indent=2)
                if args.output:
                    _write_text(Path(args.output).expanduser(), text + "\n")
                    print(
                        say(f"Đã ghi báo cáo {report.period.label}", f"Report {args.period} written")
                        + f": {args.output}",
                        file=sys.stderr,
                    )
                else:
                    print(text)
                return 0
            from ..papers.reports import write_report

            out = Path(args.output).expanduser()
            report, n = write_report(station.db, args.period, out, fmt=fmt, definition=args.definition)
            unit = say("trang", "pages") if fmt == "pdf" else say("chỉ tiêu", "indicators")
            what = say(f"Đã ghi báo cáo {report.period.label}", f"Report {args.period} written")
            print(f"{what} ({n} {unit}): {out}")
            return 0
        finally:
            station.close()

    return _writing(args, run) if args.mark_sent else run()


def _write_text(target: Path, text: str) -> None:
    try:
        write_text_atomically(target, text)
    except OSError as exc:
        raise UserError(
            f"Không ghi được tệp {target.name} ({exc.strerror or exc}): hãy chọn nơi khác.",
            f"Cannot write {target.name} ({exc.strerror or exc}).",
        ) from exc

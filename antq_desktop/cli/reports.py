"""``antq report …``: the movement report for a period, as PDF, Excel, Word or JSON, without Qt;
``antq reports …``: what only people know, typed for a period, and the report templates.

Kept apart from ``dispatch.py`` (which only registers it) so the reports commands
grow without touching the other areas' commands. Same contract: exit 0 ok,
1 with one sentence for bad input, ``--format json`` keys stable
(:meth:`services.reports.Report.to_dict`).

* ``antq reports set-figure --period P --code C --value V [--note T]`` — a figure typed by hand
  (``--clear`` instead of ``--value`` removes it);
* ``antq reports figures --period P [--definition D] [--json]`` — the indicators typed by hand,
  what was typed, and the narrative sections;
* ``antq reports narrative --period P --section S (--text T | --file F)`` — a narrative section;
* ``antq reports definitions [--json]`` — the report templates, built-in and the data folder's
  (``<data dir>/reports/*.json``), a refused one with its reason.
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

FORMATS = ("pdf", "xlsx", "docx", "json")


def add_parser(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """Register ``antq report`` and ``antq reports`` on the main parser's subcommands."""
    rp = sub.add_parser("report", help="báo cáo kết quả phong trào theo kỳ: PDF, Excel, Word hoặc JSON")
    rp.add_argument("--period", required=True, help="kỳ báo cáo: 2026 | 2026-H1 | 2026-Q3 | 2026-07")
    rp.add_argument(
        "--format",
        choices=FORMATS,
        help="pdf | xlsx | docx | json (mặc định: theo đuôi tệp, không có tệp: json)",
    )
    rp.add_argument("-o", "--output", help="tệp cần ghi (json: bỏ trống để in ra màn hình)")
    rp.add_argument("--definition", default="bao_cao_phong_trao", help=DEFINITION_HELP)
    rp.add_argument("--drill", metavar="MÃ_CHỈ_TIÊU", help="liệt kê các bản ghi tạo nên một chỉ tiêu")
    rp.add_argument(
        "--mark-sent", action="store_true", help="ghi nhận đã gửi báo cáo (đi theo gói dữ liệu lên cấp trên)"
    )
    add_inputs_parser(sub, parser_class)


DEFINITION_HELP = "mã mẫu báo cáo (có sẵn, hoặc tệp <thư mục dữ liệu>/reports/MÃ.json)"
PERIOD_HELP = "kỳ báo cáo: 2026 | 2026-H1 | 2026-Q3 | 2026-07"


def add_inputs_parser(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """Register ``antq reports`` (figures typed by hand, the narrative, the templates)."""
    rp = sub.add_parser("reports", help="số liệu nhập tay, phần nhận xét và các mẫu báo cáo")
    rsub = rp.add_subparsers(dest="reports_command", required=True, parser_class=parser_class)
    sf = rsub.add_parser("set-figure", help="nhập tay số liệu của một chỉ tiêu cho một kỳ")
    sf.add_argument("--period", required=True, help=PERIOD_HELP)
    sf.add_argument("--code", required=True, help="mã chỉ tiêu nhập tay, ví dụ handed_in.parts")
    value = sf.add_mutually_exclusive_group(required=True)
    value.add_argument("--value", help="số liệu (số không âm, ví dụ 12 hoặc 1,5)")
    value.add_argument("--clear", action="store_true", help="xóa số liệu đã nhập (tính lại là 0)")
    sf.add_argument("--note", default="", help="ghi chú kèm số liệu")
    fg = rsub.add_parser("figures", help="các chỉ tiêu nhập tay và phần nhận xét của một kỳ")
    fg.add_argument("--period", required=True, help=PERIOD_HELP)
    fg.add_argument("--definition", default="bao_cao_phong_trao", help=DEFINITION_HELP)
    fg.add_argument("--json", action="store_true", help="in dạng JSON")
    nr = rsub.add_parser(
        "narrative", help="viết một phần nhận xét của báo cáo (đánh giá chung, phương hướng)"
    )
    nr.add_argument("--period", required=True, help=PERIOD_HELP)
    nr.add_argument("--section", required=True, help="mã phần: danh_gia_chung | phuong_huong")
    nr.add_argument("--definition", default="bao_cao_phong_trao", help=DEFINITION_HELP)
    text = nr.add_mutually_exclusive_group(required=True)
    text.add_argument("--text", help="nội dung (để trống: in lại đoạn mẫu)")
    text.add_argument("--file", help="tệp văn bản UTF-8 chứa nội dung")
    df = rsub.add_parser("definitions", help="các mẫu báo cáo: có sẵn và trong thư mục dữ liệu")
    df.add_argument("--json", action="store_true", help="in dạng JSON")


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
            "Tệp báo cáo phải có đuôi .pdf, .xlsx, .docx hoặc .json (hoặc dùng --format).",
            "The report file must end in .pdf, .xlsx, .docx or .json (or use --format).",
        )
    if fmt in ("pdf", "xlsx", "docx") and not args.output:
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
            unit = (
                say("trang", "pages")
                if fmt == "pdf"
                else say("chỉ tiêu", "indicators")
                if fmt == "xlsx"
                else say("dòng số liệu", "lines")
            )
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


def _read_text_file(name: str) -> str:
    path = Path(name).expanduser()
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(
            f"Không đọc được tệp {path.name}: hãy chọn một tệp văn bản mã UTF-8.",
            f"Cannot read {path.name}: give a UTF-8 text file.",
        ) from exc


def _show_figures(db: Any, args: argparse.Namespace) -> int:
    from ..domain.numbers import fmt_number
    from ..services import reports

    p = reports.period(db, args.period)
    d = reports.load_definition(args.definition)
    typed = reports.typed_figures(db, p, d)
    report = reports.compute(db, p, d)
    texts = report.narrative
    if args.json:
        _print_json(
            {
                "period": p.to_dict(),
                "definition": d.code,
                "figures": [f.to_dict() for f in typed],
                "narrative": [n.to_dict() for n in texts],
            }
        )
        return 0
    print(f"Số liệu nhập tay {p.label} (mẫu {d.code}):")
    for f in typed:
        value = "chưa nhập" if f.value is None else f"{fmt_number(f.value, 'vi')} {f.unit}".strip()
        note = f" — {f.note}" if f.note else ""
        print(f"  {f.code}: {f.label}: {value}{note}")
    for n in texts:
        print(f"{n.title} ({'đã viết' if n.typed else 'đoạn mẫu'}):")
        for line in n.text.splitlines():
            print(f"  {line}")
    return 0


def cmd_reports(args: argparse.Namespace) -> int:
    """``antq reports set-figure | figures | narrative | definitions``."""
    from ..services import reports
    from .common import _open

    command = args.reports_command
    text = _read_text_file(args.file) if command == "narrative" and args.file else None

    def run() -> int:
        station = _open(args)
        try:
            db = station.db
            if command == "definitions":
                listed = reports.list_definitions()
                if args.json:
                    folder = reports.user_definitions_dir()
                    _print_json({"folder": str(folder or ""), "definitions": [x.to_dict() for x in listed]})
                    return 0
                for x in listed:
                    where = "có sẵn" if x.origin == "builtin" else x.path
                    print(f"{x.code}: {x.error or x.title} ({where})")
                return 0
            if command == "figures":
                return _show_figures(db, args)
            p = reports.period(db, args.period)
            if command == "set-figure":
                if args.clear:
                    done = reports.clear_figure(db, p, args.code.strip())
                    print(
                        f"Đã xóa số liệu nhập tay {args.code} kỳ {p.label}."
                        if done
                        else f"Chỉ tiêu {args.code} kỳ {p.label} chưa có số liệu nhập tay."
                    )
                    return 0
                value = reports.parse_value(args.value)
                reports.set_figure(db, p, args.code.strip(), value, args.note)
                print(f"Đã ghi số liệu {args.code} kỳ {p.label}: {args.value}.")
                return 0
            body = text if text is not None else args.text
            reports.set_narrative(db, p, args.section.strip(), body, args.definition)
            what = "đoạn mẫu sẽ được in" if not body.strip() else "đã ghi"
            print(f"Phần {args.section} của báo cáo {p.label}: {what}.")
            return 0
        finally:
            station.close()

    from .common import _writing

    return run() if command in ("figures", "definitions") else _writing(args, run)

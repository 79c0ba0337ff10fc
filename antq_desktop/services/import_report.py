"""What an import found, in a form the officer can act on (issue 18).

* :func:`summary_text`: problems grouped by kind, each with its count and the
  first few rows — a page, not one line per row (10,000 bad rows stay under
  5 KB). ``--json`` keeps the full list (:meth:`ValidationReport.to_dict`).
* :func:`write_report`: a copy of the officer's own rows, sheet by sheet, with
  a last column saying what is wrong in each bad row, to fix in Excel and
  import again (the extra column is not a field, so the import ignores it).
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import UserError
from .validation import Finding

if TYPE_CHECKING:  # pragma: no cover
    from .household_import import ImportPlan, WorkbookAnalysis

KINDS_SHOWN = 10
PLACES_SHOWN = 5
VILLAGES_SHOWN = 20
MESSAGE_CHARS = 220
ERROR_HEADER_VI = "Lỗi cần sửa"
ERROR_HEADER_EN = "What to fix"

_QUOTED = re.compile(r"'[^']*'")
_COUNTED = re.compile(r"\s*\(\d+ [^)]*\)")
_ROW_REF = re.compile(r"(dòng|row) \d+")


def kind_of(f: Finding) -> tuple[str, str, str]:
    """Findings that differ only in the value they quote ('…'), a row number or the advice are one kind."""
    text = _ROW_REF.sub(r"\1 …", _COUNTED.sub("", _QUOTED.sub("'…'", f.message_vi)))
    # "What is wrong: what to do" — the part before the colon names the kind.
    return (f.severity, f.field or "", text.split(": ", 1)[0].rstrip(". "))


def _clip(text: str, n: int = MESSAGE_CHARS) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _places(items: list[Finding], en: bool) -> str:
    by_sheet: dict[str, list[int]] = {}
    for f in items:
        if f.row is not None:
            rows = by_sheet.setdefault(f.sheet or "", [])
            if f.row not in rows:
                rows.append(f.row)
    parts: list[str] = []
    shown = 0
    for sheet, rows in by_sheet.items():
        if shown >= PLACES_SHOWN:
            break
        take = rows[: PLACES_SHOWN - shown]
        shown += len(take)
        where = f"{'Sheet' if en else 'Trang'} '{_clip(sheet, 40)}', " if sheet else ""
        word = "row" if en else "dòng"
        parts.append(f"{where}{word} {', '.join(str(r) for r in take)}")
    return "; ".join(parts)


def summarise(findings: Iterable[Finding], lang: str = "vi") -> list[str]:
    """Lines: one per kind of finding, most frequent first."""
    en = lang.startswith("en")
    groups: dict[tuple[str, str, str], list[Finding]] = {}
    for f in findings:
        groups.setdefault(kind_of(f), []).append(f)
    ordered = sorted(groups.values(), key=lambda items: -len(items))
    lines: list[str] = []
    for items in ordered[:KINDS_SHOWN]:
        first = items[0]
        message = _clip(first.message_en if en else first.message_vi)
        rows = len({(f.sheet, f.row) for f in items if f.row is not None})
        if rows:
            count = f"{rows} rows" if en else f"{rows} dòng"
            more = " …" if rows > PLACES_SHOWN else ""
            lines.append(f"  • [{count}] {message}")
            lines.append(f"      {'e.g.' if en else 'ví dụ'}: {_places(items, en)}{more}")
        else:
            lines.append(f"  • {message}")
    rest = len(ordered) - KINDS_SHOWN
    if rest > 0:
        lines.append(
            f"  … and {rest} more kinds (--json or --report lists every row)"
            if en
            else f"  … và {rest} loại nữa (--json hoặc --report liệt kê đủ từng dòng)"
        )
    return lines


def summary_text(plan: ImportPlan, lang: str = "vi") -> str:
    """The preview's and the CLI's summary: errors, warnings, and the file's villages."""
    en = lang.startswith("en")
    report = plan.report
    out: list[str] = []
    errors, warnings = report.errors, report.warnings
    if errors:
        n = len(report.bad_rows())
        out.append(
            f"Errors ({n} rows; fix them before importing):"
            if en
            else f"Lỗi ({n} dòng; phải sửa trước khi nhập):"
        )
        out += summarise(errors, lang)
    if warnings:
        out.append(f"Warnings ({len(warnings)}):" if en else f"Cảnh báo ({len(warnings)}):")
        out += summarise(warnings, lang)
    villages = [fv for fv in plan.villages if fv.action != "match"]
    if villages:
        out.append("Villages in the file:" if en else "Thôn/tổ trong tệp:")
        for fv in villages[:VILLAGES_SHOWN]:
            spell = " / ".join(_clip(s, 40) for s in fv.spellings[:3])
            if fv.action == "create":
                what = f"new: {fv.new_name}" if en else f"tạo mới: {fv.new_name}"
            elif fv.action == "map":
                what = "mapped" if en else "đã ghép"
            else:
                what = "unknown" if en else "chưa có trong xã"
            out.append(f"  • {spell} ({fv.households} {'households' if en else 'hộ'}) → {_clip(what, 80)}")
        if len(villages) > VILLAGES_SHOWN:
            out.append(f"  … {len(villages) - VILLAGES_SHOWN}")
    return "\n".join(out)


def errors_by_row(plan: ImportPlan, lang: str = "vi") -> dict[tuple[str, int], list[str]]:
    en = lang.startswith("en")
    out: dict[tuple[str, int], list[str]] = {}
    for f in plan.report.errors:
        if f.row is not None and f.sheet is not None:
            msgs = out.setdefault((f.sheet, f.row), [])
            text = f.message_en if en else f.message_vi
            if f.column:
                text = f"[{f.column}] {text}"
            if text not in msgs:
                msgs.append(text)
    return out


def write_report(
    plan: ImportPlan, target: str | Path, analysis: WorkbookAnalysis | None = None, lang: str = "vi"
) -> Path:
    """Write the officer's rows with a last column naming what is wrong in each bad row."""
    from openpyxl import Workbook, load_workbook
    from openpyxl.styles import Font, PatternFill

    from .household_import import _READ_ERRORS, _broken

    target = Path(target)
    if target.suffix.lower() != ".xlsx":
        raise UserError(
            f"Tệp báo lỗi phải có đuôi .xlsx (ví dụ loi-{plan.path.stem}.xlsx): hãy đặt lại tên.",
            f"The error file must end in .xlsx (e.g. errors-{plan.path.stem}.xlsx): choose another name.",
        )
    if target.resolve() == plan.path.resolve():
        raise UserError(
            "Tệp báo lỗi không được ghi đè lên tệp đang nhập: hãy đặt tên khác.",
            "The error file must not overwrite the file being imported: choose another name.",
        )
    bad = errors_by_row(plan, lang)
    headers = {s.name: s.header_row for s in analysis.sheets} if analysis is not None else {}
    fill = PatternFill("solid", fgColor="FFF2CC")
    red = Font(color="C00000", bold=True)
    try:
        src = load_workbook(plan.path, read_only=True, data_only=True, keep_links=False)
    except _READ_ERRORS as exc:
        raise _broken(plan.path.name) from exc
    out = Workbook()
    out.remove(out.active)
    try:
        for ws in src.worksheets:
            dst = out.create_sheet(_clip(str(ws.title), 31))
            width = int(ws.max_column or 1)
            header_row = headers.get(str(ws.title))
            rows: list[tuple[Any, ...]] = [tuple(r) for r in ws.iter_rows(values_only=True)]
            width = max([width, *(len(r) for r in rows)]) if rows else width
            col = width + 1
            for r, values in enumerate(rows, start=1):
                for c, v in enumerate(values, start=1):
                    if v is not None:
                        dst.cell(r, c, v)
                msgs = bad.get((str(ws.title), r))
                if msgs:
                    cell = dst.cell(r, col, " | ".join(msgs))
                    cell.font = red
                    for c in range(1, width + 1):
                        dst.cell(r, c).fill = fill
            if header_row:
                dst.cell(
                    header_row, col, ERROR_HEADER_EN if lang.startswith("en") else ERROR_HEADER_VI
                ).font = red
            dst.column_dimensions[dst.cell(1, col).column_letter].width = 60
    except _READ_ERRORS as exc:
        raise _broken(plan.path.name) from exc
    finally:
        src.close()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".loi-", suffix=".xlsx", dir=target.parent)
    os.close(fd)
    try:
        out.save(tmp)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise UserError(
            f"Không ghi được tệp báo lỗi {target} ({exc.strerror}): hãy chọn thư mục khác.",
            f"Cannot write the error file {target} ({exc.strerror}): choose another folder.",
        ) from exc
    return target

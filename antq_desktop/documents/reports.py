"""The movement report on paper (NĐ 30/2020 layout, PDF) and as an Excel workbook.

* :func:`render_report_pdf` — letterhead of the Công an xã, Quốc hiệu, number
  and date line; "BÁO CÁO" with the subject and the period; a sentence saying
  which days the figures cover; a table STT / Chỉ tiêu / Đơn vị tính / Kết quả
  grouped by section ("trong đó" rows indented, award levels listed under
  their form); the signature of the head of the unit and "Nơi nhận".
* :func:`render_report_xlsx` — the same table in a workbook, numbers as
  numbers so the upper level can add communes up.
* :func:`render_report_docx` — the same paper as an editable Word file
  (:mod:`documents.reports_docx`): officers finish reports in Word.

After the table, the narrative sections ("Đánh giá chung", "Phương hướng,
nhiệm vụ"): what the officer typed for the period, or the definition's
template (``report.narrative``).
The report itself (``services.reports.Report``) is computed by the services;
``papers.reports.write_report`` joins the two.

Both are written to a temporary name and renamed when complete: a pulled USB
stick or a power cut never leaves half a report under the real name.
"""

from __future__ import annotations

import os
from datetime import date as Date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from ..domain.files import save_atomically
from ..domain.numbers import format_number
from ..domain.text import nfc
from .layout import (
    PORTRAIT,
    Letterhead,
    Signer,
    build_pdf,
    esc,
    format_date,
    frame_width,
    official_header,
    para,
    recipients_block,
    signature_block,
    styles,
    title_block,
)

#: A computed ``services.reports.Report`` (period, unit, figures): papers read it, never make it.
Report = Any

__all__ = ["narrative_blocks", "render_report_docx", "render_report_pdf", "render_report_xlsx"]

NBSP = "\u00a0"  # the number is written in by hand; plain spaces would collapse

_GRID = [
    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("TOPPADDING", (0, 0), (-1, -1), 2),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
]


def _lines(report: Report) -> list[dict[str, Any]]:
    """The table's rows in order: sections, indicators (numbered within a section), breakdowns."""
    out: list[dict[str, Any]] = []
    section, n = None, 0
    for f in report.figures:
        i = f.indicator
        if i.section != section:
            section, n = i.section, 0
            if section:
                out.append({"kind": "section", "label": section})
        number = ""
        if not i.indent:
            n += 1
            number = str(n)
        out.append(
            {
                "kind": "indicator",
                "no": number,
                "label": i.label,
                "indent": i.indent,
                "unit": i.unit,
                "value": f.value,
                "code": i.code,
            }
        )
        for label, value in f.breakdown:
            out.append(
                {
                    "kind": "breakdown",
                    "no": "",
                    "label": label,
                    "indent": i.indent + 1,
                    "unit": i.unit,
                    "value": value,
                    "code": i.code,
                }
            )
    return out


def _intro(report: Report, unit: str) -> str:
    d, p = report.definition, report.period
    text = (
        d.intro or "{unit} báo cáo kết quả {period_label} (số liệu từ ngày {start} đến ngày {end}) như sau:"
    )
    return nfc(
        text.format(
            unit=unit,
            period_label=p.label,
            start=format_date(p.start),
            end=format_date(p.end),
        )
    )


ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def narrative_blocks(report: Report) -> list[tuple[str, list[str]]]:
    """(heading, paragraphs) of each narrative section, in order: "II. ĐÁNH GIÁ CHUNG" after
    "I. KẾT QUẢ" (the table)."""
    out = []
    for n, section in enumerate(getattr(report, "narrative", ()) or (), 2):
        number = ROMAN[n - 1] if n <= len(ROMAN) else str(n)
        lines = [nfc(line).strip() for line in str(section.text).split("\n")]
        out.append((f"{number}. {nfc(section.title).upper()}", [line for line in lines if line]))
    return out


def render_report_docx(
    report: Report,
    letterhead: Letterhead,
    path: str | os.PathLike[str],
    *,
    day: Date | None = None,
    number: str = "",
    recipients: tuple[str, ...] = (),
) -> int:
    """Write the report as an editable .docx (:mod:`documents.reports_docx`); returns the rows."""
    from .reports_docx import render_report_docx as render

    return render(report, letterhead, path, day=day, number=number, recipients=recipients)


def render_report_pdf(
    report: Report,
    letterhead: Letterhead,
    path: str | os.PathLike[str],
    *,
    day: Date | None = None,
    number: str = "",
    recipients: tuple[str, ...] = (),
) -> int:
    """Write the report in the official layout; returns the number of pages."""
    st = styles(13, 12)
    width = frame_width(PORTRAIT)
    widths = [12 * mm, 0.0, 26 * mm, 26 * mm]
    widths[1] = width - sum(widths)
    data: list[list[object]] = [
        [para(h, st.cell_head) for h in ("STT", "Chỉ tiêu", "Đơn vị tính", "Kết quả")]
    ]
    commands: list[tuple[object, ...]] = [*_GRID, ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEEEEE"))]
    for line in _lines(report):
        row = len(data)
        if line["kind"] == "section":
            data.append([para(f"<b>{esc(line['label'])}</b>", st.cell), "", "", ""])
            commands.append(("SPAN", (0, row), (-1, row)))
            continue
        pad = "&nbsp;" * 4 * int(line["indent"])
        label = esc(line["label"])
        if line["kind"] == "breakdown":
            label = f"<i>- {label}</i>"
        data.append(
            [
                para(line["no"], st.cell_center),
                para(f"{pad}{label}", st.cell),
                para(esc(line["unit"]), st.cell_center),
                para(format_number(line["value"]), st.cell_right),
            ]
        )
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    unit_name = nfc(letterhead.unit)
    unit_phrase = nfc(str(report.unit.get("unit_name") or "")).strip() or unit_name
    title = f"{report.definition.subject} {report.period.label}"
    upper = nfc(str(report.unit.get("upper_level", ""))).strip()
    recipients = recipients or tuple(x for x in (f"{upper} (để báo cáo)" if upper else "", "Lưu: VT") if x)
    sections = narrative_blocks(report)
    texts: list[Flowable] = []
    for heading, paragraphs in sections:
        texts.append(para(f"<b>{esc(heading)}</b>", st.body))
        texts += [para(esc(line), st.body) for line in paragraphs]
    story: list[Flowable] = [
        official_header(
            letterhead, width, number=number or f"Số:{NBSP * 10}/{report.definition.symbol}", day=day, st=st
        ),
        *title_block(report.definition.document_kind, title, st=st),
        para(esc(_intro(report, unit_phrase)), st.body),
        *([para("<b>I. KẾT QUẢ THỰC HIỆN</b>", st.body)] if sections else []),
        table,
        *([Spacer(1, 6)] if sections else []),
        *texts,
        KeepTogether(
            [
                Spacer(1, 10),
                signature_block(
                    [Signer(letterhead.head_title, name=letterhead.signer_name)],
                    width,
                    left=recipients_block(recipients, st=st),
                    st=st,
                ),
            ]
        ),
    ]
    return build_pdf(path, story, title=title, subject=unit_name)


def render_report_xlsx(report: Report, path: str | os.PathLike[str]) -> int:
    """Write the report as a workbook (sheet "Báo cáo"); returns the number of indicator rows."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    target = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = "Báo cáo"
    bold = Font(bold=True)
    p = report.period
    ws.append([nfc(str(report.unit.get("unit_name", "")))])
    ws.append([nfc(f"{report.definition.title} {p.label}")])
    ws.append([f"Số liệu từ ngày {format_date(p.start)} đến ngày {format_date(p.end)} (kỳ {p.code})"])
    ws.append([])
    ws.append(["STT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Kết quả"])
    for cell in ws[5]:
        cell.font = bold
    ws["A2"].font = Font(bold=True, size=13)
    rows = 0
    for line in _lines(report):
        if line["kind"] == "section":
            ws.append(["", "", nfc(line["label"])])
            ws.cell(ws.max_row, 3).font = bold
            continue
        label = (
            ("    " * int(line["indent"]))
            + ("- " if line["kind"] == "breakdown" else "")
            + nfc(line["label"])
        )
        code = line["code"] if line["kind"] == "indicator" else ""
        ws.append([line["no"], code, label, nfc(line["unit"]), line["value"]])
        ws.cell(ws.max_row, 3).data_type = "s"  # never a formula, whatever the label says
        rows += 1
    for heading, paragraphs in narrative_blocks(report):
        ws.append([])
        ws.append(["", "", heading])
        ws.cell(ws.max_row, 3).font = bold
        for line in paragraphs:
            ws.append(["", "", line])
            ws.cell(ws.max_row, 3).data_type = "s"
    for col, w in zip("ABCDE", (6, 26, 70, 14, 12), strict=True):
        ws.column_dimensions[col].width = w
    for row in ws.iter_rows(min_row=6):
        row[2].alignment = Alignment(wrap_text=True, vertical="top")
    save_atomically(wb.save, target)
    return rows

"""The movement report as an editable Word file: the same paper as the PDF (documents.reports).

Officers finish reports in Word: the header (unit, Quốc hiệu, number and date), "BÁO CÁO" with the
subject and period, the sentence saying which days the figures cover, the table STT / Chỉ tiêu /
Đơn vị tính / Kết quả, the narrative sections (typed for the period, or the template), "Nơi nhận"
and the head of the unit's signature. The furniture is the minutes' (:mod:`documents.minutes_docx`:
property elements in the schema's order, the rules as top borders of their own paragraphs, the
font table's stand-in for Times New Roman, the header's columns wide enough for each line in the
fallback serif).
"""

from __future__ import annotations

import os
from datetime import date as Date
from pathlib import Path
from typing import Any

from ..domain.numbers import format_number
from ..domain.text import nfc
from .layout import SIGN_NOTE, Letterhead, format_date_line
from .minutes_docx import _Paper
from .reports import NBSP, _intro, _lines, narrative_blocks

__all__ = ["render_report_docx"]

Report = Any  # a computed services.reports.Report


class _ReportPaper(_Paper):
    def report_header(self, letterhead: Letterhead, number: str, date_line: str) -> None:
        self.letterhead_table(letterhead, number, date_line)

    def report_title(self, kind: str, subject: str) -> None:
        from docx.shared import Cm, Pt

        p = self.tight(self.doc.add_paragraph())
        p.paragraph_format.space_before = Pt(12)
        self.run(p, nfc(kind).upper(), bold=True)
        self.run(self.tight(self.doc.add_paragraph()), subject, bold=True)
        self.rule(self.doc.add_paragraph(), self.text_width, Cm(3.5), before=6, after=8)

    def body(self, text: str, *, bold: bool = False) -> Any:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm

        p = self.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.paragraph_format.first_line_indent = Cm(1)
        self.run(p, text, bold=bold)
        if bold:
            p.paragraph_format.keep_with_next = True
        return p

    def figures(self, report: Report) -> int:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Mm, Pt

        lines = _lines(report)
        widths = [Mm(14), 0, Mm(28), Mm(24)]
        widths[1] = self.text_width - sum(widths)
        t = self.doc.add_table(rows=1 + len(lines), cols=4)
        t.style = self.doc.styles["Table Grid"]
        t.autofit = False
        for i, w in enumerate(widths):  # the grid (LibreOffice reads it) and every cell (Word does)
            t.columns[i].width = w
            for cell in t.columns[i].cells:
                cell.width = w
        for c, head in enumerate(("STT", "Chỉ tiêu", "Đơn vị tính", "Kết quả")):
            p = self.tight(t.cell(0, c).paragraphs[0])
            self.run(p, head, bold=True, size=12)
        rows = 0
        for r, line in enumerate(lines, 1):
            cells = [t.cell(r, c) for c in range(4)]
            if line["kind"] == "section":
                merged = cells[0].merge(cells[3])
                self.run(self.tight(merged.paragraphs[0], center=False), line["label"], bold=True, size=12)
                continue
            rows += 1
            label = ("- " if line["kind"] == "breakdown" else "") + nfc(line["label"])
            label = NBSP * 4 * int(line["indent"]) + label
            self.run(self.tight(cells[0].paragraphs[0]), str(line["no"]), size=12)
            self.run(
                self.tight(cells[1].paragraphs[0], center=False),
                label,
                italic=line["kind"] == "breakdown",
                size=12,
            )
            self.run(self.tight(cells[2].paragraphs[0]), nfc(line["unit"]), size=12)
            value = self.tight(cells[3].paragraphs[0], center=False)
            value.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            self.run(value, format_number(line["value"]), size=12)
        for cell in t.rows[0].cells:
            cell.paragraphs[0].paragraph_format.space_before = Pt(2)
        return rows

    def closing(self, signer_title: str, signer_name: str, recipients: tuple[str, ...]) -> None:
        half = self.text_width // 2
        sign = self.table(1, [half, self.text_width - half])
        left = sign.cell(0, 0)
        self.run(self.tight(left.paragraphs[0], center=False), "Nơi nhận:", bold=True, italic=True, size=12)
        for i, line in enumerate(recipients):
            end = "." if i == len(recipients) - 1 else ";"
            self.run(
                self.tight(left.add_paragraph(), center=False), f"- {nfc(line).rstrip(' ;.')}{end}", size=11
            )
        right = sign.cell(0, 1)
        self.run(self.tight(right.paragraphs[0]), signer_title, bold=True)
        self.run(self.tight(right.add_paragraph()), SIGN_NOTE, italic=True)
        for _ in range(4):
            self.tight(right.add_paragraph())
        if signer_name:
            self.run(self.tight(right.add_paragraph()), signer_name, bold=True)


def render_report_docx(
    report: Report,
    letterhead: Letterhead,
    path: str | os.PathLike[str],
    *,
    day: Date | None = None,
    number: str = "",
    recipients: tuple[str, ...] = (),
) -> int:
    """Write the report as an editable .docx (temporary file, then renamed); returns the table's rows."""
    d, p = report.definition, report.period
    doc = _ReportPaper()
    title = nfc(f"{d.subject} {p.label}")
    doc.doc.core_properties.title = title
    doc.doc.core_properties.author = "ANTQ Desktop"
    unit_name = nfc(letterhead.unit)
    unit_phrase = nfc(str(report.unit.get("unit_name") or "")).strip() or unit_name
    upper = nfc(str(report.unit.get("upper_level", ""))).strip()
    recipients = recipients or tuple(x for x in (f"{upper} (để báo cáo)" if upper else "", "Lưu: VT") if x)
    doc.report_header(
        letterhead,
        number or f"Số: {'.' * 8}/{d.symbol}",
        format_date_line(letterhead.place, day, year=None if day else Date.today().year),
    )
    doc.report_title(d.document_kind, title)
    doc.body(_intro(report, unit_phrase))
    sections = narrative_blocks(report)
    if sections:
        doc.body("I. KẾT QUẢ THỰC HIỆN", bold=True)
    rows = doc.figures(report)
    for heading, paragraphs in sections:
        doc.body(heading, bold=True).paragraph_format.space_before = 76200  # 6 pt in EMU
        for line in paragraphs:
            doc.body(line)
    doc.closing(letterhead.head_title, nfc(letterhead.signer_name), recipients)
    doc.save(Path(path))
    return rows

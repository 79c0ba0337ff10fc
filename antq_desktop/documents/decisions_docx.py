"""The award decision and its annex as an editable Word file: the words of
:func:`documents.decisions.decision_text`, drawn with the furniture of the minutes' Word file
(:mod:`documents.minutes_docx`: header table, rules as paragraph borders, property elements in
the schema's order through :mod:`documents.wordml`)."""

from __future__ import annotations

import os
from pathlib import Path

from ..domain.text import nfc
from .decisions import DecisionPaper, decision_text
from .layout import MOTTO, NATIONAL_NAME
from .minutes_docx import _Paper

__all__ = ["render_decision_docx"]

_ANNEX_WIDTHS_MM = (13, 50, 44, 58)


class _Decision(_Paper):
    def header_lines(self, parent: str, unit: str, number_line: str, date_line: str) -> None:
        from docx.shared import Cm

        lines = [
            (parent, 12, False),
            *((line, 12, True) for line in unit.split("\n")),
            (number_line, 13, False),
        ]
        head, left_w, right_w = self.header_table(lines)  # each line on one line even in DejaVu Serif
        left = head.cell(0, 0)
        p = left.paragraphs[0]
        if parent:
            self.run(self.tight(p), parent, size=12, font=True)
            p = left.add_paragraph()
        for i, line in enumerate(unit.split("\n")):
            if i:
                p = left.add_paragraph()
            self.run(self.tight(p), line, bold=True, size=12, font=True)
        self.rule(left.add_paragraph(), left_w, Cm(2.2))
        right = head.cell(0, 1)
        self.run(self.tight(right.paragraphs[0]), NATIONAL_NAME, bold=True, size=12, font=True)
        self.run(self.tight(right.add_paragraph()), MOTTO, bold=True, size=13, font=True)
        self.rule(right.add_paragraph(), right_w, Cm(5.6))
        self.run(self.tight(head.cell(1, 0).paragraphs[0]), number_line, size=13)
        self.run(self.tight(head.cell(1, 1).paragraphs[0]), date_line, italic=True, size=13)

    def centred(self, text: str, *, bold: bool = False, italic: bool = False, before: float = 0) -> None:
        from docx.shared import Pt

        p = self.tight(self.doc.add_paragraph())
        p.paragraph_format.space_before = Pt(before)
        self.run(p, text, bold=bold, italic=italic)

    def body(self, text: str, *, head: str = "", italic: bool = False) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm

        p = self.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.paragraph_format.first_line_indent = Cm(1)
        if head:
            self.run(p, head + " ", bold=True)
        self.run(p, text, italic=italic)

    def signer(self, copies_to: list[str], title: str, name: str) -> None:
        """ "Nơi nhận" at the left, the signer's title, room to sign and the name at the right."""
        from docx.shared import Pt

        half = self.text_width // 2
        sign = self.table(1, [half, self.text_width - half])
        left = sign.cell(0, 0)
        p = left.paragraphs[0]
        p.paragraph_format.space_after = Pt(0)
        self.run(p, "Nơi nhận:", bold=True, italic=True, size=12)
        for i, line in enumerate(copies_to):
            end = "." if i == len(copies_to) - 1 else ";"
            q = left.add_paragraph()
            q.paragraph_format.space_after = Pt(0)
            self.run(q, f"- {nfc(line).rstrip(' ;.')}{end}", size=11)
        right = sign.cell(0, 1)
        for i, line in enumerate(title.split("\n")):
            q = right.paragraphs[0] if i == 0 else right.add_paragraph()
            self.run(self.tight(q), line, bold=True)
        for _ in range(4):
            self.tight(right.add_paragraph())
        if name:
            self.run(self.tight(right.add_paragraph()), name, bold=True)

    def annex(self, parts: list, widths_mm: tuple[int, ...] = _ANNEX_WIDTHS_MM) -> None:
        from docx.shared import Mm, Pt

        rows = 1 + sum(1 + len(r) for _, r in parts)
        t = self.doc.add_table(rows=rows, cols=4)
        t.style = "Table Grid"
        t.autofit = False
        for i, w in enumerate(widths_mm):
            t.columns[i].width = Mm(w)  # the grid LibreOffice reads
            for cell in t.columns[i].cells:
                cell.width = Mm(w)

        def put(cell, text: str, *, bold: bool = False, center: bool = False) -> None:  # noqa: ANN001
            p = self.tight(cell.paragraphs[0], center=center)
            self.run(p, text, bold=bold, size=12)
            p.paragraph_format.space_after = Pt(0)

        for i, head in enumerate(("STT", "Họ và tên, tên tập thể", "Chức vụ, địa chỉ", "Thành tích")):
            put(t.cell(0, i), head, bold=True, center=True)
        row = 1
        for label, annex_rows in parts:
            merged = t.cell(row, 0).merge(t.cell(row, 3))
            put(merged, label, bold=True)
            row += 1
            for r in annex_rows:
                put(t.cell(row, 0), str(r.number), center=True)
                put(t.cell(row, 1), r.name)
                put(t.cell(row, 2), r.details)
                put(t.cell(row, 3), r.achievement)
                row += 1


def render_decision_docx(paper: DecisionPaper, path: str | os.PathLike[str]) -> None:
    """Write the decision and its annex (on a new page) as an editable .docx."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Cm, Pt

    t = decision_text(paper)
    doc = _Decision()
    doc.doc.core_properties.title = nfc(f"Quyết định - {t.subject}")
    doc.doc.core_properties.author = "ANTQ Desktop"
    if t.draft:
        p = doc.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        doc.run(p, "DỰ THẢO", bold=True)
    doc.header_lines(t.parent, t.unit, t.number_line, t.date_line)
    doc.centred("QUYẾT ĐỊNH", bold=True, before=12)
    for line in t.subject.split("\n"):
        doc.centred(line, bold=True)
    doc.rule(doc.doc.add_paragraph(), doc.text_width, Cm(3.5), before=6, after=8)
    doc.centred(t.deciding, bold=True)
    for line in t.bases:
        doc.body(line, italic=True)
    doc.centred("QUYẾT ĐỊNH:", bold=True, before=6)
    for head, text in t.articles:
        doc.body(text, head=head)
    doc.signer(t.copies_to, t.signer_title, t.signer_name)
    br = doc.doc.add_paragraph()
    br.add_run().add_break(WD_BREAK.PAGE)
    doc.centred(t.annex_title, bold=True)
    doc.centred(t.annex_attached, italic=True)
    doc.rule(doc.doc.add_paragraph(), doc.text_width, Cm(3.5), before=4, after=8)
    doc.annex(t.parts)
    last = doc.doc.add_paragraph()
    last.paragraph_format.space_after = Pt(0)
    doc.save(Path(path))

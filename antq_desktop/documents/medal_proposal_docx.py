"""The medal proposal (tờ trình and danh sách trích ngang) as an editable Word file: the words of
:func:`documents.medal_proposal.proposal_text`, drawn with the decision's Word furniture
(:mod:`documents.decisions_docx`, itself the minutes' — property elements in the schema's order
through :mod:`documents.wordml`)."""

from __future__ import annotations

import os
from pathlib import Path

from ..domain.text import nfc
from . import wordml
from .decisions_docx import _Decision
from .medal_proposal import COLUMNS, MedalProposal, cells, proposal_text

__all__ = ["render_medal_proposal_docx"]

_CENTRED_COLUMNS = (0, 2, 3, 5, 6)
# 165 mm, a little wider for the dates than the PDF's: Word's stand-in font (DejaVu Serif where
# Times New Roman is missing) is wider; cells keep 1 mm of padding a side.
_COLUMN_MM = (10, 33, 24, 13, 42, 27, 16)
_CELL_PADDING_TWIPS = 57


class _Proposal(_Decision):
    def people(self, p: MedalProposal) -> None:
        from docx.shared import Mm, Pt

        rows = cells(p)
        t = self.doc.add_table(rows=1 + len(rows), cols=len(COLUMNS))
        t.style = "Table Grid"
        t.autofit = False
        wordml.cell_side_margins(t._tbl.tblPr, _CELL_PADDING_TWIPS)  # noqa: SLF001
        for i, w in enumerate(_COLUMN_MM):
            t.columns[i].width = Mm(w)  # the grid LibreOffice reads
            for cell in t.columns[i].cells:
                cell.width = Mm(w)

        def put(cell, text: str, *, bold: bool = False, center: bool = False) -> None:  # noqa: ANN001
            q = self.tight(cell.paragraphs[0], center=center)
            self.run(q, text, bold=bold, size=10)
            q.paragraph_format.space_after = Pt(0)

        for i, head in enumerate(COLUMNS):
            put(t.cell(0, i), head, bold=True, center=True)
        for r, row in enumerate(rows, start=1):
            for i, value in enumerate(row):
                put(t.cell(r, i), value, center=i in _CENTRED_COLUMNS)

    def confirmed(self, date_line: str, title: str) -> None:
        """The unit head's confirmation under the list: the date line, the title, room to sign."""
        from docx.shared import Pt

        half = self.text_width // 2
        sign = self.table(1, [half, self.text_width - half])
        right = sign.cell(0, 1)
        self.run(self.tight(right.paragraphs[0]), date_line, italic=True, size=12)
        for line in title.split("\n"):
            self.run(self.tight(right.add_paragraph()), line, bold=True)
        for _ in range(4):
            self.tight(right.add_paragraph())
        right.paragraphs[-1].paragraph_format.space_after = Pt(0)


def render_medal_proposal_docx(p: MedalProposal, path: str | os.PathLike[str]) -> None:
    """Write the tờ trình and, on a new page, the list as an editable .docx."""
    from docx.enum.text import WD_BREAK
    from docx.shared import Cm, Pt

    t = proposal_text(p)
    doc = _Proposal()
    doc.doc.core_properties.title = nfc(f"Tờ trình đề nghị tặng Kỷ niệm chương năm {p.year}")
    doc.doc.core_properties.author = "ANTQ Desktop"
    doc.header_lines(nfc(p.head.parent_unit).upper(), nfc(p.head.unit).upper(), t.number_line, t.date_line)
    doc.centred("TỜ TRÌNH", bold=True, before=12)
    for line in t.subject.split("\n"):
        doc.centred(line, bold=True)
    doc.rule(doc.doc.add_paragraph(), doc.text_width, Cm(3.5), before=6, after=8)
    doc.centred(t.to_line)
    for line in t.body:
        doc.body(line)
    doc.signer(t.copies_to, t.signer_title, "")
    br = doc.doc.add_paragraph()
    br.add_run().add_break(WD_BREAK.PAGE)
    doc.centred(t.list_title, bold=True)
    doc.centred(t.list_subject, bold=True)
    doc.centred(t.list_attached, italic=True)
    doc.rule(doc.doc.add_paragraph(), doc.text_width, Cm(3.5), before=4, after=8)
    doc.people(p)
    doc.confirmed(t.date_line, t.signer_title)
    last = doc.doc.add_paragraph()
    last.paragraph_format.space_after = Pt(0)
    doc.save(Path(path))

"""The biên bản as an editable Word file: the paragraphs of :mod:`documents.minutes`, the
furniture (header, title, signatures) drawn here in the NĐ 30/2020 layout.

What keeps the file clean in Word and LibreOffice (issue 19):

* every property element added by hand goes in through :func:`wordml.put`, in the
  schema's order;
* the rules under the unit, the Tiêu ngữ and the trích yếu are the *top* border of
  an empty paragraph of their own, at normal line height with a 1-pt mark, so no
  renderer draws them through the line above;
* the header's right column has room for the Quốc hiệu and the Tiêu ngữ on one line
  each even in a wider serif than Times New Roman (DejaVu Serif, what LibreOffice
  falls back to on Linux), with no cell padding, and the font table names Liberation
  Serif (metric-compatible) as Times New Roman's stand-in;
* the left column is as wide as its longest line (the parent unit, the unit) needs in
  that wider serif (:func:`header_columns`): when the two columns need more than the
  text width, the header table reaches into the page margins (up to 15 mm into the
  left one, 5 mm into the right one) rather than breaking "CÔNG AN TỈNH CAO BẰNG"
  over two lines. A name longer than that still wraps, as NĐ 30 allows.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from ..domain.files import save_atomically
from ..domain.text import nfc
from . import wordml
from .layout import MOTTO, NATIONAL_NAME, SIGN_NOTE, Letterhead
from .minutes import KIND, Block, MinutesData, _date_line, _lines, _signers, body_blocks, closing_blocks

__all__ = ["FONT", "STAND_IN", "fallback_width_mm", "header_columns", "render_minutes_docx"]

FONT = "Times New Roman"
STAND_IN = "Liberation Serif"  # metric-compatible with Times New Roman, free
RIGHT_COLUMN_MM = 104.5  # Quốc hiệu 12 pt bold: 88 mm in Times New Roman, 103 mm in DejaVu Serif
TEXT_WIDTH_MM = 210 - 30 - 15
# DejaVu Serif, the widest serif a computer without Times New Roman falls back to, is at most 1.18
# times as wide as Times New Roman (Liberation Serif's metrics) in capitals, 1.29 in small letters.
WIDER_CAPITALS, WIDER_SMALL = 1.2, 1.3
LEFT_SLACK_MM = 2.0  # what Word and LibreOffice round away between the text and the cell's edge
REACH_LEFT_MM, REACH_RIGHT_MM = 15.0, 5.0  # how far the header may reach into the 30- and 15-mm margins


def fallback_width_mm(text: str, size: float, *, bold: bool = False) -> float:
    """How wide ``text`` may come out in the widest fallback serif (an upper estimate)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from .fonts import SERIF, SERIF_BOLD, register_fonts

    register_fonts()
    text = nfc(text)
    wider = WIDER_SMALL if any(c.islower() for c in text) else WIDER_CAPITALS
    return stringWidth(text, SERIF_BOLD if bold else SERIF, size) * wider * 25.4 / 72


def header_columns(left_lines: Sequence[tuple[str, float, bool]]) -> tuple[float, float, float]:
    """``(indent, left, right)`` of the header table in mm: the right column fixed for the Quốc hiệu,
    the left one at least the text width's remainder and as wide as its longest ``(text, size,
    bold)`` line needs in the fallback serif; what does not fit in the text width is taken from the
    left margin first (``indent`` < 0), then the right one."""
    need = max((fallback_width_mm(t, size, bold=bold) for t, size, bold in left_lines if t), default=0.0)
    right = RIGHT_COLUMN_MM
    over = max(need + LEFT_SLACK_MM + right - TEXT_WIDTH_MM, 0.0)
    into_left = min(over, REACH_LEFT_MM)
    into_right = min(over - into_left, REACH_RIGHT_MM)
    return -into_left, TEXT_WIDTH_MM - right + into_left + into_right, right


def render_minutes_docx(letterhead: Letterhead, data: MinutesData, path: str | os.PathLike[str]) -> None:
    """Write the minutes as an editable .docx (temporary file, then renamed)."""
    doc = _Paper()
    doc.doc.core_properties.title = nfc(f"{KIND} - {data.subject}")
    doc.doc.core_properties.author = "ANTQ Desktop"
    doc.header(letterhead, data)
    doc.title(data)
    for b in body_blocks(data):
        doc.block(b)
    for b in closing_blocks(data):
        doc.block(b).paragraph_format.keep_with_next = True
    doc.signatures(_signers(data))
    doc.save(Path(path))


class _Paper:
    def __init__(self) -> None:
        from docx import Document
        from docx.shared import Mm, Pt

        self.doc = doc = Document()
        section = doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
        section.left_margin, section.right_margin = Mm(30), Mm(15)
        self.text_width = Mm(TEXT_WIDTH_MM)
        normal = doc.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(14)
        self._fonts(normal.element.get_or_add_rPr())
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.space_before = Pt(0)
        normal.paragraph_format.line_spacing = 1.0

    # -- pieces -----------------------------------------------------------------------------

    @staticmethod
    def _fonts(r_pr) -> None:  # noqa: ANN001
        from docx.oxml.ns import qn

        fonts = r_pr.get_or_add_rFonts()
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attr), FONT)

    def run(self, p, text: str, *, bold=False, italic=False, size: float | None = None, font=False):  # noqa: ANN001, ANN202
        from docx.shared import Pt

        r = p.add_run(nfc(text))
        if bold:
            r.bold = True
        if italic:
            r.italic = True
        if size:
            r.font.size = Pt(size)
        if font:  # named on the run itself: the header lines whose width was reckoned
            self._fonts(r._r.get_or_add_rPr())  # noqa: SLF001
        return r

    @staticmethod
    def tight(p, *, center: bool = True):  # noqa: ANN001, ANN205
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)
        return p

    def rule(self, p, column: int, length: int, *, before: float = 5, after: float = 6) -> None:  # noqa: ANN001
        """A solid rule ``length`` long centred in ``column``: the top border of an empty paragraph
        at single line height whose mark is 1 pt, ``before`` points below the line above."""
        from docx.shared import Pt

        self.tight(p)
        side = max(int((column - length) / 2), 0)
        fmt = p.paragraph_format
        fmt.left_indent, fmt.right_indent = side, side
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        fmt.line_spacing = 1.0
        p_pr = p._p.get_or_add_pPr()  # noqa: SLF001 - python-docx has no border API
        wordml.top_rule(p_pr)
        wordml.mark_size(p_pr, 2)

    def table(self, rows: int, widths: Sequence[int], *, padding: int | None = None):  # noqa: ANN202
        from docx.enum.table import WD_TABLE_ALIGNMENT

        t = self.doc.add_table(rows=rows, cols=len(widths))
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        t.autofit = False
        tbl_pr = t._tbl.tblPr  # noqa: SLF001
        wordml.no_borders(tbl_pr)
        if padding is not None:
            wordml.cell_side_margins(tbl_pr, padding)
        for i, w in enumerate(widths):
            t.columns[i].width = w
            for cell in t.columns[i].cells:
                cell.width = w
        return t

    # -- the paper --------------------------------------------------------------------------

    def header(self, letterhead: Letterhead, data: MinutesData) -> None:
        """Unit on the left, Quốc hiệu and Tiêu ngữ on the right; number and date on one row."""
        self.letterhead_table(letterhead, data.number_line, _date_line(letterhead, data))

    def header_table(self, left_lines: Sequence[tuple[str, float, bool]]):  # noqa: ANN201
        """The two-column header table sized by :func:`header_columns` for ``left_lines``
        (``(text, size, bold)``): ``(table, left width, right width)``."""
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.shared import Mm

        indent, left_mm, right_mm = header_columns(left_lines)
        left_w, right_w = Mm(left_mm), Mm(right_mm)
        head = self.table(2, [left_w, right_w], padding=0)
        if indent:
            head.alignment = WD_TABLE_ALIGNMENT.LEFT
            twips = round(indent * 1440 / 25.4)
            wordml.put(head._tbl.tblPr, wordml.element("w:tblInd", w=str(twips), type="dxa"))  # noqa: SLF001
        return head, left_w, right_w

    def letterhead_table(self, letterhead: Letterhead, number_line: str, date_line: str) -> None:
        """The header of a paper the unit issues (ô 1–4 of NĐ 30), each line on one line."""
        from docx.shared import Cm

        parent = nfc(letterhead.parent_unit).upper()
        unit = nfc(letterhead.unit).upper()
        head, left_w, right_w = self.header_table(
            [(parent, 12, False), (unit, 13, True), (number_line, 13, False)]
        )
        left = head.cell(0, 0)
        p = left.paragraphs[0]
        if parent:
            self.run(self.tight(p), parent, size=12, font=True)
            p = left.add_paragraph()
        self.run(self.tight(p), unit, bold=True, size=13, font=True)
        self.rule(left.add_paragraph(), left_w, Cm(2.2))
        right = head.cell(0, 1)
        self.run(self.tight(right.paragraphs[0]), NATIONAL_NAME, bold=True, size=12, font=True)
        self.run(self.tight(right.add_paragraph()), MOTTO, bold=True, size=13, font=True)
        self.rule(right.add_paragraph(), right_w, Cm(5.6))
        self.run(self.tight(head.cell(1, 0).paragraphs[0]), number_line, size=13)
        self.run(self.tight(head.cell(1, 1).paragraphs[0]), date_line, italic=True, size=13)

    def title(self, data: MinutesData) -> None:
        """Tên loại and trích yếu in bold, centred, and the short rule below them."""
        from docx.shared import Cm, Pt

        p = self.tight(self.doc.add_paragraph())
        p.paragraph_format.space_before = Pt(12)
        self.run(p, KIND, bold=True)
        for line in _lines(data.subject):
            self.run(self.tight(self.doc.add_paragraph()), line, bold=True)
        self.rule(self.doc.add_paragraph(), self.text_width, Cm(3.5), before=6, after=8)

    def block(self, b: Block):  # noqa: ANN201
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm, Pt

        p = self.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.paragraph_format.first_line_indent = Cm(1)
        if b.kind == "sub":
            p.paragraph_format.left_indent = Cm(1)
        if b.kind == "heading":
            p.paragraph_format.keep_with_next = True
            p.paragraph_format.space_before = Pt(4)
        for style, text in b.runs:
            self.run(p, text, bold="b" in style, italic="i" in style)
        return p

    def signatures(self, signers: Sequence[tuple[str, str]]) -> None:
        """THƯ KÝ on the left, CHỦ TRÌ on the right: title, note, room to sign, the name."""
        half = self.text_width // 2
        sign = self.table(1, [half, self.text_width - half])
        for i, (title, name) in enumerate(signers):
            cell = sign.cell(0, i)
            self.run(self.tight(cell.paragraphs[0]), title, bold=True)
            self.run(self.tight(cell.add_paragraph()), SIGN_NOTE, italic=True)
            for _ in range(4):
                self.tight(cell.add_paragraph())
            if name:
                self.run(self.tight(cell.add_paragraph()), name, bold=True)

    def save(self, path: Path) -> None:
        doc = self.doc
        table = next((p for p in doc.part.package.parts if str(p.partname) == "/word/fontTable.xml"), None)
        if table is not None:
            table._blob = wordml.font_stand_in(table.blob, FONT, STAND_IN)  # noqa: SLF001
        save_atomically(lambda tmp: doc.save(str(tmp)), path)

"""Page building blocks for official papers in the NĐ 30/2020 layout (docs/domain.md "Official papers: the NĐ 30/2020 layout").

Every paper (commitment forms, minutes, decisions, reports) is a platypus story
made of these pieces and written by :func:`build_pdf`:

* :func:`official_header` — issuing unit on the left, Quốc hiệu and Tiêu ngữ on
  the right, number and place-and-date line on one row; :func:`national_header`
  — the same with free text (or nothing) on the left, for forms citizens fill;
* :func:`title_block` — tên loại in capitals, trích yếu, a short rule;
* :func:`signature_block` — one or two signers, optionally "Nơi nhận" on the left;
* :class:`SectionStart` — starts a new page whose numbering restarts at 1
  (one household's form in a batch); page numbers are centred in the top
  margin from the second page of a section on.

All text goes through :func:`esc` or :func:`para`, which normalise it to NFC:
reportlab does not position the marks of decomposed (NFD) Vietnamese.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..domain.errors import UserError
from ..domain.files import atomic_path
from ..domain.text import nfc
from .fonts import SERIF, SERIF_BOLD, SERIF_BOLD_ITALIC, SERIF_ITALIC, register_fonts

PORTRAIT = A4
LANDSCAPE = landscape(A4)
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 15 * mm

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
SIGN_NOTE = "(Ký, ghi rõ họ tên)"
RULE = 0.6  # line width of the rules under the unit, the motto and the trích yếu


class Cancelled(UserError):
    """The officer cancelled a long rendering; no file was written."""

    def __init__(self, *_args: object) -> None:  # reportlab may re-raise an exception with a message
        super().__init__("Đã hủy; không có tệp nào được ghi.", "Cancelled; no file was written.")


# -- text -------------------------------------------------------------------------------------


def esc(text: object) -> str:
    """Plain text made safe for Paragraph markup, in NFC."""
    return escape(nfc(str(text) if text is not None else ""))


def para(markup: str, style: ParagraphStyle) -> Paragraph:
    """A Paragraph from markup (escape user text with :func:`esc` first), normalised to NFC."""
    return Paragraph(nfc(markup), style)


def text_width(text: str, font: str, size: float) -> float:
    register_fonts()
    return stringWidth(nfc(text), font, size)


def format_date_line(place: str, day: date | None = None, *, year: int | None = None) -> str:
    """ "Quảng Lâm, ngày 05 tháng 01 năm 2026" (NĐ 30: day < 10 and months 1–2 take a leading 0).

    Without a day, the line keeps dots to be filled in by hand (with ``year`` when given).
    """
    place = nfc(place).strip()
    prefix = f"{place}, " if place else ""
    if day is None:
        return f"{prefix}ngày ...... tháng ...... năm {year or '..........'}"
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{prefix}ngày {day.day:02d} tháng {month} năm {day.year}"


def format_date(day: date | None) -> str:
    """dd/mm/yyyy, or "" for no date."""
    return day.strftime("%d/%m/%Y") if day else ""


# -- the unit ---------------------------------------------------------------------------------

_HEAD_TITLES = {
    "CÔNG AN XÃ": "TRƯỞNG CÔNG AN XÃ",
    "CÔNG AN PHƯỜNG": "TRƯỞNG CÔNG AN PHƯỜNG",
    "CÔNG AN ĐẶC KHU": "TRƯỞNG CÔNG AN ĐẶC KHU",
    "CÔNG AN THỊ TRẤN": "TRƯỞNG CÔNG AN THỊ TRẤN",
}


@dataclass(frozen=True)
class Letterhead:
    """Who issues a paper: the left header block, and the place of the date line."""

    parent_unit: str = "CÔNG AN TỈNH CAO BẰNG"
    unit: str = "CÔNG AN XÃ QUẢNG LÂM"
    place: str = "Quảng Lâm"
    signer_title: str = ""  # "TRƯỞNG CÔNG AN XÃ" etc.; derived from ``unit`` when empty
    signer_name: str = ""  # with rank for Công an: "Thiếu tá Nguyễn Văn A"

    @property
    def head_title(self) -> str:
        if self.signer_title:
            return nfc(self.signer_title).upper()
        unit = nfc(self.unit).upper()
        for prefix, title in _HEAD_TITLES.items():
            if unit.startswith(prefix):
                return title
        return "THỦ TRƯỞNG ĐƠN VỊ"


# -- styles -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Styles:
    size: float
    body: ParagraphStyle  # justified, first line indented 1 cm
    flush: ParagraphStyle  # justified, no indent
    center: ParagraphStyle
    right: ParagraphStyle
    header: ParagraphStyle  # 13 pt upright, centred (cơ quan chủ quản, number)
    header_bold: ParagraphStyle  # 13 pt bold (cơ quan ban hành)
    national: ParagraphStyle  # 12 pt bold (Quốc hiệu)
    motto: ParagraphStyle  # 13 pt bold (Tiêu ngữ)
    date_line: ParagraphStyle  # italic, centred
    title: ParagraphStyle  # 14 pt bold capitals
    subject: ParagraphStyle  # 14 pt bold (trích yếu)
    sign_title: ParagraphStyle
    sign_note: ParagraphStyle
    sign_name: ParagraphStyle
    cell: ParagraphStyle  # table cells, left
    cell_center: ParagraphStyle
    cell_right: ParagraphStyle
    cell_head: ParagraphStyle  # table header cells, bold centred
    recipients_head: ParagraphStyle  # "Nơi nhận:" 12 pt bold italic
    recipients: ParagraphStyle  # 11 pt


@lru_cache(maxsize=16)
def styles(size: float = 13, cell_size: float = 12, space: float = 6, leading: float = 1.2) -> Styles:
    """The paragraph styles of a paper whose body is ``size`` points (NĐ 30: 13–14), table
    cells ``cell_size`` points, ``space`` points between paragraphs (NĐ 30: at least 6) and
    lines ``leading`` times the size apart (1.15 is a word processor's single spacing)."""
    register_fonts()

    def style(name: str, **kw: object) -> ParagraphStyle:
        # No shrinking of spaces: a line never reaches past its margin, not even by a point.
        base: dict[str, object] = {
            "fontName": SERIF,
            "fontSize": size,
            "leading": size * leading,
            "spaceShrinkage": 0,
        }
        base.update(kw)
        if "fontSize" in kw and "leading" not in kw:
            base["leading"] = float(kw["fontSize"]) * 1.2  # type: ignore[arg-type]
        return ParagraphStyle(name, **base)  # type: ignore[arg-type]

    def cell(name: str, **kw: object) -> ParagraphStyle:
        return style(name, fontSize=cell_size, leading=cell_size * 1.18, **kw)

    return Styles(
        size=size,
        body=style("body", alignment=TA_JUSTIFY, firstLineIndent=1 * cm, spaceAfter=space),
        flush=style("flush", alignment=TA_JUSTIFY, spaceAfter=space),
        center=style("center", alignment=TA_CENTER, spaceAfter=space),
        right=style("right", alignment=TA_RIGHT),
        header=style("header", fontSize=13, leading=15, alignment=TA_CENTER),
        header_bold=style("header_bold", fontName=SERIF_BOLD, fontSize=13, leading=15, alignment=TA_CENTER),
        national=style("national", fontName=SERIF_BOLD, fontSize=12, leading=15, alignment=TA_CENTER),
        motto=style("motto", fontName=SERIF_BOLD, fontSize=13, leading=15, alignment=TA_CENTER),
        date_line=style("date_line", fontName=SERIF_ITALIC, fontSize=13, leading=15, alignment=TA_CENTER),
        title=style("title", fontName=SERIF_BOLD, fontSize=14, leading=17, alignment=TA_CENTER),
        subject=style("subject", fontName=SERIF_BOLD, fontSize=14, leading=17, alignment=TA_CENTER),
        sign_title=style("sign_title", fontName=SERIF_BOLD, fontSize=13, leading=15, alignment=TA_CENTER),
        sign_note=style("sign_note", fontName=SERIF_ITALIC, fontSize=13, leading=15, alignment=TA_CENTER),
        sign_name=style("sign_name", fontName=SERIF_BOLD, fontSize=13, leading=15, alignment=TA_CENTER),
        cell=cell("cell", alignment=TA_LEFT),
        cell_center=cell("cell_center", alignment=TA_CENTER),
        cell_right=cell("cell_right", alignment=TA_RIGHT),
        cell_head=cell("cell_head", fontName=SERIF_BOLD, alignment=TA_CENTER),
        recipients_head=style("recipients_head", fontName=SERIF_BOLD_ITALIC, fontSize=12, leading=14),
        recipients=style("recipients", fontSize=11, leading=13),
    )


def frame_width(pagesize: tuple[float, float] = PORTRAIT) -> float:
    return pagesize[0] - MARGIN_LEFT - MARGIN_RIGHT


def frame_height(pagesize: tuple[float, float] = PORTRAIT) -> float:
    return pagesize[1] - MARGIN_TOP - MARGIN_BOTTOM


# -- header -----------------------------------------------------------------------------------


class Rule(Flowable):
    """A solid rule ``width`` points long, centred in whatever width it is given (frame or cell)."""

    def __init__(self, width: float, *, before: float = 5, after: float = 3) -> None:
        super().__init__()
        self.length = width
        self.before = before
        self.after = after
        self._avail = width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._avail = availWidth
        return availWidth, self.before + RULE + self.after

    def draw(self) -> None:
        x = max((self._avail - self.length) / 2, 0)
        y = self.after + RULE / 2
        self.canv.setLineWidth(RULE)
        self.canv.line(x, y, x + min(self.length, self._avail), y)


def rule(width: float, *, before: float = 5, after: float = 3) -> Rule:
    return Rule(width, before=before, after=after)


def _short_rule(text: str, font: str, size: float, column: float) -> Rule:
    """A rule a third to a half of the text (NĐ 30), never wider than the column."""
    longest = max((text_width(line, font, size) for line in nfc(text).split("\n")), default=0.0)
    return rule(min(max(longest * 0.4, 20 * mm), column * 0.8))


def _lines(text: str) -> str:
    return "<br/>".join(esc(line) for line in nfc(text).split("\n"))


def _header_table(left: list[Flowable], width: float, *, number: str, date_line: str, st: Styles) -> Table:
    right_w = max(text_width(NATIONAL_NAME, SERIF_BOLD, 12) + 6 * mm, width * 0.55)
    left_w = width - right_w
    right: list[Flowable] = [
        para(esc(NATIONAL_NAME), st.national),
        para(esc(MOTTO), st.motto),
        rule(text_width(MOTTO, SERIF_BOLD, 13)),
    ]
    rows: list[list[object]] = [[left, right]]
    if number or date_line:
        rows.append(
            [
                para(esc(number), st.header) if number else "",
                para(esc(date_line), st.date_line) if date_line else "",
            ]
        )
    table = Table(rows, colWidths=[left_w, right_w], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def official_header(
    letterhead: Letterhead,
    width: float,
    *,
    number: str = "",
    day: date | None = None,
    date_line: str | None = None,
    st: Styles | None = None,
) -> Table:
    """The two-column header of a paper the unit issues (ô 1–4).

    ``number`` is the whole "Số: 05/BC-CAX" line (or ""); the date line is
    :func:`format_date_line` of the letterhead's place and ``day`` unless
    ``date_line`` gives it ("" for none).
    """
    st = st or styles()
    left_w = width - max(text_width(NATIONAL_NAME, SERIF_BOLD, 12) + 6 * mm, width * 0.55)
    left: list[Flowable] = []
    if letterhead.parent_unit:
        left.append(para(_lines(nfc(letterhead.parent_unit).upper()), st.header))
    unit = nfc(letterhead.unit).upper()
    left += [para(_lines(unit), st.header_bold), _short_rule(unit, SERIF_BOLD, 13, left_w)]
    if date_line is None:
        date_line = format_date_line(letterhead.place, day) if day else ""
    return _header_table(left, width, number=number, date_line=date_line, st=st)


def national_header(
    width: float,
    *,
    upper: str = "",
    lower: str = "",
    number: str = "",
    date_line: str = "",
    st: Styles | None = None,
) -> Table:
    """The header of a form: Quốc hiệu and Tiêu ngữ on the right; on the left optionally
    ``upper`` (upright capitals, e.g. the commune) and ``lower`` (bold capitals with a
    short rule, e.g. the village) — or nothing at all."""
    st = st or styles()
    left_w = width - max(text_width(NATIONAL_NAME, SERIF_BOLD, 12) + 6 * mm, width * 0.55)
    left: list[Flowable] = []
    if upper:
        left.append(para(_lines(nfc(upper).upper()), st.header))
    if lower:
        low = nfc(lower).upper()
        left += [para(_lines(low), st.header_bold), _short_rule(low, SERIF_BOLD, 13, left_w)]
    return _header_table(left, width, number=number, date_line=date_line, st=st)


def title_block(kind: str, subject: str = "", *, st: Styles | None = None) -> list[Flowable]:
    """Tên loại in bold capitals, the trích yếu in bold, a short rule under them (ô 5a)."""
    st = st or styles()
    out: list[Flowable] = [Spacer(1, 8), para(_lines(nfc(kind).upper()), st.title)]
    last, font = nfc(kind).upper(), SERIF_BOLD
    if subject:
        out.append(para(_lines(subject), st.subject))
        last = nfc(subject)
    # The rule follows the last line, a third to a half of its width.
    width = max(text_width(line, font, 14) for line in last.split("\n"))
    out += [rule(max(min(width * 0.4, 60 * mm), 25 * mm), before=6, after=8)]
    return out


# -- signatures -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Signer:
    """One signature column: title in capitals (lines split by "\\n"), a note, space, the name."""

    title: str
    name: str = ""
    note: str = SIGN_NOTE
    space: float = 24 * mm


def recipients_block(lines: Sequence[str], *, st: Styles | None = None) -> list[Flowable]:
    """ "Nơi nhận:" and its entries ("- …;", the last "- Lưu: VT, …."), for the signature block's left."""
    st = st or styles()
    out: list[Flowable] = [para("Nơi nhận:", st.recipients_head)]
    for i, line in enumerate(lines):
        end = "." if i == len(lines) - 1 else ";"
        out.append(para(f"- {esc(nfc(line).rstrip(' ;.'))}{end}", st.recipients))
    return out


def signature_block(
    signers: Sequence[Signer],
    width: float,
    *,
    date_line: str = "",
    left: Sequence[Flowable] = (),
    st: Styles | None = None,
) -> Table:
    """One or two signature columns side by side, titles and names on the same lines.

    One signer stands in the right half; ``left`` (e.g. :func:`recipients_block`)
    may fill the left half.  ``date_line`` goes above the rightmost signer.
    """
    st = st or styles()
    if not 1 <= len(signers) <= 2:
        raise ValueError("signature_block takes one or two signers")
    cols: list[Signer | None] = [None, signers[0]] if len(signers) == 1 else list(signers)
    rows: list[list[object]] = []
    if date_line:
        rows.append(["", para(esc(date_line), st.date_line)])
    first = len(rows)
    rows.append([para(_lines(nfc(s.title).upper()), st.sign_title) if s else "" for s in cols])
    rows.append([para(esc(s.note), st.sign_note) if s and s.note else "" for s in cols])
    rows.append(["", ""])
    rows.append([para(_lines(s.name), st.sign_name) if s and s.name else "" for s in cols])
    space = max(s.space for s in signers)
    heights: list[float | None] = [None] * len(rows)
    heights[first + 2] = space
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
    if left and cols[0] is None:
        rows[first][0] = list(left)
        commands.append(("SPAN", (0, first), (0, len(rows) - 1)))
    table = Table(rows, colWidths=[width / 2, width / 2], rowHeights=heights, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    table.keepWithNext = False
    return table


# -- the document -----------------------------------------------------------------------------


class SectionStart(Flowable):
    """Begins a section on a fresh page (one household's form): page numbers restart at 1."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        pass


class _OfficialDoc(BaseDocTemplate):
    def __init__(
        self,
        filename: str,
        pagesize: tuple[float, float],
        on_section: Callable[[int], None] | None,
        **kw: object,
    ) -> None:
        super().__init__(
            filename,
            pagesize=pagesize,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            **kw,
        )
        frame = Frame(
            MARGIN_LEFT,
            MARGIN_BOTTOM,
            frame_width(pagesize),
            frame_height(pagesize),
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        self.addPageTemplates([PageTemplate("page", [frame], onPageEnd=self._page_end, pagesize=pagesize)])
        self._on_section = on_section
        self._section_page = 1
        self.pages = 0

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab's hook
        if isinstance(flowable, SectionStart):
            self._section_page = self.page
            if self._on_section:
                self._on_section(flowable.index)

    def _page_end(self, canvas, doc) -> None:  # type: ignore[no-untyped-def]
        self.pages += 1
        number = self.page - self._section_page + 1
        if number > 1:
            canvas.saveState()
            canvas.setFont(SERIF, 13)
            x = MARGIN_LEFT + frame_width(self.pagesize) / 2
            canvas.drawCentredString(x, self.pagesize[1] - MARGIN_TOP / 2 - 4, str(number))
            canvas.restoreState()


def sections(parts: Sequence[Sequence[Flowable]]) -> list[Flowable]:
    """One story from several sections, each on a fresh page with its own page numbers."""
    story: list[Flowable] = []
    for i, part in enumerate(parts):
        if i:
            story.append(PageBreak())
        story.append(SectionStart(i))
        story.extend(part)
    return story


def build_pdf(
    path: str | os.PathLike[str],
    story: list[Flowable],
    *,
    pagesize: tuple[float, float] = PORTRAIT,
    title: str = "",
    subject: str = "",
    on_section: Callable[[int], None] | None = None,
) -> int:
    """Write ``story`` to ``path`` and return the number of pages.

    The PDF is written to a temporary file beside ``path`` and moved over it
    only when complete, so a pulled USB stick, a power cut or an exception
    (``on_section`` may raise :class:`Cancelled`) never leaves half a PDF
    under the real name.
    """
    register_fonts()
    with atomic_path(path) as tmp:
        doc = _OfficialDoc(
            str(tmp),
            pagesize,
            on_section,
            title=nfc(title),
            subject=nfc(subject),
            author="ANTQ Desktop",
            creator="ANTQ Desktop",
        )
        doc.build(story)
    return doc.pages
